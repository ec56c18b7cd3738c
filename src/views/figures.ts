import { MEASURES, type Measure, type Qualifier } from '../schema/vocabulary.ts';
import { CHART, drawClaimsChart, type ClaimsChart } from './claims-chart.ts';
import type { ClaimView } from '../model/timeline.ts';

/** One figure as one claimant gave it in one source. */
export interface FigureEntry {
  figureLabel: string;
  value: number | null;
  max: number | null;
  qualifier: Qualifier | null;
  /** The source's words, where it gives no number. */
  figure: string | null;
  /** When the claimant gave it where the article says (`reportedStated`), else when the article appeared. */
  reportedLabel: string;
  reportedDatetime: string;
  reportedInstant: string;
  reportedStated: boolean;
  /** Bar length against the largest number given for the same measure, 0–100; null where the figure is words. */
  barPercent: number | null;
  attribution: string | null;
  quote: string;
  sourceId: string;
  sourceTitle: string;
  sourcePath: string;
  eventId: string;
  eventTitle: string;
  eventPath: string;
}

export interface ClaimantFigures {
  id: string;
  name: string;
  /** The claimant's own page, where it has one. */
  path: string | null;
  figures: FigureEntry[];
}

export interface FigureGroup {
  measure: Measure;
  label: string;
  /** Anchor on the figures page: `m-killed`. */
  anchor: string;
  claimants: ClaimantFigures[];
  /** How many figures, claimants and sources the group brings together. */
  figureCount: number;
  sourceCount: number;
  /** The build-time chart of the group's figures (src/views/claims-chart.ts); null when none is a number. */
  chart: ClaimsChart | null;
  /** The same chart laid out for a narrow column, shown instead of `chart` where that would shrink its text. */
  narrowChart: ClaimsChart | null;
  /** More than one claimant gives a figure for it. */
  disputed: boolean;
}

export interface FigureEvent {
  id: string;
  title: string;
  path: string;
  /** A background event's figures (an earlier war's toll) get groups of their own, apart from the story's. */
  era?: 'background' | 'main';
  claimViews: readonly ClaimView[];
}

