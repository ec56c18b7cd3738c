import type { Timeline } from '../views/site.ts';
import { entries, noPages, PAGED_PAGES, type PagedLists, type PagedPage } from './paged-pages.ts';

export { EVENT_TEMPLATE, pagedLists, type PagedLists } from './paged-pages.ts';

/**
 * How a build splits the site into Eleventy runs. Eleventy holds every page a run renders until the run ends, and
 * V8 marks all of it at every full collection: a 50,000-event site rendered in two runs reached 3.8 GB, and its
 * second run took 41 s against 3.7 s at 10,000 events, mostly collecting garbage. So the templates with a page per
 * item of a list in the model, and the exports, render in runs of bounded size, each run slices of one or more of
 * them. Everything else renders last.
 *
 * A paged page type (a row of PAGED_PAGES) paginates over its list in the `paged` global data, which holds the
 * run's slice of it; `timeline` stays whole in every run, so whatever else a page reads from it is the same in any run.
 *
 * Sizes are in "event pages" (about 8 KB of HTML), from the model (pageWeight). A run holds at most RUN_BUDGET of
 * them, about 20 MB of HTML and several times that in Eleventy's records of it. Setting up a run costs 20–30 ms.
 * At 10,000 events, runs of 2,500 kept the build's largest process at 959 MB against 1,131 MB with runs of 10,000,
 * for no more CPU (measured with /usr/bin/time, one build each).
 */
export const RUN_BUDGET = 2_500;

/**
 * A page's size in event pages: one, and an eighth of one for each event it lists in full (a list entry is about
 * 1 KB, an event page 8 KB), so a period or facet page listing 100 events weighs 13.5.
 */
export const ENTRY_WEIGHT = 0.125;

export function pageWeight(page: PagedPage, item: { path: string }): number {
  return 1 + page.listed(item) * ENTRY_WEIGHT;
}

/** Single files that grow with the timeline: each about a quarter of an event page per event. */
export const EXPORT_TEMPLATES: readonly string[] = ['events-json.njk', 'timeline.json.njk', 'events.csv.njk'];
const EXPORT_WEIGHT_PER_EVENT = 0.25;

export interface RenderRun {
  /** The templates this run renders (relative to templates/), or null for every template not rendered apart. */
  templates: readonly string[] | null;
  /** The run's slices; a list no template of the run paginates over is empty. */
  paged: PagedLists;
}

/**
 * The runs that render `timeline`: slices of the paged templates and the exports, packed in order into runs of at
 * most RUN_BUDGET (a template at most once a run), then the rest. `pagesPerRun` caps every slice (BUILD_PAGES_PER_RUN:
 * a test renders a small site in many runs this way).
 */
export function planRuns(timeline: Timeline, pagesPerRun = Infinity): RenderRun[] {
  const parts = [
    ...PAGED_PAGES.flatMap((page) =>
      slices(page, page.list(timeline), pagesPerRun).map(({ items, weight }) => ({
        template: page.template,
        weight,
        slice: { [page.template]: entries(page, timeline, items) },
      })),
    ),
    ...EXPORT_TEMPLATES.map((template) => ({ template, weight: timeline.events.length * EXPORT_WEIGHT_PER_EVENT, slice: {} })),
  ];
  const runs: { templates: string[]; weight: number; paged: PagedLists }[] = [];
  for (const part of parts) {
    const last = runs.at(-1);
    if (last && last.weight + part.weight <= RUN_BUDGET && !last.templates.includes(part.template)) {
      last.templates.push(part.template);
      last.weight += part.weight;
      Object.assign(last.paged, part.slice);
    } else runs.push({ templates: [part.template], weight: part.weight, paged: { ...noPages(), ...part.slice } });
  }
  return [...runs.map(({ templates, paged }) => ({ templates, paged })), { templates: null, paged: noPages() }];
}

/** A row's items in order, cut where a slice would pass RUN_BUDGET or hold more than `pagesPerRun` pages. */
function slices(page: PagedPage, items: readonly { path: string }[], pagesPerRun: number) {
  const cut: { items: { path: string }[]; weight: number }[] = [];
  let current: { items: { path: string }[]; weight: number } | undefined;
  for (const item of items) {
    const weight = pageWeight(page, item);
    if (!current || current.items.length >= pagesPerRun || (current.items.length > 0 && current.weight + weight > RUN_BUDGET)) {
      cut.push((current = { items: [], weight: 0 }));
    }
    current.items.push(item);
    current.weight += weight;
  }
  return cut;
}

/** BUILD_PAGES_PER_RUN as a cap for planRuns: a whole number from 1, or no cap. */
export function pageCap(value: string | undefined): number | undefined {
  const cap = Number(value);
  return Number.isInteger(cap) && cap >= 1 ? cap : undefined;
}

/** The templates the last run leaves to the others. */
export const RENDERED_APART: readonly string[] = [...PAGED_PAGES.map((p) => p.template), ...EXPORT_TEMPLATES];
