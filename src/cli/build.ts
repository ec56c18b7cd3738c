import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { failureReport } from '../diagnostics/reporter.ts';
import { OutputFailureError } from '../build/output-failure.ts';
import { assertOutputAllowed, OUTPUT_MARKER, OutputRefusedError } from '../build/output-guard.ts';
import { LockTimeoutError } from '../build/output-lock.ts';
import { siteSchema } from '../schema/lists.ts';
import { githubBackend } from '../cms/backend-env.ts';
import { isLoopback } from '../lib/loopback.ts';
import type { cmsRoutes } from '../cms/routes.ts';
import { FirstBuildError, pathPrefix, startPreview, type PreviewOptions } from '../serve/preview.ts';
import { readSiteUrl } from '../serve/site-url.ts';
import { EXIT, helpText, parseArgs, UsageError, type FlagSpec } from './args.ts';
import { isCI, runCli } from './run.ts';

const FLAGS: FlagSpec[] = [
  { name: 'output', value: 'DIR', description: 'Folder to write the site to (default: _site).' },
  { name: 'site-url', value: 'URL', description: 'Public address of the site, overriding content/site.yml and SITE_URL.' },
  { name: 'serve', description: 'Preview on http://127.0.0.1:8080 (the last build at once, if there is one, while it builds) and rebuild on every change.' },
  { name: 'port', value: 'N', description: 'Port for --serve (default: 8080).' },
  { name: 'host', value: 'ADDR', description: 'Interface for --serve to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every one).' },
  { name: 'edit', description: 'With --serve: print the address of the browser editor (served at /admin/ in every preview).' },
  { name: 'with-editor', description: 'Also publish the browser editor at /admin/ (needs CMS_GITHUB_REPO: it saves through pull requests).' },
  { name: 'cache-dir', value: 'DIR', description: 'Folder of the rendered-body cache kept between builds, safe to delete (default: NEWS_TIMELINE_CACHE_DIR, else node_modules/.cache/news-timeline).' },
  { name: 'quiet', description: 'Print nothing but errors.' },
  { name: 'help', description: 'Show this help.' },
];