/** What a group is about: a measure, and for a background event's figures, that event. */
type GroupKey = Pick<FigureGroup, 'measure' | 'label' | 'anchor'>;

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * The disputed-figures page: every claim grouped by what it measures (in the vocabulary's order), then by
 * claimant (by name, so no side comes first by design), then by source (in `sourceOrder`, the sources page's
 * order), so that a reader sees side by side who says what, and where. A background event's figures form groups of
 * their own, after the story's, labelled with the event: an earlier war's toll is not a rival count of this one's.
 */
export function groupFigures(
  events: readonly FigureEvent[],
  sourceOrder: readonly string[],
  actorPath: (id: string) => string | null,
): FigureGroup[] {
  const rank = new Map(sourceOrder.map((id, i) => [id, i]));
  const byMeasure = new Map<Measure, Map<string, ClaimantFigures>>();
  const background = new Map<string, { key: GroupKey; order: number; claimants: Map<string, ClaimantFigures> }>();
  for (const [eventIndex, event] of events.entries()) {
    for (const c of event.claimViews) {
      let claimants: Map<string, ClaimantFigures>;
      if (event.era === 'background') {
        const id = `${c.measure}-${event.id}`;
        const key = { measure: c.measure, label: `${MEASURES[c.measure]}: ${event.title}`, anchor: `m-${id}` };
        const order = Object.keys(MEASURES).indexOf(c.measure) * events.length + eventIndex;
        const group = background.get(id) ?? { key, order, claimants: new Map<string, ClaimantFigures>() };
        background.set(id, group);
        claimants = group.claimants;
      } else {
        claimants = byMeasure.get(c.measure) ?? new Map<string, ClaimantFigures>();
        byMeasure.set(c.measure, claimants);
      }
      const claimant = claimants.get(c.claimant) ?? { id: c.claimant, name: c.claimantName, path: actorPath(c.claimant), figures: [] };
      claimants.set(c.claimant, claimant);
      claimant.figures.push({
        figureLabel: c.figureLabel,
        value: c.value,
        max: c.max,
        qualifier: c.qualifier,
        figure: c.figure,
        reportedLabel: c.reportedLabel,
        reportedDatetime: c.reportedAt.raw,
        reportedInstant: c.reportedInstant,
        reportedStated: c.reportedStated,
        barPercent: null,
        attribution: c.attribution,
        quote: c.quote,
        sourceId: c.source,
        sourceTitle: c.sourceTitle,
        sourcePath: c.sourcePath,
        eventId: event.id,
        eventTitle: event.title,
        eventPath: event.path,
      });
    }
  }

  const sorted = (claimants: Map<string, ClaimantFigures>) => {
    const list = [...claimants.values()].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
    // A stable sort keeps the timeline order of figures from the same source.
    for (const c of list) c.figures.sort((a, b) => (rank.get(a.sourceId) ?? Infinity) - (rank.get(b.sourceId) ?? Infinity));
    return list;
  };
  const story = (Object.keys(MEASURES) as Measure[]).flatMap((measure): FigureGroup[] => {
    const claimants = byMeasure.get(measure);
    return claimants ? [summarise({ measure, label: MEASURES[measure], anchor: `m-${measure}` }, sorted(claimants))] : [];
  });
  const earlier = [...background.values()].sort((a, b) => a.order - b.order).map((g) => summarise(g.key, sorted(g.claimants)));
  return [...story, ...earlier];
}

/** A group's counts, bar lengths and chart, from its claimants' figures. */
function summarise({ measure, label, anchor }: GroupKey, claimants: ClaimantFigures[]): FigureGroup {
  const all = claimants.flatMap((c) => c.figures);
  const largest = Math.max(0, ...all.map((f) => f.max ?? f.value ?? 0));
  for (const f of all) f.barPercent = f.value === null || largest === 0 ? null : Math.max(1, Math.round((f.value / largest) * 100));
  const id = `chart-${anchor.slice('m-'.length)}`;
  return {
    measure,
    label,
    anchor,
    claimants,
    figureCount: all.length,
    sourceCount: new Set(all.map((f) => f.sourceId)).size,
    chart: drawClaimsChart({ id, label, claimants }),
    narrowChart: drawClaimsChart({ id: `${id}-narrow`, label, claimants }, CHART.narrowWidth),
    disputed: claimants.length > 1,
  };
}

/**
 * The figures page's two parts, each in the groups' order: first the measures for which more than one claimant
 * gives a figure, which a reader can compare, then those only one claimant gives, which nobody contradicts in
 * these articles and so are not called disputed.
 */
export function splitByDispute(groups: readonly FigureGroup[]): { disputed: FigureGroup[]; single: FigureGroup[] } {
  return { disputed: groups.filter((g) => g.disputed), single: groups.filter((g) => !g.disputed) };
}

/**
 * The groups with only the figures `keep` accepts (new objects; the input is untouched), dropping claimants and
 * measures left without figures: the figures as they stood at a moment, for the "what was known when" pages.
 */
export function filterFigures(groups: readonly FigureGroup[], keep: (f: FigureEntry) => boolean): FigureGroup[] {
  return groups.flatMap((g) => {
    const claimants = g.claimants
      .map((c) => ({ ...c, figures: c.figures.filter(keep).map((f) => ({ ...f })) }))
      .filter((c) => c.figures.length > 0);
    return claimants.length ? [summarise(g, claimants)] : [];
  });
}

/**
 * The groups made again from picked figures, given in group, claimant and figure order (new objects; the input is
 * untouched): as `filterFigures`, in time proportional to the picks rather than to all the figures.
 */
export function regroupFigures(groups: readonly FigureGroup[], picks: readonly { group: number; claimant: number; figure: FigureEntry }[]): FigureGroup[] {
  const out: FigureGroup[] = [];
  let i = 0;
  while (i < picks.length) {
    const g = picks[i]!.group;
    const claimants: ClaimantFigures[] = [];
    for (; i < picks.length && picks[i]!.group === g; i++) {
      const pick = picks[i]!;
      const last = claimants[claimants.length - 1];
      const source = groups[g]!.claimants[pick.claimant]!;
      if (last && last.id === source.id) last.figures.push({ ...pick.figure });
      else claimants.push({ ...source, figures: [{ ...pick.figure }] });
    }
    out.push(summarise(groups[g]!, claimants));
  }
  return out;
}

