import Eleventy from '@11ty/eleventy';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Timeline } from '../views/site.ts';
import { collectGarbage, worthCollecting } from './memory.ts';
import { eleventyEventBus, quietBenchmarks, quietEleventy } from './internals.ts';
import { entries, noPages, PAGED_PAGES } from './paged-pages.ts';
import { pagedLists, planRuns, RENDERED_APART, type PagedLists } from './run-plan.ts';

interface EleventyUserConfig {
  addGlobalData(name: string, value: unknown): void;
  ignores: Set<string>;
}

export interface EleventyRun {
  projectRoot: string;
  outputDir: string;
  timeline: Timeline;
  quiet: boolean;
  /** Render this one template (relative to templates/) and nothing else: the preview's quick page. */
  only?: string;
  /** Templates (relative to templates/) to leave out of this run. */
  skip?: readonly string[];
  /** At most this many pages of a template per Eleventy run, below the usual (see planRuns). */
  pagesPerRun?: number;
  /** What the paged templates render (see src/eleventy/run-plan.ts); by default, all of the timeline's. */
  paged?: PagedLists;
}

export { EVENT_TEMPLATE } from './run-plan.ts';

/**
 * Renders an already validated timeline into `outputDir` with the project's `.eleventy.ts`, in the runs
 * planRuns makes (src/eleventy/run-plan.ts): Eleventy keeps what a run has rendered until it ends, so no run holds
 * more than about 20 MB of pages, whatever the size of the timeline. A full collection between runs
 * lets the next one reuse the memory, once the last one has left enough to be worth it.
 */
export async function renderSite(run: EleventyRun): Promise<number> {
  const templates = await listTemplates(run.projectRoot);
  const paged = PAGED_PAGES.find((p) => p.template === run.only);
  // A paged page type is a virtual template: render it alone by leaving out every file and every other type.
  if (paged) return renderOnce({ ...run, only: undefined, skip: templates, paged: { ...noPages(), [paged.template]: entries(paged, run.timeline) } });
  if (run.only || run.skip) return renderOnce(run);
  let written = 0;
  let live = 0;
  // Taken off the plan as they render: a run's pages and their metadata are garbage once it is written.
  const runs = planRuns(run.timeline, run.pagesPerRun);
  for (let next = runs.shift(); next; next = runs.shift()) {
    const { templates: only, paged } = next;
    if (worthCollecting(process.memoryUsage().heapUsed, live)) {
      collectGarbage();
      live = process.memoryUsage().heapUsed;
    }
    const skip = only === null ? RENDERED_APART : templates.filter((t) => !only.includes(t));
    written += await renderOnce({ ...run, paged, skip });
  }
  return written;
}

/** Every template under templates/ (not the includes), relative to it, with forward slashes. */
async function listTemplates(projectRoot: string): Promise<string[]> {
  return (await templateFiles(projectRoot)).filter((path) => path.endsWith('.njk') && !path.startsWith('_includes/')).sort();
}

/** Every file under templates/, relative to it, with forward slashes. */
async function templateFiles(projectRoot: string): Promise<string[]> {
  const root = join(projectRoot, 'templates');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** A file under templates/ as Eleventy names it (in ignores, in its event bus): `./` and its path from the working folder. */
function eleventyPath(projectRoot: string, template: string): string {
  return `./${relative(process.cwd(), join(projectRoot, 'templates', template)).split(sep).join('/')}`;
}

async function renderOnce({ projectRoot, outputDir, timeline, quiet, only, skip = [], paged = pagedLists(timeline) }: EleventyRun): Promise<number> {
  const eleventy = new Eleventy(join(projectRoot, 'templates', only ?? ''), outputDir, {
    configPath: join(projectRoot, '.eleventy.ts'),
    quietMode: quiet,
    // A site served from https://example.org/news-timeline/ gets every internal link under /news-timeline/.
    pathPrefix: new URL(timeline.site.url).pathname,
    config: (config: EleventyUserConfig) => {
      config.addGlobalData('timeline', timeline);
      config.addGlobalData('paged', paged);
      // Eleventy matches ignores as paths relative to the working folder.
      for (const template of skip) config.ignores.add(eleventyPath(projectRoot, template));
      if (quiet) quietBenchmarks(config);
    },
  });
  if (quiet) quietEleventy(eleventy);
  const results = (await eleventy.write()) as unknown as [unknown[], unknown[]] | unknown[];
  const written = Array.isArray(results[1]) ? results[1] : results;
  return Array.isArray(written) ? written.length : 0;
}

/**
 * Makes the next in-process build read templates afresh. Eleventy keeps compiled templates and layouts in
 * process-wide caches that its own watcher clears through its event bus; the preview builds with a new Eleventy
 * per change, so it sends the same `eleventy.resourceModified` signal for every file under templates/ (an
 * include can change any page). Returns false if this Eleventy has no such bus (see internals.ts): the caller
 * then says to restart.
 */
export async function forgetTemplates(projectRoot: string): Promise<boolean> {
  const bus = await eleventyEventBus();
  if (!bus) return false;
  for (const file of await templateFiles(projectRoot)) {
    await bus.emit('eleventy.resourceModified', eleventyPath(projectRoot, file), [], { viaConfigReset: false, relevantLayouts: [] });
  }
  return true;
}
