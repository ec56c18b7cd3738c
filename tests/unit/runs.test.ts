import { describe, expect, it } from 'vitest';
import { PAGED_PAGES } from '../../src/eleventy/paged-pages.ts';
import { EXPORT_TEMPLATES, pageCap, pagedLists, planRuns, RUN_BUDGET } from '../../src/eleventy/run-plan.ts';
import type { Timeline } from '../../src/views/site.ts';

const items = (prefix: string, n: number, extra: object = {}) => Array.from({ length: n }, (_, i) => ({ path: `/${prefix}/${i}/`, ...extra }));
const listing = (n: number) => ({ events: Array.from({ length: n }), facet: { name: 'F', description: null } });

/** Just what the paged pages list and weigh, and a marker for everything else. */
function fakeTimeline(events = 25, periodCount = 3, eventsPerPeriod = 5): Timeline {
  return {
    site: { title: 'T', description: 'D' },
    events: items('events', events),
    periods: items('timeline', periodCount, { count: eventsPerPeriod, label: 'P' }),
    sources: items('sources', 12, { citedBy: [1, 2], title: 'S' }),
    embeds: items('embed', 2, { days: [{ events: [1, 2, 3] }] }),
    reader: { facets: 'facets', pages: { categories: items('categories', 1, listing(4)), actors: items('actors', 11, listing(2)), places: items('places', 2, listing(1)) } },
    reporting: { moments: 'moments', pages: items('as-of', 4, { days: [{ items: [1] }], moment: { phrase: 'then' } }) },
  } as unknown as Timeline;
}
const timeline = fakeTimeline();
const paths = (entries: readonly { item: unknown }[] | undefined) => (entries ?? []).map((e) => (e.item as { path: string }).path);

describe('planRuns', () => {
  const runs = planRuns(timeline, 10);
  const runsOf = (template: string) => runs.filter((r) => r.templates?.includes(template));

  it('renders each paged page type in slices of at most the given size, in order, each item once', () => {
    expect(runsOf('event.njk').map((r) => paths(r.paged['event.njk']))).toEqual([
      timeline.events.slice(0, 10).map((e) => e.path),
      timeline.events.slice(10, 20).map((e) => e.path),
      timeline.events.slice(20).map((e) => e.path),
    ]);
    for (const p of PAGED_PAGES) {
      expect(runsOf(p.template).flatMap((r) => paths(r.paged[p.template])), p.template).toEqual(p.list(timeline).map((item) => item.path));
    }
  });

  it('gives a run only the slices of its own page types, and the last run none', () => {
    for (const run of runs) {
      for (const p of PAGED_PAGES) if (!run.templates?.includes(p.template)) expect(run.paged[p.template], `${run.templates} ${p.template}`).toEqual([]);
    }
    expect(runs.at(-1)!.templates).toBeNull();
    expect(Object.values(runs.at(-1)!.paged).flat()).toEqual([]);
  });

  it('sizes slices by how many events their pages list: pages listing more events go fewer to a run', () => {
    // Event pages weigh 1; a period page listing 100 events weighs 1 + 100 / 8 = 13.5.
    const big = fakeTimeline(25_000, 2_000, 100);
    const planned = planRuns(big);
    const eventSlices = planned.filter((r) => r.templates?.includes('event.njk')).map((r) => r.paged['event.njk']!.length);
    const full = Math.floor(25_000 / RUN_BUDGET);
    expect(eventSlices).toEqual([...Array<number>(full).fill(RUN_BUDGET), ...(25_000 % RUN_BUDGET ? [25_000 % RUN_BUDGET] : [])]);
    const perRun = Math.floor(RUN_BUDGET / 13.5);
    const periodSlices = planned.filter((r) => r.templates?.includes('period.njk')).map((r) => r.paged['period.njk']!.length);
    expect(periodSlices).toEqual([...Array<number>(Math.floor(2_000 / perRun)).fill(perRun), ...(2_000 % perRun ? [2_000 % perRun] : [])]);
    expect(periodSlices.length).toBeGreaterThan(1);
    // Listing fewer events, the same 2,000 period pages fit in one run.
    expect(planRuns(fakeTimeline(25_000, 2_000, 1)).filter((r) => r.templates?.includes('period.njk'))).toHaveLength(1);
    // Each export weighs a quarter of an event page per event: at 25,000 events, each runs alone.
    for (const template of EXPORT_TEMPLATES) expect(planned.find((r) => r.templates?.includes(template))!.templates).toEqual([template]);
  });

  it('keeps a small timeline to one run and the rest', () => {
    const planned = planRuns(timeline);
    expect(planned).toHaveLength(2);
    expect([...planned[0]!.templates!].sort()).toEqual([...PAGED_PAGES.map((p) => p.template), ...EXPORT_TEMPLATES].sort());
    expect(Object.fromEntries(Object.entries(planned[0]!.paged).map(([k, v]) => [k, paths(v)]))).toEqual(
      Object.fromEntries(Object.entries(pagedLists(timeline)).map(([k, v]) => [k, paths(v)])),
    );
  });

  it('leaves out a page type with nothing to render', () => {
    expect(planRuns({ ...timeline, embeds: [] }, 10).some((r) => r.templates?.includes('embed/embed.njk'))).toBe(false);
  });
});

describe('pageCap', () => {
  it('takes a whole number from 1, and anything else as no cap', () => {
    expect(pageCap('40')).toBe(40);
    expect(pageCap('1')).toBe(1);
    for (const value of [undefined, '', '0', '-5', '0.5', '2.5', 'many', 'Infinity']) expect(pageCap(value), String(value)).toBeUndefined();
  });
});
