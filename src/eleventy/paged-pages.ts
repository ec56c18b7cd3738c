import { asOfPageMeta, eventPageMeta, facetPageMeta, periodPageMeta, sitePageMeta, sourcePageMeta, type PageMeta } from '../exports/page-meta.ts';
import type { Timeline } from '../views/site.ts';

/**
 * The page types with a page per item of a list in the model: one row each. The plugin registers each row as a
 * virtual template (`eleventyConfig.addTemplate`) paginating over the row's list in the `paged` global data,
 * which holds a run's slice of it (see run-plan.ts); the run plan, the sitemap and the pages' metadata read the
 * same rows. A new page type is one row here and one include under `templates/_includes/`.
 *
 * The page's item reaches its include under `alias`; `meta` is its title and description, computed once per item
 * when its page renders. They stay out of Eleventy's collections: the sitemap lists them from here.
 */
export interface PagedPage<T extends { path: string } = { path: string }> {
  /** The virtual template's path, relative to templates/: also how a run names what it renders. */
  template: string;
  list: (timeline: Timeline) => readonly T[];
  /** Relative to templates/_includes/; renders one page from the item under `alias`. */
  include: string;
  alias: string;
  /** The layout (relative to templates/_includes/), or null for a page that is a whole document. */
  layout: string | null;
  /** Values the include reads besides the item (the same on every page). */
  data?: Record<string, string>;
  meta: (item: T, timeline: Timeline) => PageMeta;
  /** How many events the page lists in full: the run plan sizes runs by it (see run-plan.ts). */
  listed: (item: T) => number;
  inSitemap: boolean;
}

type Item<K extends (t: Timeline) => readonly unknown[]> = ReturnType<K>[number] & { path: string };
const events = (t: Timeline) => t.events;
const periods = (t: Timeline) => t.periods;
const categories = (t: Timeline) => t.reader.pages.categories;
const actors = (t: Timeline) => t.reader.pages.actors;
const places = (t: Timeline) => t.reader.pages.places;
const asOf = (t: Timeline) => t.reporting.pages;
const sources = (t: Timeline) => t.sources;
const embeds = (t: Timeline) => t.embeds;

const facetMeta = facetPageMeta;

function row<K extends (t: Timeline) => readonly { path: string }[]>(list: K, page: Omit<PagedPage<Item<K>>, 'list'>): PagedPage {
  return { list, ...page } as unknown as PagedPage;
}

/** The template with a page per event: the preview's quick page renders it alone (see src/serve/quick.ts). */
export const EVENT_TEMPLATE = 'event.njk';

const LAYOUT = 'layouts/base.njk';
const facet = (kindLabel: string, indexPath: string, indexLabel: string, param: string) => ({ kindLabel, indexPath, indexLabel, param });

export const PAGED_PAGES: readonly PagedPage[] = [
  row(events, { template: EVENT_TEMPLATE, include: 'pages/event.njk', alias: 'e', layout: LAYOUT, meta: eventPageMeta, listed: () => 0, inSitemap: true }),
  row(periods, { template: 'period.njk', include: 'pages/period.njk', alias: 'p', layout: LAYOUT, meta: periodPageMeta, listed: (p) => p.count, inSitemap: true }),
  row(categories, {
    template: 'categories/category.njk',
    include: 'facet-page.njk',
    alias: 'pg',
    layout: LAYOUT,
    data: facet('Category', '/categories/', 'Categories', 'category'),
    meta: facetMeta,
    listed: (pg) => pg.events.length,
    inSitemap: true,
  }),
  row(actors, {
    template: 'actors/actor.njk',
    include: 'facet-page.njk',
    alias: 'pg',
    layout: LAYOUT,
    data: facet('Events involving', '/actors/', 'People and groups', 'actor'),
    meta: facetMeta,
    listed: (pg) => pg.events.length,
    inSitemap: true,
  }),
  row(places, {
    template: 'places/place.njk',
    include: 'facet-page.njk',
    alias: 'pg',
    layout: LAYOUT,
    data: facet('Events in', '/places/', 'Places', 'place'),
    meta: facetMeta,
    listed: (pg) => pg.events.length,
    inSitemap: true,
  }),
  row(asOf, {
    template: 'as-of.njk',
    include: 'pages/as-of.njk',
    alias: 'ap',
    layout: LAYOUT,
    meta: asOfPageMeta,
    listed: (ap) => ap.days.reduce((n, day) => n + day.items.length, 0),
    inSitemap: true,
  }),
  row(sources, { template: 'source.njk', include: 'pages/source.njk', alias: 's', layout: LAYOUT, meta: sourcePageMeta, listed: (s) => s.citedBy.length, inSitemap: true }),
  row(embeds, {
    template: 'embed/embed.njk',
    include: 'pages/embed.njk',
    alias: 'embed',
    layout: null,
    meta: (_e, t) => sitePageMeta(null, t),
    listed: (embed) => embed.days.reduce((n, day) => n + day.events.length, 0),
    inSitemap: false,
  }),
];

/** A page's item with its metadata, made when the page first reads it. */
export interface PagedEntry<T = unknown> {
  item: T;
  readonly meta: PageMeta;
}

/** What the paged templates paginate over, by template: a row's whole list, or a run's slice of it. */
export type PagedLists = Record<string, readonly PagedEntry[]>;

export function entries(page: PagedPage, timeline: Timeline, items: readonly { path: string }[] = page.list(timeline)): PagedEntry[] {
  return items.map((item) => {
    let meta: PageMeta | undefined;
    return {
      item,
      get meta() {
        return (meta ??= page.meta(item, timeline));
      },
    };
  });
}

/** The whole lists, as a site rendered in one run (or the preview's one page) uses them. */
export function pagedLists(timeline: Timeline): PagedLists {
  return Object.fromEntries(PAGED_PAGES.map((page) => [page.template, entries(page, timeline)]));
}

/** No page of any type: the run that renders everything else. */
export function noPages(): PagedLists {
  return Object.fromEntries(PAGED_PAGES.map((page) => [page.template, []]));
}

/**
 * The virtual template of a row. `paged` is keyed by template path, which has dots and slashes: the pagination
 * reads it with Eleventy's lodash-style path, so the key is quoted. The include is the whole body: Eleventy
 * compiles a paginated template's body again for every page, an include only once.
 */
export function pagedTemplate(page: PagedPage): { content: string; data: Record<string, unknown> } {
  const alias = page.alias;
  return {
    content: `{% set ${alias} = pagedEntry.item %}{% include "${page.include}" %}`,
    data: {
      ...(page.layout ? { layout: page.layout } : {}),
      ...page.data,
      pagination: { data: `paged["${page.template}"]`, size: 1, alias: 'pagedEntry' },
      permalink: (data: { pagedEntry: PagedEntry<{ path: string }> }) => data.pagedEntry.item.path,
      eleventyExcludeFromCollections: true,
    },
  };
}

/** The addresses of the paged pages that the sitemap lists. */
export function pagedSitemapPaths(timeline: Timeline): string[] {
  return PAGED_PAGES.filter((p) => p.inSitemap).flatMap((p) => p.list(timeline).map((item) => item.path));
}
