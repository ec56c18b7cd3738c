import { fork } from 'node:child_process';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockPath } from '../build/output-lock.ts';
import type { FromBuilder, ToBuilder } from './builder.ts';
import { REBUILDING, type FirstBuild } from './rebuild.ts';
import { startServer, type PreviewServer, type ServerOptions } from './server.ts';
import { watchFolders } from './watch.ts';

export { REBUILDING };

export interface PreviewOptions {
  projectRoot: string;
  outputDir: string;
  port: number;
  /** The interface to listen on (default 127.0.0.1: this machine only). */
  host?: string;
  /** The public address given on the command line or in SITE_URL; its path is the prefix pages are served under. */
  siteUrl?: string;
  log?: (line: string) => void;
  error?: (line: string) => void;
  /** Extra routes served beside the site, such as the browser editor (src/cms/). */
  routes?: ServerOptions['routes'];
  /**
   * `behind`: `outputDir` holds the last good site of an earlier run, not yet rebuilt: serve it at once with a
   * notice, and build afresh behind it (npm start opening on a large site). `before`: there is no site yet: build
   * it, then serve it; a failed build throws FirstBuildError and nothing is served.
   */
  buildFirst: 'behind' | 'before';
  /** With `buildFirst: 'before'`: print the build's progress (as `npm run build` does). */
  progress?: boolean;
  /** The rendered-body cache's folder for the builds (see BuildOptions.cacheDir). */
  cacheDir?: string | null;
}

/** The first build of a preview with no site to serve failed: `report` says why, `code` is the exit code's name. */
export class FirstBuildError extends Error {
  override name = 'FirstBuildError';
  constructor(
    readonly report: string,
    readonly code: Extract<FirstBuild, { ok: false }>['code'],
  ) {
    super(report);
  }
}

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
 *
 * Every build runs in a process of its own (src/serve/builder.ts): rendering and writing a 10,000-event site keeps
 * its event loop busy for seconds at a time, which stalled a server sharing it for up to 10 s per request. This
 * process only serves files and passes messages, so it answers at once at any size.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const log = options.log ?? ((line: string) => console.log(line));
  const error = options.error ?? ((line: string) => console.error(line));
  const outputDir = resolve(options.outputDir);
  let prefix = pathPrefix(options.siteUrl);
  let server: PreviewServer | null = null;

  const listen = () =>
    startServer({
      root: () => outputDir,
      prefix: () => prefix,
      port: options.port,
      ...(options.host ? { host: options.host } : {}),
      ...(options.routes ? { routes: options.routes } : {}),
    });
  // An earlier site is served before the builder starts: its start-up (tsx, Eleventy) would delay the first page.
  if (options.buildFirst === 'behind') {
    server = await listen();
    server.notice(REBUILDING);
  }
  // Node's own flags (--import tsx, --expose-gc, V8's) carry over to the builder.
  const options_ = { projectRoot: options.projectRoot, outputDir, siteUrl: options.siteUrl, cacheDir: options.cacheDir };
  const builder = fork(fileURLToPath(new URL('./builder.ts', import.meta.url)), [JSON.stringify(options_)], { stdio: 'inherit' });
  const tell = (message: ToBuilder) => {
    if (builder.connected) builder.send(message);
  };
  let first: ((outcome: FirstBuild) => void) | null = null;
  builder.on('message', (message: FromBuilder) => {
    if (message.kind === 'log') log(message.line);
    else if (message.kind === 'error') error(message.line);
    else if (message.kind === 'siteUrl') prefix = pathPrefix(message.url);
    else if (message.kind === 'first') first?.(message);
    else if (message.kind === 'notice') server?.notice(message.text);
    else if (message.kind === 'reload') server?.reload();
    else server?.problem(message.text);
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => builder.once('exit', () => resolve()));
  // The builder ending by itself (not a failed build: those are reported as diagnostics) ends the preview.
  builder.once('exit', (code, signal) => {
    if (stopping) return;
    error(`The preview stopped: its builder ended (${signal ?? `exit code ${code}`}).`);
    process.exitCode = 1;
    stopWatching();
    releaseLockOf(outputDir, builder.pid);
    first?.({ ok: false, report: 'The build stopped before it finished.', code: 'internal' });
    void server?.close();
  });

  const stopBuilder = async () => {
    stopping = true;
    tell({ kind: 'stop' });
    // A build busy rendering reads its messages only when it next waits: do not wait for it long.
    const timer = setTimeout(() => builder.kill('SIGKILL'), 1000);
    await exited;
    clearTimeout(timer);
    releaseLockOf(outputDir, builder.pid);
  };

  // Edits saved during the first build queue behind it in the builder.
  const stopWatching = watchFolders(options.projectRoot, WATCHED, (paths) => tell({ kind: 'changed', paths }), isSourceFile);
  if (options.buildFirst === 'before') {
    const outcome = await new Promise<FirstBuild>((resolve) => {
      first = resolve;
      tell({ kind: 'first', quiet: !options.progress, nothingWritten: `Nothing was written; ${options.outputDir}/ is unchanged.` });
    });
    if (!outcome.ok) {
      stopWatching();
      await stopBuilder();
      throw new FirstBuildError(outcome.report, outcome.code);
    }
  }
  if (options.buildFirst === 'behind') {
    tell({ kind: 'changed', paths: [] });
  } else {
    try {
      server = await listen();
    } catch (cause) {
      stopWatching();
      await stopBuilder();
      throw cause;
    }
  }
  const opened = server!;
  return {
    url: opened.url,
    server: opened,
    async close() {
      stopWatching();
      await stopBuilder();
      await opened.close();
    },
  };
}

/** Removes the output lock if the builder `pid` held it: a builder killed mid-build runs no exit hook. */
function releaseLockOf(outputDir: string, pid: number | undefined): void {
  const path = lockPath(outputDir);
  try {
    if (pid !== undefined && existsSync(path) && (JSON.parse(readFileSync(path, 'utf8')) as { pid?: number }).pid === pid) unlinkSync(path);
  } catch {
    // gone meanwhile, or being written by another build
  }
}

/** Content is Markdown and YAML, templates anything with an extension; a save's temporary files (`sedX1b2`, `.x.tmp`) are neither. */
export function isSourceFile(path: string): boolean {
  if (path.startsWith('templates/')) return /\/[^/.][^/]*\.[a-z0-9]+$/i.test(path) && !/\.(?:tmp|bak)$/i.test(path);
  return /\.(?:md|ya?ml)$/.test(path);
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