await runCli(async (argv) => {
  const { flags } = parseArgs(argv, FLAGS);
  if (flags.has('help')) {
    process.stdout.write(helpText('npm run build -- [options]', 'Validates content/ and builds the site.', FLAGS));
    return EXIT.ok;
  }
  const quiet = flags.has('quiet') || isCI();
  const output = String(flags.get('output') ?? '_site');
  const port = Number(flags.get('port') ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port needs a whole number from 0 to 65535.');
  const host = String(flags.get('host') ?? '127.0.0.1');
  if (isIP(host) === 0 && host !== 'localhost') throw new UsageError(`--host needs an IP address such as 127.0.0.1 or 0.0.0.0, not \`${host}\`.`);
  const siteUrl = checkSiteUrl(flags.get('site-url') as string | undefined, process.env.SITE_URL);
  const github = githubFromEnv();
  if (flags.has('with-editor') && !github.github) {
    throw new UsageError('--with-editor needs CMS_GITHUB_REPO=owner/name: a published editor saves through pull requests (see the README, "For a newsroom").');
  }
  const cacheDir = flags.has('cache-dir') ? resolve(String(flags.get('cache-dir'))) : undefined;
  if (flags.has('serve')) {
    // With an earlier build in the output, it opens at once and the build runs behind it (a large site takes
    // minutes); without one, the preview opens on its first build. Either way the builds run in a process of their own.
    const buildFirst = hasBuiltSite(process.cwd(), output) ? 'behind' : 'before';
    await serveSite(process.cwd(), output, port, host, { buildFirst, progress: !quiet, cacheDir, siteUrl, edit: flags.has('edit'), withEditor: flags.has('with-editor') ? github.github : undefined });
    return new Promise<number>(() => {});
  }
  // Loaded only now: Eleventy and the pipeline take seconds to import, which the preview's fast start skips.
  const { build } = await import('../build/build.ts');
  const result = await build({
    projectRoot: process.cwd(),
    outputDir: output,
    quiet,
    ...(cacheDir ? { cacheDir } : {}),
    ...(siteUrl ? { siteUrl } : {}),
    log: quiet ? () => {} : (line) => console.log(line),
  });
  if (!result.ok) {
    console.error(failureReport(result.diagnostics, `Nothing was written; ${output}/ is unchanged.`));
    return EXIT.content;
  }
  if (flags.has('with-editor') && github.github) {
    // Off by default: a published site has an editor only when asked for one.
    const { exportAdmin } = await import('../cms/export.ts');
    const written = await exportAdmin(process.cwd(), join(output, 'admin'), github.github, pathPrefix(result.siteUrl));
    if (!quiet) console.log(`Wrote the browser editor to ${output}/admin/ (${written} files).`);
  }
  return EXIT.ok;
}, (error) => {
  if (error instanceof FirstBuildError) {
    if (error.code === 'internal') console.error('Internal error: this is a bug in news-timeline, not in your content. Please report it with this output.');
    console.error(error.report);
    return EXIT[error.code];
  }
  if (error instanceof OutputRefusedError) {
    console.error(error.message);
    return EXIT.usage;
  }
  if (error instanceof OutputFailureError || error instanceof LockTimeoutError) {
    console.error(error.message);
    return EXIT.system;
  }
  return undefined;
});

/**
 * The editors' preview on http://127.0.0.1:<port> (or `host`): serves the site already built into `outputDir`, rebuilds it
 * on every change to content/ or templates/ with the same validated, atomic build as `npm run build`, and
 * reloads the browser. A broken edit prints our diagnostics and the last good site stays up (see src/serve/).
 * With `buildFirst: 'behind'`, the site in `outputDir` is an earlier run's: it is served at once, under a notice,
 * while the first build runs; with `'before'`, the preview opens once its first build has succeeded.
 */
async function serveSite(
  projectRoot: string,
  outputDir: string,
  port: number,
  host: string,
  given: {
    buildFirst: 'behind' | 'before';
    progress: boolean;
    cacheDir?: string | undefined;
    siteUrl?: string | undefined;
    edit?: boolean;
    withEditor?: ReturnType<typeof githubBackend>['github'];
  },
): Promise<void> {
  const siteUrl = given.siteUrl ?? (await readSiteUrl(projectRoot));
  const { buildFirst, progress, cacheDir, edit } = given;
  // The editor writes files only for a preview on this machine alone (see src/cms/routes.ts).
  const github = githubFromEnv();
  const routes = lazyCmsRoutes({ projectRoot, prefix: () => pathPrefix(siteUrl), writable: isLoopback(host), ...github });
  let preview: Awaited<ReturnType<typeof startPreview>>;
  try {
    preview = await startPreview({
      projectRoot,
      outputDir,
      port,
      host,
      routes,
      ...(siteUrl ? { siteUrl } : {}),
      buildFirst,
      progress,
      ...(cacheDir ? { cacheDir } : {}),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`Port ${port} is already in use (another preview?). Stop it, or choose another port: npm start -- --port=${port + 1}`);
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL') {
      throw new UsageError(`This machine has no address ${host}. Leave --host out to preview on 127.0.0.1.`);
    }
    throw error;
  }
  if (given.withEditor && buildFirst === 'before') {
    // Off by default: a published site has an editor only when asked for one.
    const { exportAdmin } = await import('../cms/export.ts');
    const written = await exportAdmin(projectRoot, join(outputDir, 'admin'), given.withEditor, pathPrefix(siteUrl));
    if (progress) console.log(`Wrote the browser editor to ${outputDir}/admin/ (${written} files).`);
  }
  console.log(`Preview: ${preview.url}  (rebuilds when content/ or templates/ change; Ctrl-C to stop)`);
  if (edit) console.log(`Editor: ${new URL('/admin/', preview.url).href}${isLoopback(host) ? '' : '  (read-only: the preview listens beyond this machine)'}`);
  const stop = () => {
    void preview.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * The browser editor's routes (src/cms/routes.ts), loaded on the first request for one of its paths: they import
 * the whole pipeline, about 1.5 s of CPU, which the preview's first page does not wait for.
 */
function lazyCmsRoutes(options: Parameters<typeof cmsRoutes>[0]): NonNullable<PreviewOptions['routes']> {
  let routes: ReturnType<typeof cmsRoutes> | null = null;
  return async (req, res, path) => {
    if (!/^\/(?:admin(?:\/|$)|__cms\/|api\/v1$)/.test(path)) return false;
    routes ??= (await import('../cms/routes.ts')).cmsRoutes(options);
    return routes(req, res, path);
  };
}

/**
 * A site an earlier build made, in a folder a build may replace: the marker every build writes, and a home page.
 * A refused folder is left to the build, which says why.
 */
function hasBuiltSite(projectRoot: string, output: string): boolean {
  const dir = resolve(projectRoot, output);
  try {
    assertOutputAllowed(projectRoot, dir, output.replace(/\/+$/, ''));
  } catch {
    return false;
  }
  return existsSync(join(dir, OUTPUT_MARKER)) && existsSync(join(dir, 'index.html'));
}

/**
 * The flag wins over the environment; both must pass site.yml's own `url` rule (http or https only). SITE_URL is
 * checked even beside the flag, since the preview server reads it too.
 */
function checkSiteUrl(flag: string | undefined, env: string | undefined): string | undefined {
  for (const [value, from] of [[env, 'SITE_URL'], [flag, '--site-url']] as const) {
    if (value !== undefined && value !== '' && !siteSchema.shape.url.safeParse(value).success) {
      throw new UsageError(`Unexpected ${from} \`${value}\`, expected an http:// or https:// address such as https://example.org/timeline, with no empty segment (\`//\`) or backslash in its path.`);
    }
  }
  return flag ?? (env || undefined);
}

/** The GitHub backend from the environment; a malformed CMS_GITHUB_REPO is a usage error. */
function githubFromEnv(): ReturnType<typeof githubBackend> {
  try {
    return githubBackend(process.env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
