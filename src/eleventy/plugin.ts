import type UserConfig from '@11ty/eleventy/UserConfig';
import { formatDiagnostics, summarise } from '../diagnostics/reporter.ts';
import { eventsJson } from '../exports/events-json.ts';
import { eventsCsv } from '../exports/csv.ts';
import { buildFeed, jsonFeed } from '../exports/feeds.ts';
import { pageMeta } from '../exports/page-meta.ts';
import { sitemapChunks, type PageItem } from '../exports/sitemap.ts';
import { timelineJs } from '../exports/timelinejs.ts';
import type { Timeline } from '../views/site.ts';
import { runPipeline } from '../pipeline.ts';
import { facetPath, type FacetKind } from '../views/facets.ts';
import { absoluteUrl, prefixPath } from './filters.ts';
import { pagedLists, pagedSitemapPaths } from './runs.ts';

/** Thrown when content is invalid; its message is the editor-facing report, not a stack. */
export class ContentError extends Error {
  override name = 'ContentError';
}

/** Loads, validates and models `content/` (the same pipeline as the build), or throws a ContentError listing every problem. */
export async function loadTimeline(projectRoot: string): Promise<Timeline> {
  const result = await runPipeline(projectRoot);
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    throw new ContentError(`${formatDiagnostics(errors)}\n\n${summarise(errors)}`);
  }
  return result.timeline;
}

/**
 * An event's entry in a list (the timeline, its period page, each of its category, actor and place pages) is the
 * same wherever it appears: rendered once per heading level and date style, not once per page it is on. Kept for
 * the module, not the plugin, because a build renders its lists in several Eleventy runs (src/eleventy/runs.ts);
 * kept by timeline, so that entries go with their model and a timeline built anew renders its own.
 */
const items = new WeakMap<object, WeakMap<object, Map<string, string>>>();

interface NunjucksFilterThis {
  env: { render(name: string, context: object): string };
  ctx: { timeline?: unknown };
}

export interface PluginOptions {
  projectRoot?: string;
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
  eleventyConfig.addWatchTarget('content/');
  eleventyConfig.addFilter('absoluteUrl', absoluteUrl);
  eleventyConfig.addFilter('url', function (this: { ctx?: { timeline?: { site?: { url?: string } } } }, path: string) {
    return prefixPath(path, this.ctx?.timeline?.site?.url);
  });
  function eventItem(this: NunjucksFilterThis, e: object, level: number, showDate: boolean): string {
    const timeline = this.ctx.timeline as object;
    let entries = items.get(timeline);
    if (!entries) items.set(timeline, (entries = new WeakMap()));
    let variants = entries.get(e);
    if (!variants) entries.set(e, (variants = new Map()));
    const key = `${level}:${showDate}`;
    let html = variants.get(key);
    if (html === undefined) variants.set(key, (html = this.env.render('event-item.njk', { timeline: this.ctx.timeline, e, level, showDate })));
    return html;
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
  eleventyConfig.addCollection('sitemap', (api: { getAll(): (PageItem & { data?: { timeline?: Timeline } })[] }) => {
    const pages = api.getAll();
    const timeline = pages[0]?.data?.timeline;
    // A run of paged templates or exports alone has nothing in its collections, and no sitemap to write.
    if (!timeline) return [];
    // The paged templates (events, periods, facets, sources…) stay out of collections: list them from the model.
    return sitemapChunks([...pages, ...pagedSitemapPaths(timeline).map((url) => ({ url }))]);
  });
  eleventyConfig.addPassthroughCopy({ 'templates/assets': 'assets' });
}
