import type { BuildOptions, BuiltModel } from '../build/build.ts';
import { failureReport } from '../diagnostics/reporter.ts';
import { formatDuration } from '../lib/progress.ts';

/** Shown on every page while a full build runs behind the site served. */
export const REBUILDING = 'Rebuilding… this page shows the last good build until the new one is ready.';

/** What the builder tells the server's side: the same calls in-process or across the builder's process. */
export interface BuilderEvents {
  notice(text: string | null): void;
  reload(): void;
  problem(text: string): void;
  log(line: string): void;
  error(line: string): void;
  /** The public address a successful build was made for (its path is the prefix pages are served under). */
  siteUrl(url: string): void;
}

export interface BuilderOptions {
  projectRoot: string;
  outputDir: string;
  siteUrl?: string;
  cacheDir?: string | null;
}

/** The first build of a preview that had no site to serve: its outcome decides whether the preview opens. */
export type FirstBuild = { ok: true } | { ok: false; report: string; code: 'content' | 'usage' | 'system' | 'internal' };

/**
 * The preview's builds, one at a time: after an edit to one event its quick page first (src/serve/quick.ts), then
 * the full build; edits saved meanwhile queue behind it. Keeps the last good build's model for the quick page.
 */
export function createRebuilder(options: BuilderOptions, events: BuilderEvents) {
  let last: BuiltModel | null = null;
  let building = false;
  let again: string[] | null = null;

  const buildOptions = (extra: Partial<BuildOptions>): BuildOptions => ({
    projectRoot: options.projectRoot,
    outputDir: options.outputDir,
    quiet: true,
    keepModel: true,
    ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
    ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}),
    ...extra,
  });

  /** Builds after `paths` changed; with none, the build at start-up behind an earlier run's site. */
  const rebuildOnce = async (paths: string[]): Promise<void> => {
    const what = paths.length === 0 ? null : paths.length === 1 ? paths[0] : `${paths.length} files`;
    const started = performance.now();
    events.notice(REBUILDING);
    const [{ build }, { forgetTemplates }, { quickEventPage }] = await Promise.all([
      import('../build/build.ts'),
      import('../eleventy/render-site.ts'),
      import('./quick.ts'),
    ]);
    if (paths.some((p) => p.startsWith('templates/')) && !(await forgetTemplates(options.projectRoot))) {
      events.error('This version of Eleventy cannot be told that templates changed: restart npm start to see template edits.');
    }
    if (last && paths.length === 1) {
      // Failing here is never the editor's problem to read: the full build below reports it properly.
      const page = await quickEventPage(options.projectRoot, options.outputDir, last, paths[0]!).catch(() => null);
      if (page) {
        events.log(`Updated ${page} in ${formatDuration(performance.now() - started)}; rebuilding the rest of the site…`);
        events.reload();
        events.notice(REBUILDING);
      }
    }
    try {
      const result = await build(buildOptions({}));
      if (result.ok) {
        last = result.model ?? null;
        events.siteUrl(result.siteUrl);
        const took = formatDuration(performance.now() - started);
        events.log(what === null ? `Built the site in ${took}; the preview shows it.` : `Rebuilt after a change to ${what} in ${took}.`);
        events.reload();
      } else {
        const report = failureReport(result.diagnostics);
        const cause = what === null ? 'The content' : `The change to ${what}`;
        events.error(`\n${cause} broke the build:\n\n${report}\n\nThe preview still shows the last good build; it rebuilds when you save again.`);
        events.problem(`${report}\n\nThe page shows the last good build. Fix the problem and save: the preview rebuilds.`);
      }
    } catch (cause) {
      // Not a content problem (those are diagnostics): most likely a template error. The message, not a stack.
      const report = messages(cause);
      events.error(`\n${what === null ? 'The site' : `The change to ${what}`} could not be built:\n\n${report}\n\nThe preview still shows the last good build.`);
      events.problem(`${report}\n\nThe page shows the last good build.`);
    }
  };

  const api = {
    /** A build after `paths` changed (none: the build at start-up behind an earlier run's site). */
    async rebuild(paths: string[]): Promise<void> {
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
    },

    /** The build before a preview opens on a folder with no site yet, reported as `npm run build` reports it. */
    async first(quiet: boolean, nothingWritten: string): Promise<FirstBuild> {
      building = true;
      try {
        const { build } = await import('../build/build.ts');
        const result = await build(buildOptions({ quiet, ...(quiet ? {} : { log: events.log }) }));
        if (!result.ok) return { ok: false, report: failureReport(result.diagnostics, nothingWritten), code: 'content' };
        last = result.model ?? null;
        events.siteUrl(result.siteUrl);
        return { ok: true };
      } catch (error) {
        const name = (error as Error).name;
        const code = name === 'OutputRefusedError' ? 'usage' : name === 'OutputFailureError' || name === 'LockTimeoutError' ? 'system' : 'internal';
        return { ok: false, report: code === 'internal' ? String((error as Error).stack ?? error) : (error as Error).message, code };
      } finally {
        building = false;
        // Edits saved during the first build.
        const queued = again;
        again = null;
        if (queued) void api.rebuild(queued);
      }
    },
  };
  return api;
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
