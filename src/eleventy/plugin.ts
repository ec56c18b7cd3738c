import type UserConfig from '@11ty/eleventy/UserConfig';
import { failureReport } from '../diagnostics/reporter.ts';
import { eventsJson } from '../exports/events-json.ts';
import { eventsCsv } from '../exports/csv.ts';
import { buildFeed, jsonFeed } from '../exports/feeds.ts';
import { pageMeta } from '../exports/page-meta.ts';
import { sitemapChunks, type PageItem } from '../exports/sitemap.ts';
import { timelineJs } from '../exports/timelinejs.ts';
import type { Timeline } from '../views/site.ts';
import { runPipeline } from '../pipeline.ts';
import { facetPath, type FacetKind } from '../views/facets.ts';
import { curlyQuotes } from '../lib/quotation-marks.ts';
import { absoluteUrl, prefixPath } from './filters.ts';
import { listEntryCache, type ListEntryCache } from './list-entries.ts';
import { PAGED_PAGES, pagedLists, pagedSitemapPaths, pagedTemplate } from './paged-pages.ts';

/** Thrown when content is invalid; its message is the editor-facing report, not a stack. */
export class ContentError extends Error {
  override name = 'ContentError';
}

/** Loads, validates and models `content/` (the same pipeline as the build), or throws a ContentError listing every problem. */
export async function loadTimeline(projectRoot: string): Promise<Timeline> {
  const result = await runPipeline(projectRoot);
  if (!result.ok) throw new ContentError(failureReport(result.diagnostics));
  return result.timeline;
}

/** Shared by every Eleventy run of the process: the runs of one build render the same events (see list-entries.ts). */
const sharedEntries = listEntryCache();

interface NunjucksFilterThis {
  env: { render(name: string, context: object): string };
  ctx: { timeline?: { events?: readonly object[] } };
}

export interface PluginOptions {
  projectRoot?: string;
  /** Where list entries are kept; by default, one cache for the whole process. */
  entries?: ListEntryCache;
}

/**
 * Wires the validated model into Eleventy. The build command passes a model it has already validated (as the
 * `timeline` global); run any other way, the plugin loads and validates content itself on every build.
 */
export default function newsTimeline(eleventyConfig: UserConfig, options: PluginOptions = {}): void {
  const root = options.projectRoot ?? process.cwd();
  if (!eleventyConfig.globalData || !('timeline' in eleventyConfig.globalData)) {
    // Loaded once for both globals, afresh for every build (Eleventy's --watch): Eleventy reads global data after
    // 'eleventy.before', and sends it whether or not the last build failed ('eleventy.after' only follows success).
    let loading: Promise<Timeline> | undefined;
    const timeline = () => (loading ??= loadTimeline(root));
    eleventyConfig.on('eleventy.before', () => {
      loading = undefined;
    });
    eleventyConfig.addGlobalData('timeline', timeline);
    // One run renders everything: the paged templates paginate over the whole lists.
    eleventyConfig.addGlobalData('paged', async () => pagedLists(await timeline()));
  }
  for (const page of PAGED_PAGES) {
    const { content, data } = pagedTemplate(page);
    eleventyConfig.addTemplate(page.template, content, data);
  }
  eleventyConfig.addWatchTarget('content/');
  eleventyConfig.addFilter('absoluteUrl', absoluteUrl);
  eleventyConfig.addFilter('url', function (this: { ctx?: { timeline?: { site?: { url?: string } } } }, path: string) {
    return prefixPath(path, this.ctx?.timeline?.site?.url);
  });
  const entries = options.entries ?? sharedEntries;
  function eventItem(this: NunjucksFilterThis, e: object, level: number, showDate: boolean): string {
    const { timeline } = this.ctx;
    const render = () => this.env.render('event-item.njk', { timeline, e, level, showDate });
    return timeline?.events ? entries.get(timeline.events, e, `${level}:${showDate}`, render) : render();
  }
  // A whole list of entries, each followed by a line break: one filter call per list, not a Nunjucks loop with a
  // call per entry (210,000 entries on the listing pages of a 10,000-event timeline).
  eleventyConfig.addFilter('eventItems', function (this: NunjucksFilterThis, events: readonly object[], level: number, showDate: boolean) {
    let html = '';
    for (const e of events) html += `${eventItem.call(this, e, level, showDate)}\n`;
    return html;
  });
  eleventyConfig.addFilter('facetPath', (id: string, kind: FacetKind) => facetPath(kind, id));
  eleventyConfig.addFilter('eventsJson', eventsJson);
  eleventyConfig.addFilter('atomFeed', buildFeed);
  eleventyConfig.addFilter('jsonFeed', jsonFeed);
  eleventyConfig.addFilter('timelineJs', timelineJs);
  eleventyConfig.addFilter('eventsCsv', eventsCsv);
  eleventyConfig.addFilter('pageMeta', pageMeta);
  eleventyConfig.addFilter('curlyQuotes', curlyQuotes);
  eleventyConfig.addCollection('sitemap', (api: { getAll(): (PageItem & { data?: { timeline?: Timeline } })[] }) => {
    const pages = api.getAll();
    const timeline = pages[0]?.data?.timeline;
    // A run of paged templates or exports alone has nothing in its collections, and no sitemap to write.
    if (!timeline) return [];
    // The paged pages (events, periods, facets, sources…) stay out of collections: list them from their table.
    return sitemapChunks([...pages, ...pagedSitemapPaths(timeline).map((url) => ({ url }))]);
  });
  eleventyConfig.addPassthroughCopy({ 'templates/assets': 'assets' });
}
