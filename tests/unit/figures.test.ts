import { describe, expect, it } from 'vitest';
import { groupFigures, splitByDispute, type FigureEvent } from '../../src/views/figures.ts';
import type { ClaimView } from '../../src/model/timeline.ts';
import { date } from './support/dates.ts';
import { claim } from './support/records.ts';

const NAMES: Record<string, string> = { armenia: 'Armenia', vardanyan: 'Ruben Vardanyan', activist: 'A human rights activist', russia: 'Russia' };

/** A claim as the Timeline presents it; the labels are written out by hand. */
function view(source: string, claimant: string, measure: ClaimView['measure'], figureLabel: string, value: number | null, extra: Partial<ClaimView> = {}): ClaimView {
  return {
    ...claim(source, `quote in ${source}`, { measure, claimant, value }),
    measureLabel: measure,
    figureLabel,
    claimantName: NAMES[claimant]!,
    sourceTitle: `Title ${source}`,
    sourcePath: `/sources/${source}/`,
    passagePath: `/sources/${source}/#q-test`,
    reportedAt: date(source === 'early' ? '2023-09-20' : '2023-09-21'),
    reportedStated: false,
    claimantKind: null,
    reportedInstant: source === 'early' ? '2023-09-20T20:00:00Z' : '2023-09-21T20:00:00Z',
    reportedLabel: source === 'early' ? '20 Sep 2023' : '21 Sep 2023',
    ...extra,
  };
}

const event = (id: string, claimViews: ClaimView[]): FigureEvent => ({ id, title: `Event ${id}`, path: `/events/${id}/`, claimViews });

const events = [
  event('casualties', [
    view('late', 'armenia', 'killed', '32', 32),
    view('early', 'armenia', 'killed', 'at least 32', 32),
    view('early', 'vardanyan', 'killed', 'close to 100', 100),
    view('late', 'activist', 'killed', 'at least 200', 200),
    view('early', 'vardanyan', 'injured', 'hundreds', null),
    view('late', 'armenia', 'injured', '200', 200),
  ]),
  event('evacuation', [view('late', 'russia', 'evacuated', '3,154', 3154), view('late', 'russia', 'children-evacuated', '1,428', 1428)]),
];
// Sources as the sources page orders them: by publication date.
const SOURCE_ORDER = ['early', 'late'];
const pages = new Set(['armenia', 'russia']);
const groups = groupFigures(events, SOURCE_ORDER, (id) => (pages.has(id) ? `/actors/${id}/` : null));

describe('groupFigures', () => {
  it('groups by measure in the vocabulary order, leaving out measures nobody gives', () => {
    expect(groups.map((g) => [g.measure, g.anchor])).toEqual([
      ['killed', 'm-killed'],
      ['injured', 'm-injured'],
      ['evacuated', 'm-evacuated'],
      ['children-evacuated', 'm-children-evacuated'],
    ]);
    expect(groups[0]!.label).toBe('Killed');
    expect(groups[3]!.label).toBe('Children evacuated');
  });

  it('sets claimants side by side by name, each with its figures in source order', () => {
    const killed = groups[0]!;
    expect(killed.claimants.map((c) => c.name)).toEqual(['A human rights activist', 'Armenia', 'Ruben Vardanyan']);
    const armenia = killed.claimants[1]!;
    expect(armenia.figures.map((f) => [f.sourceId, f.figureLabel])).toEqual([
      ['early', 'at least 32'],
      ['late', '32'],
    ]);
    expect(armenia.figures[0]).toMatchObject({ sourceTitle: 'Title early', sourcePath: '/sources/early/', eventId: 'casualties', eventPath: '/events/casualties/' });
  });

  it('counts the figures and the sources of each measure', () => {
    expect(groups[0]).toMatchObject({ figureCount: 4, sourceCount: 2 });
    expect(groups[2]).toMatchObject({ figureCount: 1, sourceCount: 1 });
  });

  it('links a claimant only where it has a page', () => {
    expect(groups[0]!.claimants.map((c) => c.path)).toEqual([null, '/actors/armenia/', null]);
  });

  it('scales each bar against the largest number for the same measure; words get no bar', () => {
    // Killed: 200 is the largest, so 32 → 16 %, 100 → 50 %.
    const bars = groups[0]!.claimants.flatMap((c) => c.figures.map((f) => [f.figureLabel, f.barPercent]));
    expect(bars).toEqual([
      ['at least 200', 100],
      ['at least 32', 16],
      ['32', 16],
      ['close to 100', 50],
    ]);
    const injured = groups[1]!.claimants.flatMap((c) => c.figures.map((f) => [f.figureLabel, f.barPercent]));
    expect(injured).toEqual([
      ['200', 100],
      ['hundreds', null],
    ]);
  });

  it('measures a range by its upper bound and never draws a bar thinner than 1 %', () => {
    const [g] = groupFigures(
      [event('e', [view('late', 'armenia', 'killed', '10–1,000', 10, { max: 1000 }), view('late', 'russia', 'killed', '4', 4)])],
      SOURCE_ORDER,
      () => null,
    );
    expect(g!.claimants.flatMap((c) => c.figures.map((f) => f.barPercent))).toEqual([1, 1]);
  });

  it('gives no groups when no event carries claims', () => {
    expect(groupFigures([event('quiet', [])], SOURCE_ORDER, () => null)).toEqual([]);
  });
});

