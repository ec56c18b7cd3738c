import { resolve } from 'node:path';
import type { BuiltModel } from '../build/build.ts';
import { failureReport } from '../diagnostics/reporter.ts';
import { formatDuration } from '../lib/progress.ts';
import { startServer, type PreviewServer, type ServerOptions } from './server.ts';
import { watchFolders } from './watch.ts';

export interface PreviewOptions {
  projectRoot: string;
  outputDir: string;
  port: number;
  /** The interface to listen on (default 127.0.0.1: this machine only). */
  host?: string;
  /** The public address the first build used; its path is the prefix pages are served under. */
  siteUrl?: string;
  log?: (line: string) => void;
  error?: (line: string) => void;
  /** The model of the build already in `outputDir`, if the caller made it. */
  model?: BuiltModel;
  /** Extra routes served beside the site, such as the browser editor (src/cms/). */
  routes?: ServerOptions['routes'];
  /**
   * `outputDir` holds the last good site of an earlier run, not yet rebuilt: serve it at once with a notice, and
   * build afresh behind it (npm start opening on a large site).
   */
  buildFirst?: boolean;
  /** The rendered-body cache's folder for the rebuilds (see BuildOptions.cacheDir). */
  cacheDir?: string | null;
}

/** Shown on every page while a full build runs behind the site served. */
export const REBUILDING = 'Rebuilding… this page shows the last good build until the new one is ready.';

export interface Preview {
  url: string;
  server: PreviewServer;
  close(): Promise<void>;
}

/** Folders whose changes rebuild the site. Changes to src/ need a restart: Node keeps modules it has loaded. */
export const WATCHED = ['content', 'templates'] as const;

/**
 * The editors' preview: serves the built site, rebuilds it whenever content/ or templates/ change, and reloads
 * open pages. A broken edit prints the same diagnostics as `npm run check` (never a stack), shows them over the
 * open pages, and the preview keeps serving the last good build, because builds are swapped in only on success.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const log = options.log ?? ((line: string) => console.log(line));
  const error = options.error ?? ((line: string) => console.error(line));
  const outputDir = resolve(options.outputDir);
  let prefix = pathPrefix(options.siteUrl);
  const server = await startServer({
    root: () => outputDir,
    prefix: () => prefix,
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
    ...(options.routes ? { routes: options.routes } : {}),
  });

  // The last good build's files and model, for the quick page of an edited event.
  let last: BuiltModel | null = options.model ?? null;
  let building = false;
  let again: string[] | null = null;
  const rebuild = async (paths: string[]): Promise<void> => {
    if (building) {
      again = [...(again ?? []), ...paths];
      return;
    }
    building = true;
    try {
      let next: string[] | null = paths;
      while (next) {
        again = null;
        await rebuildOnce(next);
        next = again;
      }
    } finally {
      building = false;
    }
  };

  /** Builds after `paths` changed; with none, the build at start-up behind an earlier run's site. */
  const rebuildOnce = async (paths: string[]): Promise<void> => {
    const what = paths.length === 0 ? null : paths.length === 1 ? paths[0] : `${paths.length} files`;
    const started = performance.now();
    server.notice(REBUILDING);
    // Loaded here, not at the top: Eleventy and the pipeline take seconds to import, and the server must not wait.
    const [{ build }, { forgetTemplates }, { quickEventPage }] = await Promise.all([
      import('../build/build.ts'),
      import('../eleventy/render-site.ts'),
      import('./quick.ts'),
    ]);
    if (paths.some((p) => p.startsWith('templates/')) && !(await forgetTemplates(options.projectRoot))) {
      error('This version of Eleventy cannot be told that templates changed: restart npm start to see template edits.');
    }
    if (last && paths.length === 1) {
      // Failing here is never the editor's problem to read: the full build below reports it properly.
      const page = await quickEventPage(options.projectRoot, outputDir, last, paths[0]!).catch(() => null);
      if (page) {
        log(`Updated ${page} in ${formatDuration(performance.now() - started)}; rebuilding the rest of the site…`);
        server.reload();
        server.notice(REBUILDING);
      }
    }
    try {
      const result = await build({
        projectRoot: options.projectRoot,
        outputDir,
        quiet: true,
        keepModel: true,
        ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
        ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}),
      });
      if (result.ok) {
        last = result.model ?? null;
        prefix = pathPrefix(result.siteUrl);
        const took = formatDuration(performance.now() - started);
        log(what === null ? `Built the site in ${took}; the preview shows it.` : `Rebuilt after a change to ${what} in ${took}.`);
        server.reload();
      } else {
        const report = failureReport(result.diagnostics);
        const cause = what === null ? 'The content' : `The change to ${what}`;
        error(`\n${cause} broke the build:\n\n${report}\n\nThe preview still shows the last good build; it rebuilds when you save again.`);
        server.problem(`${report}\n\nThe page shows the last good build. Fix the problem and save: the preview rebuilds.`);
      }
    } catch (cause) {
      // Not a content problem (those are diagnostics): most likely a template error. The message, not a stack.
      const report = messages(cause);
      error(`\n${what === null ? 'The site' : `The change to ${what}`} could not be built:\n\n${report}\n\nThe preview still shows the last good build.`);
      server.problem(`${report}\n\nThe page shows the last good build.`);
    }
  };

  const stopWatching = watchFolders(options.projectRoot, WATCHED, (paths) => void rebuild(paths), isSourceFile);
  // Edits saved meanwhile queue behind this build, then take the quick page's path like any other.
  if (options.buildFirst) void rebuild([]);
  return {
    url: server.url,
    server,
    async close() {
      stopWatching();
      await server.close();
    },
  };
}

/** Content is Markdown and YAML, templates anything with an extension; a save's temporary files (`sedX1b2`, `.x.tmp`) are neither. */
export function isSourceFile(path: string): boolean {
  if (path.startsWith('templates/')) return /\/[^/.][^/]*\.[a-z0-9]+$/i.test(path) && !/\.(?:tmp|bak)$/i.test(path);
  return /\.(?:md|ya?ml)$/.test(path);
}


/** An error and its causes as plain sentences, e.g. Eleventy's "Having trouble rendering njk template". */
export function messages(error: unknown): string {
  const lines: string[] = [];
  // Eleventy wraps the template engine's error as `originalError`; others use the standard `cause`.
  const next = (e: unknown) => (e as { originalError?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  for (let e: unknown = error; e && lines.length < 6; e = next(e)) {
    const message = e instanceof Error ? e.message : String(e);
    for (const line of message.split('\n')) if (line.trim() && !lines.includes(line)) lines.push(line);
    if (!(e instanceof Error)) break;
  }
  return lines.join('\n');
}

/** `https://example.org/timeline` → `/timeline/`; no URL or no path → `/`. */
export function pathPrefix(siteUrl: string | undefined): string {
  if (!siteUrl) return '/';
  try {
    const path = new URL(siteUrl).pathname.replace(/\/+$/, '');
    return `${path}/`;
  } catch {
    return '/';
  }
}
