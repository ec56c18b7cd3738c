import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BuiltModel } from '../build/build.ts';
import { EVENT_TEMPLATE, renderSite } from '../eleventy/render-site.ts';
import { type TimelineEvent } from '../model/timeline-event.ts';
import { acquireOutputLock } from '../build/output-lock.ts';
import { runPipeline } from '../pipeline.ts';

/** `content/events/x.md`: the one kind of change the quick page handles. */
export const EVENT_FILE = /^content\/events\/[^/]+\.md$/;

/**
 * The preview's quick page: after an edit to one existing event, its page is rebuilt on its own and put into the
 * served site at once, before the full rebuild that follows. At 10,000 events that full rebuild takes many
 * seconds; this takes a fraction of one, because it reads, validates and renders that one file against the
 * last good build: its sources, actors, places and categories, and its place in the timeline.
 *
 * Returns the page's site path, or null when the edit needs more than this page (an error, a new or renamed
 * event, a new date or sequence that may move it in the timeline): then only the full rebuild runs, and it
 * reports any problem. The page is the one the full rebuild writes; other pages that show the event (its
 * neighbours' links, the timeline) catch up when that rebuild lands.
 */
export async function quickEventPage(projectRoot: string, outputDir: string, last: BuiltModel, path: string): Promise<string | null> {
  if (!EVENT_FILE.test(path)) return null;
  // The address the last build was made for (a --site-url or SITE_URL overrides site.yml's).
  const result = await runPipeline(projectRoot, { changed: { path, last: last.raw }, siteUrl: last.timeline.site.url });
  if (!result.ok) return null;
  const before = last.timeline.events.find((e) => e.file === path);
  const [edited] = result.timeline.events;
  // Where the event sits (its neighbours, its timeline page) is the last build's only while its id and its place
  // in the order are unchanged; anything else waits for the full rebuild.
  if (!before || !edited || edited.id !== before.id || edited.date.raw !== before.date.raw || edited.sequence !== before.sequence) return null;
  if (edited.after !== before.after || edited.partOfDay?.part !== before.partOfDay?.part || edited.partOfDay?.modifier !== before.partOfDay?.modifier) return null;
  const placed: TimelineEvent = { ...edited, prev: before.prev, next: before.next, timelinePath: before.timelinePath };
  const timeline = { ...last.timeline, events: [placed] };

  const release = await acquireOutputLock(outputDir);
  const scratch = join(dirname(outputDir), `.${basename(outputDir)}-quick-${process.pid}`);
  try {
    await renderSite({ projectRoot, outputDir: scratch, timeline, quiet: true, only: EVENT_TEMPLATE });
    const page = join(placed.path, 'index.html');
    await mkdir(dirname(join(outputDir, page)), { recursive: true });
    // A rename, so the server never sends a half-written page.
    await rename(join(scratch, page), join(outputDir, page));
    return placed.path;
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await release();
  }
}
