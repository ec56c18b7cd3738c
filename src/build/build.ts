import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { renderSite } from '../eleventy/render-site.ts';
import { pageCap } from '../eleventy/run-plan.ts';
import { collectGarbage } from '../eleventy/memory.ts';
import type { Timeline } from '../views/site.ts';
import type { RawContent } from '../load/content.ts';
import { acquireOutputLock, sweepLeftovers } from './output-lock.ts';
import { outputFailure } from './output-failure.ts';
import { assertOutputAllowed, OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from './output-guard.ts';
import { runPipeline } from '../pipeline.ts';
import { defaultCacheDir } from '../markdown/cache.ts';
import { formatDuration, startPhase } from '../lib/progress.ts';
import { searchBundle } from '../search/bundle.ts';
import { writeSearchBundle } from '../search/pagefind.ts';
import { cardsPerPage, pageCards, SHARE_CARDS_AUTO_LIMIT } from '../exports/page-meta.ts';
import { writeShareCards, type CardCounts } from './share-cards.ts';

export interface BuildOptions {
  projectRoot: string;
  outputDir: string;
  quiet?: boolean;
  /** Overrides `url` in site.yml, e.g. for a deploy preview. */
  siteUrl?: string;
  log?: (line: string) => void;
  /** How often a long phase reports that it is still running (default 5 s). */
  progressEveryMs?: number;
  /** Return the parsed files and the model too (the preview keeps them for its quick page). */
  keepModel?: boolean;
  /** The rendered-body cache's folder; null for none; by default NEWS_TIMELINE_CACHE_DIR or node_modules/.cache/news-timeline/. */
  cacheDir?: string | null;
}

/** What a build read and made of it. */
export interface BuiltModel {
  /** The parsed data files and sources; not the events (their parsed YAML is most of a build's memory). */
  raw: RawContent;
  timeline: Timeline;
}

export type BuildResult =
  | {
      ok: true;
      diagnostics: Diagnostic[];
      events: number;
      files: number;
      /** The public address the site was built for, path prefix included. */
      siteUrl: string;
      seconds: { validate: number; render: number };
      model?: BuiltModel;
    }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Validate everything, then render into a fresh folder beside the output and swap it in only on success: a
 * failed build leaves the previous site exactly as it was, and readers never see a half-written one.
 * Builds into the same output take turns (a lock file beside it), so two started at once cannot mix their files.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  try {
    return await buildOnce(options);
  } catch (error) {
    throw outputFailure(error, options.outputDir.replace(/\/+$/, '')) ?? error;
  }
}