describe('groupFigures: figures of a background event', () => {
  it("get a group of their own after the story's, labelled with the event, and never join the story's chart", () => {
    const war = { ...event('war', [view('late', 'russia', 'killed', 'more than 6,500', 6500)]), title: 'An earlier war', era: 'background' as const };
    const withWar = groupFigures([war, ...events], SOURCE_ORDER, (id) => (pages.has(id) ? `/actors/${id}/` : null));
    expect(withWar.map((g) => [g.anchor, g.label])).toEqual([
      ['m-killed', 'Killed'],
      ['m-injured', 'Injured'],
      ['m-evacuated', 'Evacuated'],
      ['m-children-evacuated', 'Children evacuated'],
      ['m-killed-war', 'Killed: An earlier war'],
    ]);
    // The story's death tolls are as they were without the war's; the war's stands alone, in its own chart.
    expect(withWar[0]!.claimants).toEqual(groups[0]!.claimants);
    expect(withWar[0]!.figureCount).toBe(groups[0]!.figureCount);
    expect(withWar[4]!.claimants.flatMap((c) => c.figures.map((f) => f.figureLabel))).toEqual(['more than 6,500']);
    expect(withWar[4]!.chart?.id).toBe('chart-killed-war');
  });
});

describe('splitByDispute', () => {
  it('puts the measures more than one claimant gives first, then those only one gives, each in the groups\' order', () => {
    // Killed: the activist, Armenia and Vardanyan; injured: Armenia and Vardanyan; both evacuation figures: Russia alone.
    const { disputed, single } = splitByDispute(groups);
    expect(disputed.map((g) => g.measure)).toEqual(['killed', 'injured']);
    expect(single.map((g) => g.measure)).toEqual(['evacuated', 'children-evacuated']);
  });

  it('counts claimants, not figures: one claimant giving two figures is not a dispute', () => {
    const [g] = groupFigures([event('e', [view('early', 'armenia', 'killed', 'at least 32', 32), view('late', 'armenia', 'killed', '32', 32)])], SOURCE_ORDER, () => null);
    expect(g!.disputed).toBe(false);
    expect(splitByDispute([g!]).single).toHaveLength(1);
  });

  it('draws each chart twice, wide and narrow, under ids of their own', () => {
    expect([groups[0]!.chart?.id, groups[0]!.chart?.width, groups[0]!.narrowChart?.id, groups[0]!.narrowChart?.width]).toEqual(['chart-killed', 640, 'chart-killed-narrow', 288]);
  });
});
