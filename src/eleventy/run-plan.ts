import { chunk } from '../lib/chunk.ts';
import type { Timeline } from '../views/site.ts';

/**
 * How a build splits the site into Eleventy runs. Eleventy holds every page a run renders until the run ends, and
 * V8 marks all of it at every full collection: a 50,000-event site rendered in two runs reached 3.8 GB, and its
 * second run took 41 s against 3.7 s at 10,000 events, mostly collecting garbage. So the templates with a page per
 * item of a list in the model, and the exports, render in runs of bounded size, each run slices of one or more of
 * them. Everything else renders last.
 *
 * A paged template paginates over its list in the `paged` global data (`paged.events`, …), which holds the run's
 * slice; `timeline` stays whole in every run, so whatever else a page reads from it is the same in any run.
 *
 * Sizes are in "event pages" (about 8 KB of HTML). A run holds at most RUN_BUDGET of them, about 80 MB: five runs
 * at 10,000 events (the last for the rest), eighteen at 50,000. Setting up a run costs 20–30 ms.
 */
export const RUN_BUDGET = 10_000;

/** The lists the paged templates paginate over, by name in the `paged` global data. */
export interface PagedLists {
  events: Timeline['events'];
  periods: Timeline['periods'];
  categories: Timeline['reader']['pages']['categories'];
  actors: Timeline['reader']['pages']['actors'];
  places: Timeline['reader']['pages']['places'];
  asOf: Timeline['reporting']['pages'];
  sources: Timeline['sources'];
  embeds: Timeline['embeds'];
}

/** The whole lists, as a site rendered in one run (or the preview's one page) uses them. */
export function pagedLists(timeline: Timeline): PagedLists {
  const { pages } = timeline.reader;
  return {
    events: timeline.events,
    periods: timeline.periods,
    categories: pages.categories,
    actors: pages.actors,
    places: pages.places,
    asOf: timeline.reporting.pages,
    sources: timeline.sources,
    embeds: timeline.embeds,
  };
}

/** A template with a page per item of a list. Its pages' permalink is the item's `path`. */
export interface PagedTemplate {
  /** Relative to templates/. */
  template: string;
  list: keyof PagedLists;
  /**
   * The size of a page in event pages, from a 10,000-event site: period and facet pages list up to 100 events
   * (up to 140 KB), as-of pages 26 KB, source pages 18 KB, embeds 35 KB.
   */
  weight: number;
  /** Listed in the sitemap. Paged templates stay out of Eleventy's collections: the sitemap takes them from here. */
  inSitemap: boolean;
}

/** The template with a page per event: the preview's quick page renders it alone (see src/serve/quick.ts). */
export const EVENT_TEMPLATE = 'event.njk';

export const PAGED_TEMPLATES: readonly PagedTemplate[] = [
  { template: EVENT_TEMPLATE, list: 'events', weight: 1, inSitemap: true },
  { template: 'period.njk', list: 'periods', weight: 15, inSitemap: true },
  { template: 'categories/category.njk', list: 'categories', weight: 15, inSitemap: true },
  { template: 'actors/actor.njk', list: 'actors', weight: 15, inSitemap: true },
  { template: 'places/place.njk', list: 'places', weight: 15, inSitemap: true },
  { template: 'as-of.njk', list: 'asOf', weight: 4, inSitemap: true },
  { template: 'source.njk', list: 'sources', weight: 3, inSitemap: true },
  { template: 'embed/embed.njk', list: 'embeds', weight: 5, inSitemap: false },
];

/** Single files that grow with the timeline: each about a quarter of an event page per event. */
export const EXPORT_TEMPLATES: readonly string[] = ['events-json.njk', 'timeline.json.njk', 'events.csv.njk'];
const EXPORT_WEIGHT_PER_EVENT = 0.25;

export interface RenderRun {
  /** The templates this run renders (relative to templates/), or null for every template not rendered apart. */
  templates: readonly string[] | null;
  /** The run's slices; a list no template of the run paginates over is empty. */
  paged: PagedLists;
}

const NOTHING: PagedLists = { events: [], periods: [], categories: [], actors: [], places: [], asOf: [], sources: [], embeds: [] };

/**
 * The runs that render `timeline`: slices of the paged templates and the exports, packed in order into runs of at
 * most RUN_BUDGET (a template at most once a run), then the rest. `pagesPerRun` caps every slice (BUILD_PAGES_PER_RUN:
 * a test renders a small site in many runs this way).
 */
export function planRuns(timeline: Timeline, pagesPerRun = Infinity): RenderRun[] {
  const lists = pagedLists(timeline);
  const parts = [
    ...PAGED_TEMPLATES.flatMap((p) =>
      chunk(lists[p.list] as readonly unknown[], Math.min(Math.floor(RUN_BUDGET / p.weight), pagesPerRun)).map((items) => ({
        template: p.template,
        weight: items.length * p.weight,
        slice: { [p.list]: items } as Partial<PagedLists>,
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
    } else runs.push({ templates: [part.template], weight: part.weight, paged: { ...NOTHING, ...part.slice } });
  }
  return [...runs.map(({ templates, paged }) => ({ templates, paged })), { templates: null, paged: NOTHING }];
}

/** BUILD_PAGES_PER_RUN as a cap for planRuns: a whole number from 1, or no cap. */
export function pageCap(value: string | undefined): number | undefined {
  const cap = Number(value);
  return Number.isInteger(cap) && cap >= 1 ? cap : undefined;
}

/** The templates the last run leaves to the others. */
export const RENDERED_APART: readonly string[] = [...PAGED_TEMPLATES.map((p) => p.template), ...EXPORT_TEMPLATES];

/** The addresses of the paged templates' pages that the sitemap lists. */
export function pagedSitemapPaths(timeline: Timeline): string[] {
  const lists = pagedLists(timeline);
  return PAGED_TEMPLATES.filter((p) => p.inSitemap).flatMap((p) => (lists[p.list] as readonly { path: string }[]).map((item) => item.path));
}
