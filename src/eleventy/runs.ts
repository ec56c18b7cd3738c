import { chunk } from '../model/sitemap.ts';
import type { Timeline } from '../model/timeline.ts';

/**
 * How a build splits the site into Eleventy runs. Eleventy holds every page a run renders until the run ends, and
 * V8 marks all of it at every full collection: a 50,000-event site rendered in two runs reached 3.8 GB, and its
 * second run took 41 s against 3.7 s at 10,000 events, mostly collecting garbage. So each template with a page per
 * item of a list in the model renders in runs of its own, at most `perRun` pages each, over a copy of the timeline
 * whose list holds just those items; each large export renders alone; everything else renders in one last run.
 */

/** A template with a page per item of a list in the model. Its pages' permalink is the item's `path`. */
export interface PagedTemplate {
  /** Relative to templates/. */
  template: string;
  perRun: number;
  /** Listed in the sitemap. Paged templates stay out of Eleventy's collections: the sitemap takes them from here. */
  inSitemap: boolean;
  items(timeline: Timeline): readonly { path: string }[];
  /** The timeline with the template's list replaced by `items` (a slice of it). */
  with(timeline: Timeline, items: readonly { path: string }[]): Timeline;
}

function paged<T extends { path: string }>(
  template: string,
  perRun: number,
  inSitemap: boolean,
  items: (timeline: Timeline) => readonly T[],
  replace: (timeline: Timeline, items: T[]) => Timeline,
): PagedTemplate {
  return { template, perRun, inSitemap, items, with: (timeline, slice) => replace(timeline, slice as T[]) };
}

const withPages = (timeline: Timeline, pages: Partial<Timeline['reader']['pages']>): Timeline => ({
  ...timeline,
  reader: { ...timeline.reader, pages: { ...timeline.reader.pages, ...pages } },
});

/**
 * An event page is about 8 KB and a listing page up to 140 KB (100 entries), so a run holds at most 10,000 event
 * pages or 1,000 others: about 80–140 MB of HTML, whatever the size of the timeline.
 */
export const PAGED_TEMPLATES: readonly PagedTemplate[] = [
  paged('event.njk', 10_000, true, (t) => t.events, (t, events) => ({ ...t, events })),
  paged('period.njk', 1_000, true, (t) => t.periods, (t, periods) => ({ ...t, periods })),
  paged('categories/category.njk', 1_000, true, (t) => t.reader.pages.categories, (t, categories) => withPages(t, { categories })),
  paged('actors/actor.njk', 1_000, true, (t) => t.reader.pages.actors, (t, actors) => withPages(t, { actors })),
  paged('places/place.njk', 1_000, true, (t) => t.reader.pages.places, (t, places) => withPages(t, { places })),
  paged('as-of.njk', 1_000, true, (t) => t.reporting.pages, (t, pages) => ({ ...t, reporting: { ...t.reporting, pages } })),
  paged('source.njk', 1_000, true, (t) => t.sources, (t, sources) => ({ ...t, sources })),
  paged('embed/embed.njk', 1_000, false, (t) => t.embeds, (t, embeds) => ({ ...t, embeds })),
];

/** Single files that grow with the timeline (about 10 MB each per 5,000 events): each renders in a run of its own. */
export const EXPORT_TEMPLATES: readonly string[] = ['events-json.njk', 'timeline.json.njk', 'events.csv.njk'];

export interface RenderRun {
  /** The one template this run renders (relative to templates/), or null for every template not rendered apart. */
  template: string | null;
  timeline: Timeline;
}

/**
 * The runs that render `timeline`: each paged template in slices, then the exports, then the rest. `pagesPerRun`
 * lowers every template's `perRun` (BUILD_PAGES_PER_RUN: a test renders a small site in many runs this way).
 */
export function planRuns(timeline: Timeline, pagesPerRun = Infinity): RenderRun[] {
  const pagedRuns = PAGED_TEMPLATES.flatMap((p) =>
    chunk(p.items(timeline), Math.min(p.perRun, pagesPerRun)).map((items) => ({ template: p.template, timeline: p.with(timeline, items) })),
  );
  return [...pagedRuns, ...EXPORT_TEMPLATES.map((template) => ({ template, timeline })), { template: null, timeline }];
}

/** The templates the last run leaves to the others. */
export const RENDERED_APART: readonly string[] = [...PAGED_TEMPLATES.map((p) => p.template), ...EXPORT_TEMPLATES];

/** The addresses of the paged templates' pages that the sitemap lists. */
export function pagedSitemapPaths(timeline: Timeline): string[] {
  return PAGED_TEMPLATES.filter((p) => p.inSitemap).flatMap((p) => p.items(timeline).map((item) => item.path));
}
