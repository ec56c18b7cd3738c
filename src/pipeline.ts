import { readdir, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { hasErrors, NO_POSITION, type Diagnostic } from './diagnostics/diagnostic.ts';
import { makeDiagnostic } from './diagnostics/make.ts';
import { loadContent, loadContentFile, type RawContent } from './load/content.ts';
import { BodyCache } from './markdown/cache.ts';
import { MarkdownRenderer } from './markdown/parallel.ts';
import { renderMarkdown } from './markdown/render.ts';
import { buildTimelineCore, cleanContent, type TimelineCore } from './model/timeline.ts';
import type { Content } from './schema/records.ts';
import { validateContent } from './validate/index.ts';
import { loadAtlas } from './views/atlas.ts';
import type { Atlas } from './views/map.ts';
import { buildTimeline, type Timeline } from './views/site.ts';

export interface Checked {
  content: Content | null;
  diagnostics: Diagnostic[];
  /** The files as parsed, before validation: the preview keeps them to check one edited file against the rest. */
  raw: RawContent;
}

/**
 * Load and validate `content/` once: the single entry point for the build, the check and the preview.
 * `onLoaded` sees the files as soon as they are read, before validation (the build starts rendering bodies).
 */
export async function loadAndValidate(
  projectRoot: string,
  contentDir = join(projectRoot, 'content'),
  onLoaded?: (raw: RawContent) => void,
): Promise<Checked> {
  const { raw, diagnostics: loadProblems } = await loadContent(contentDir, projectRoot);
  onLoaded?.(raw);
  const { content, diagnostics } = validateContent(raw);
  const all = [...loadProblems, ...diagnostics];
  return { content: hasErrors(all) ? null : content, diagnostics: all, raw };
}

export interface PipelineOptions {
  /** Render the bodies in a worker from the moment they are read, while this thread validates (the build). */
  worker?: boolean;
  /** With `worker`: the folder of the rendered-body cache kept between builds (src/markdown/cache.ts). */
  cacheDir?: string | null;
  /** With `worker`: how many distinct bodies were rendered, and how many came from the cache instead. */
  onRendered?: (bodies: { rendered: number; cached: number }) => void;
  /** Overrides `url` in site.yml, e.g. for a deploy preview. */
  siteUrl?: string;
  /** Called once the content is valid, before the model is worked out: the build times its validation with it. */
  onValidated?: (content: Content) => void;
  /** Called with the core model (events, eras, periods) before the listings, maps and reporting pages are worked out. */
  onCore?: (core: TimelineCore) => void;
  /**
   * One changed file, validated against the last build's parsed content instead of reading all of `content/`
   * (the preview's quick page). The result's timeline then holds that file's event alone.
   */
  changed?: { path: string; last: RawContent };
}

export type PipelineResult =
  | { ok: true; content: Content; timeline: Timeline; diagnostics: Diagnostic[]; raw: RawContent }
  | { ok: false; diagnostics: Diagnostic[]; raw: RawContent | null };

/**
 * load → validate → model → views: the one way content becomes a Timeline, for the build, for Eleventy running the
 * plugin itself and for the preview's quick page, so the three cannot drift apart. Nothing is written here.
 */
export async function runPipeline(projectRoot: string, options: PipelineOptions = {}): Promise<PipelineResult> {
  if (options.changed) return runChanged(projectRoot, options, options.changed);
  const cache = options.worker && options.cacheDir ? await BodyCache.open(options.cacheDir) : null;
  const markdown = options.worker ? new MarkdownRenderer(undefined, cache) : null;
  let checked: Checked;
  let render: (body: string) => string = renderMarkdown;
  let special: Diagnostic[];
  try {
    [checked, special] = await Promise.all([
      loadAndValidate(projectRoot, undefined, markdown ? (raw) => markdown.start(raw.events.map((e) => e.body)) : undefined),
      specialTemplateFiles(projectRoot),
    ]);
    if (checked.content && special.length === 0) {
      options.onValidated?.(checked.content);
      if (markdown) {
        render = await markdown.finish();
        options.onRendered?.({ rendered: markdown.renders, cached: markdown.cached });
        await cache?.save();
      }
    }
  } finally {
    await markdown?.close();
  }
  const diagnostics = [...special, ...checked.diagnostics];
  const { content, raw } = checked;
  if (!content || special.length > 0) return { ok: false, diagnostics, raw };
  return { ok: true, content, timeline: model(content, render, loadAtlas(), options), diagnostics, raw };
}

async function runChanged(projectRoot: string, options: PipelineOptions, changed: { path: string; last: RawContent }): Promise<PipelineResult> {
  const { file, diagnostics: loadProblems } = await loadContentFile(join(projectRoot, changed.path), projectRoot);
  if (!file || loadProblems.length > 0) return { ok: false, diagnostics: loadProblems, raw: null };
  const raw = { ...changed.last, events: [file] };
  const { content, diagnostics } = validateContent(raw);
  if (!content || hasErrors(diagnostics)) return { ok: false, diagnostics, raw };
  options.onValidated?.(content);
  // No atlas: the maps are site-wide pages, and one event's page does not draw them.
  return { ok: true, content, timeline: model(content, renderMarkdown, null, options), diagnostics, raw };
}

/** Valid content to the Timeline: the site address override, the cleaned text, the core (for `onCore`), the views. */
function model(content: Content, render: (body: string) => string, atlas: Atlas | null, options: PipelineOptions): Timeline {
  if (options.siteUrl) content.site.url = options.siteUrl.replace(/\/+$/, '');
  const shown = cleanContent(content);
  const core = buildTimelineCore(shown, render);
  options.onCore?.(core);
  return buildTimeline(shown, render, atlas, core);
}

/**
 * Symbolic links, FIFOs and devices under templates/, as errors naming each. Eleventy's passthrough copy would put
 * a link into the site as a link (one to /etc publishes /etc), and would block on a FIFO. Checked before anything
 * is rendered or written. templates/ itself may be a link (a project sharing another's templates): its inside is checked.
 */
export async function specialTemplateFiles(projectRoot: string): Promise<Diagnostic[]> {
  let dir: string;
  try {
    dir = await realpath(join(projectRoot, 'templates'));
  } catch {
    return []; // no templates/: Eleventy reports the missing layouts in its own words
  }
  const found: Diagnostic[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      // A Dirent describes the entry itself, never a link's target.
      else if (!entry.isFile()) {
        const kind = entry.isSymbolicLink() ? 'a symbolic link' : entry.isFIFO() ? 'a FIFO' : 'a device or socket';
        const shown = ['templates', ...relative(dir, path).split(sep)].join('/');
        found.push(
          makeDiagnostic('file/special', shown, NO_POSITION, {
            message: `\`${shown}\` is ${kind}; the site is built only from regular files and folders.`,
            expected: 'a regular file',
          }),
        );
      }
    }
  };
  await walk(dir);
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
