import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { EVENT_TEMPLATE, renderSite } from '../eleventy/render-site.ts';
import { loadContent } from '../load/content.ts';
import { splitFrontMatter } from '../load/front-matter.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { buildTimelineCore } from '../model/timeline.ts';
import { validateContent } from '../validate/index.ts';
import { buildTimeline } from '../views/site.ts';

/** Where the editor's files may be: events, and the drafts `npm run extract -- … --out` writes. */
export const EVENT_PATH = /^content\/events\/[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;
export const DRAFT_PATH = /^drafts\/[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

export interface EditCheck {
  /** The path the file was checked as: a draft is checked where it will go, in content/events/. */
  path: string;
  /** What `npm run check` reports for that file, were it saved as posted. */
  diagnostics: Diagnostic[];
  /** The event's page as the site renders it (the inside of its `<main>`), when the whole content is valid. */
  html: string | null;
}

/**
 * Checks an event file's text against the current content/ as if it were saved at `path`: the same loader, the same
 * rules and the same messages as `npm run check`, so the editor sees before saving what the check will say after.
 * The file on disk is never touched. With `render`, a valid event's page is rendered by the site's own templates.
 */
export async function checkEventText(projectRoot: string, path: string, text: string, options: { render?: boolean } = {}): Promise<EditCheck> {
  const as = DRAFT_PATH.test(path) ? `content/events/${basename(path)}` : path;
  const { raw, diagnostics: loadProblems } = await loadContent(join(projectRoot, 'content'), projectRoot);
  const split = splitFrontMatter(as, text);
  if ('ruleId' in split) return { path: as, diagnostics: [split], html: null };
  const events = [...raw.events.filter((e) => e.file !== as), split];
  const { content, diagnostics } = validateContent({ ...raw, events });
  const all = [...loadProblems, ...diagnostics];
  const mine = all.filter((d) => d.file === as);
  if (!options.render || mine.some((d) => d.severity === 'error')) return { path: as, diagnostics: mine, html: null };
  // Another event's error blocks the build, not this page: render it from the content without the broken events.
  const broken = new Set(all.filter((d) => d.severity === 'error').map((d) => d.file));
  const valid = content ?? validateContent({ ...raw, events: events.filter((e) => e.file === as || !broken.has(e.file)) }).content;
  if (!valid) return { path: as, diagnostics: mine, html: null };
  return { path: as, diagnostics: mine, html: await renderEventPage(projectRoot, { ...valid, events: valid.events.filter((e) => e.file === as) }) };
}

type ValidContent = NonNullable<ReturnType<typeof validateContent>['content']>;

let rendering: Promise<unknown> = Promise.resolve();

/** The event page's `<main>`, rendered alone into a scratch folder. One render at a time: Eleventy runs are heavy. */
async function renderEventPage(projectRoot: string, content: ValidContent): Promise<string | null> {
  const run = async (): Promise<string | null> => {
    const core = buildTimelineCore(content, renderMarkdown);
    const timeline = buildTimeline(content, renderMarkdown, null, core);
    const [event] = timeline.events;
    if (!event) return null;
    const scratch = await mkdtemp(join(tmpdir(), 'nt-cms-preview-'));
    try {
      await renderSite({ projectRoot, outputDir: scratch, timeline, quiet: true, only: EVENT_TEMPLATE });
      const html = await readFile(join(scratch, event.path, 'index.html'), 'utf8');
      return /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? null;
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  };
  const next = rendering.then(run, run);
  rendering = next.catch(() => null);
  return next;
}