async function buildOnce(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  // BUILD_PROGRESS_EVERY_MS lets a test (or a curious maintainer) see the progress lines of a long build on a short one.
  const every = options.progressEveryMs ?? (Number(process.env.BUILD_PROGRESS_EVERY_MS) || 5000);
  // BUILD_PAGES_PER_RUN lets a test render a small site in as many Eleventy runs as a large one (src/eleventy/run-plan.ts).
  const pagesPerRun = pageCap(process.env.BUILD_PAGES_PER_RUN);
  const outputDir = resolve(options.outputDir);
  const shown = options.outputDir.replace(/\/+$/, '');
  // Before any work: a build replaces its output whole, so it must be a folder a build made (src/build/output-guard.ts).
  assertOutputAllowed(options.projectRoot, outputDir, shown);

  const validating = startPhase(log, 'Validating content', every);
  let validateMs = 0;
  // Pagefind indexes the events and sources in its own process from the moment the core model is ready; the search
  // index is the build's longest phase, so it starts before the listings, maps and reporting pages are worked out.
  const stopIndexing = new AbortController();
  let indexing: Promise<PromiseSettledResult<Awaited<ReturnType<typeof searchBundle>>>> | undefined;
  let result: Awaited<ReturnType<typeof runPipeline>> | null;
  let bodies = { rendered: 0, cached: 0 };
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir(resolve(options.projectRoot)) : options.cacheDir;
  try {
    result = await runPipeline(options.projectRoot, {
      worker: true,
      cacheDir,
      onRendered: (counts) => (bodies = counts),
      ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
      onValidated: () => {
        validateMs = validating.stop();
        // What parsing and validating left behind (YAML trees, intermediate records) is garbage now, but V8 would
        // first let the heap grow to several times what is live; the main thread is waiting for the bodies anyway.
        collectGarbage();
      },
      onCore: (core) => (indexing = settle(searchBundle(core, stopIndexing.signal))),
    });
  } catch (error) {
    stopIndexing.abort();
    throw error;
  } finally {
    validating.stop();
  }
  if (!result.ok) return { ok: false, diagnostics: result.diagnostics };
  const { content, diagnostics, timeline } = result;
  const kept = options.keepModel ? { ...result.raw, events: [] } : null;
  // The files as parsed (every event's front matter and body) are not needed to render; an async function keeps
  // its locals to the end, so let go of them here (about 20 MB of the live heap at 10,000 events).
  result = null;
  try {
    log(`Validated ${content.events.length} events and ${content.sources.length} sources in ${formatDuration(validateMs)}.`);
    log(`Rendered ${bodies.rendered} Markdown ${bodies.rendered === 1 ? 'body' : 'bodies'}; ${bodies.cached} came from the cache.`);

    await mkdir(dirname(outputDir), { recursive: true });
    const release = await acquireOutputLock(outputDir, {
      onWait: (holder) => log(`Another build (process ${holder.pid}) is writing ${shown}/; waiting for it to finish…`),
    });
    const suffix = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const staging = join(dirname(outputDir), `.${basename(outputDir)}-build-${suffix}`);
    try {
      await sweepLeftovers(outputDir);
      const rendering = startPhase(log, `Rendering ${content.events.length} events and indexing them for search`, every);
      let files: number;
      let cards: CardCounts = { rendered: 0, cached: 0 };
      try {
        const [rendered, indexed] = await Promise.allSettled([
          // The pages name their share cards as they render; the cards are drawn while the search index is written.
          renderSite({ projectRoot: options.projectRoot, outputDir: staging, timeline, quiet: true, pagesPerRun }).then(async (pages) => {
            cards = await writeShareCards(staging, pageCards(timeline), cacheDir);
            return pages + cards.rendered + cards.cached + 2;
          }),
          indexing!.then((bundle) => writeSearchBundle(staging, unsettle(bundle))),
        ]);
        if (rendered.status === 'rejected') throw rendered.reason;
        if (indexed.status === 'rejected') throw indexed.reason;
        files = rendered.value + indexed.value;
      } finally {
        rendering.stop();
      }

      await writeFile(join(staging, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
      // Again under the lock: the folder may have changed while the site rendered.
      assertOutputAllowed(options.projectRoot, outputDir, shown);
      await swapIn(staging, outputDir, suffix);
      const renderMs = rendering.stop();
      log(`Drew ${cards.rendered} share ${cards.rendered === 1 ? 'card' : 'cards'}; ${cards.cached} came from the cache.`);
      if (!cardsPerPage(timeline))
        log(
          timeline.site.shareCards === 'site'
            ? 'Every page shares the site\'s card (share_cards: site in content/site.yml).'
            : `Every page shares the site's card: over ${SHARE_CARDS_AUTO_LIMIT} events, a card per page would cost minutes of CPU. Set share_cards: pages in content/site.yml to draw them anyway.`,
        );
      log(`Wrote ${files} files to ${shown}/ in ${formatDuration(renderMs)}.`);
      return {
        ok: true,
        diagnostics,
        events: content.events.length,
        files,
        siteUrl: timeline.site.url,
        seconds: { validate: validateMs / 1000, render: renderMs / 1000 },
        ...(kept ? { model: { raw: kept, timeline } } : {}),
      };
    } finally {
      await removeSettled(staging);
      await release();
    }
  } finally {
    // A build that failed before writing its pages stops waiting for an index it will not use (see indexRecords).
    stopIndexing.abort();
  }
}

/** A promise that never rejects, so one left unawaited (the lock or the model failed first) is no unhandled rejection. */
const settle = <T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> =>
  promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );

function unsettle<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

/**
 * Removes the staging folder for good. When a template fails, Eleventy rejects at once while its other writes
 * are still in flight, and they would re-create the folder after a single rm; so remove until it stays gone.
 */
async function removeSettled(dir: string): Promise<void> {
  const gone = () => stat(dir).then(() => false, () => true);
  if (await gone()) return; // swapped in: nothing to clean
  for (let quiet = 0, tries = 0; quiet < 2 && tries < 50; tries++) {
    await rm(dir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 50));
    quiet = (await gone()) ? quiet + 1 : 0;
  }
}

/**
 * Two renames: the old site steps aside, the new one takes its name. Between them the output folder is briefly
 * absent, never half-written; the lock keeps other builds out of that gap.
 */
async function swapIn(staging: string, outputDir: string, suffix: string): Promise<void> {
  const old = join(dirname(outputDir), `.${basename(outputDir)}-old-${suffix}`);
  const exists = await stat(outputDir).then(
    () => true,
    () => false,
  );
  if (exists) await rename(outputDir, old);
  try {
    await rename(staging, outputDir);
  } catch (error) {
    if (exists) await rename(old, outputDir);
    throw error;
  }
  if (exists) await rm(old, { recursive: true, force: true });
}
