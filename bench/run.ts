/**
 * `npm run bench`: generates N synthetic events (bench/generate.ts), then measures, each in a child process of its
 * own: the project's production build; the peer, plain Eleventy 3 building the same events (bench/baseline/) and then
 * Pagefind's CLI indexing its output for search; the preview's time to its first page and its rebuild after one
 * edit; and `npm run check`. See bench/README.md for what each figure means.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXIT, helpText, parseArgs, UsageError, type FlagSpec } from '../src/cli/args.ts';
import { CACHE_DIR_ENV } from '../src/markdown/cache.ts';
import { runCli } from '../src/cli/run.ts';
import { generateProject, ROOT } from './generate.ts';
import { indexedPages, inSequence, parseUsage, TIME_FORMAT, type Step } from './measure.ts';

const FLAGS: FlagSpec[] = [
  { name: 'events', value: 'N', description: 'Number of synthetic events to generate (default: 10000).' },
  { name: 'runs', value: 'R', description: 'Runs of each build, and edits in the rebuild session (default: 3).' },
  { name: 'seed', value: 'S', description: 'Seed of the content generator (default: 1).' },
  { name: 'json', description: 'Also print the medians as one JSON object, on the last line.' },
  { name: 'keep', description: 'Keep the temporary folder (generated project, baseline input, outputs).' },
  { name: 'help', description: 'Show this help.' },
];

const TIME = '/usr/bin/time';
const RSS_PRELOAD = join(ROOT, 'bench/rss.mjs');
const ELEVENTY_CLI = join(ROOT, 'node_modules/@11ty/eleventy/cmd.cjs');
const BASELINE_CONFIG = join(ROOT, 'bench/baseline/eleventy.config.js');
/** Pagefind's CLI as `npx pagefind` runs it: a node script that starts the indexer binary. */
const PAGEFIND_CLI = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');

/** Node's flags in `npm run build` (`--expose-gc`, V8's heap sizes): the builds measured here run with the same. */
const BUILD_FLAGS = nodeFlags(JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).scripts.build as string);

/** The flags between `node` and `--import` in an npm script such as `node --expose-gc --import tsx src/cli/build.ts`. */
function nodeFlags(script: string): string[] {
  const words = script.split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf('--import'));
}

/** A child process failed: the bench fails with its output. */
class BenchError extends Error {
  override name = 'BenchError';
}

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

// --- child processes ------------------------------------------------------------------------------------------

interface Measured extends Step {
  stdout: string;
}

/**
 * Runs `node <args>` in `cwd` and times it from spawn to exit. The peak RSS and the CPU time come from
 * /usr/bin/time (the process and the children it waited for: the largest RSS, the sum of CPU), or else from
 * bench/rss.mjs preloaded into node (that process alone).
 */
async function measure(label: string, args: string[], cwd: string, scratch: string, env: NodeJS.ProcessEnv = {}): Promise<Measured> {
  const rssFile = join(scratch, `rss-${label}-${process.hrtime.bigint()}.txt`);
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const argv = useTime ? ['-f', TIME_FORMAT, '-o', rssFile, process.execPath, ...args] : ['--import', RSS_PRELOAD, ...args];
  const started = performance.now();
  const child = spawn(command, argv, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve(status));
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    throw new BenchError(`${label} failed with exit code ${code}: node ${args.join(' ')}\n(in ${cwd})\n${stderr || stdout}`);
  }
  return { seconds, ...parseUsage(await readFile(rssFile, 'utf8').catch(() => '')), stdout };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The editors' preview (`npm start`) on the generated project, with an earlier build in `output`: timed from
 * spawn until it serves the home page (its time to first page), then each edit appends a marker sentence to one
 * event's body, timed until that event's page on disk carries the marker. Before the first edit and between edits
 * it waits (untimed) for the preview to finish its build.
 */
async function previewSession(
  project: string,
  eventIds: string[],
  edits: number,
  output: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
): Promise<{ readySeconds: number; stallSeconds: number; rebuildSeconds: number[] }> {
  const port = await freePort();
  const spawned = performance.now();
  const child = spawn(process.execPath, [...BUILD_FLAGS, '--import', 'tsx', 'src/cli/build.ts', '--serve', `--port=${port}`, `--output=${output}`], {
    cwd: project,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it stops everything it started.
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  let exited: number | null | undefined;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  child.on('close', (code) => (exited = code));
  const fail = (what: string) => new BenchError(`The preview ${what}.\nstdout:\n${stdout}\nstderr:\n${stderr}`);
  let lastOutput = performance.now();
  child.stdout.on('data', () => (lastOutput = performance.now()));
  const lines = () => stdout.split('\n').filter((l) => l.trim() !== '');
  // The preview's log, in either form it has had: Eleventy's own watcher (`File changed: ./x`, then `Wrote N files`)
  // or the project's (`Rebuilt after a change to x in 1.2 s.`, and `Built the site in 9.8 s…` behind an earlier site).
  const END = /\bWrote \d+ files\b|Rebuilt after a change to |^Built the site in |^Preview: |Server at|Watching/;
  const ends = () => lines().filter((l) => END.test(l) && !/^Preview: |Server at|Watching/.test(l)).length;
  /** At rest: quiet for a second after a finished build. */
  const idle = () => performance.now() - lastOutput > 1000 && END.test(lines().at(-1) ?? '');
  /** What each rebuild so far was for: the changed files Eleventy names, or the preview's `a change to x`. */
  const causes = () =>
    lines().flatMap((l) => /File (?:changed|added|deleted): (.*)$/.exec(l)?.[1] ?? /Rebuilt after a change to (.+?) in [^ ]+ (?:min|s)/.exec(l)?.[1] ?? []);

  const waitFor = async (what: string, ready: () => Promise<boolean> | boolean, pollMs: number) => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (await ready()) return;
      if (exited !== undefined) throw fail(`exited (code ${exited}) while waiting for ${what}`);
      if (performance.now() > deadline) throw fail(`did not show ${what} within ${Math.round(timeoutMs / 1000)} s`);
      await sleep(pollMs);
    }
  };

  try {
    await waitFor('its home page', async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/`)).ok;
      } catch {
        return false;
      }
    }, 20);
    // Rounded once, as the JSON gives it, so that the line and the JSON never round the same figure two ways.
    const readySeconds = round((performance.now() - spawned) / 1000, 3);
    progress(`preview: first page after ${readySeconds.toFixed(2)} s`);
    // Its worst response during that first build: a page asked for every 0.1 s, timed until its last byte.
    let stallSeconds = 0;
    await waitFor('the end of its first build', async () => {
      const asked = performance.now();
      await fetch(`http://127.0.0.1:${port}/`).then((res) => res.arrayBuffer()).catch(() => null);
      stallSeconds = Math.max(stallSeconds, (performance.now() - asked) / 1000);
      return /^Built the site in /m.test(stdout);
    }, 100);
    stallSeconds = round(stallSeconds, 3);
    progress(`preview: slowest answer during its first build ${stallSeconds.toFixed(2)} s`);
    const seconds: number[] = [];
    const MAX_TRIES = 5;
    for (let k = 0, tries = 0; k < edits; ) {
      const id = eventIds[Math.floor(((k + 1) * eventIds.length) / (edits + 1))]!;
      const source = join(project, 'content/events', `${id}.md`);
      const page = join(output, 'events', id, 'index.html');
      const marker = `Benchmark edit ${k + 1}.${tries + 1} marker ${id}`;
      // Start from a preview at rest: no rebuild in flight (the templates are the repository's, and may change).
      await waitFor('a rest between rebuilds', idle, 100);
      const before = { ends: ends(), causes: causes().length };
      const started = performance.now();
      await appendFile(source, `\n${marker}.\n`);
      await waitFor(`the edit in ${relative(project, page)}`, async () => (await readFile(page, 'utf8').catch(() => '')).includes(marker), 10);
      const elapsed = (performance.now() - started) / 1000;
      // Let the rebuild finish writing the rest of the site before the next edit.
      await waitFor('the end of its rebuild', () => ends() > before.ends, 50);
      const others = causes()
        .slice(before.causes)
        .filter((path) => !path.endsWith(`content/events/${id}.md`));
      if (others.length > 0 && ++tries < MAX_TRIES) {
        progress(`rebuild ${k + 1}/${edits}: ${elapsed.toFixed(2)} s discarded: the preview also rebuilt for ${others.join(', ')}; again`);
        continue;
      }
      seconds.push(elapsed);
      progress(`rebuild ${k + 1}/${edits}: ${elapsed.toFixed(2)} s (${id})${others.length ? `, though the preview also rebuilt for ${others.join(', ')}` : ''}`);
      k++;
      tries = 0;
    }
    return { readySeconds, stallSeconds, rebuildSeconds: seconds };
  } finally {
    if (exited === undefined && child.pid !== undefined) {
      const closed = new Promise((resolve) => child.once('close', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await Promise.race([closed, sleep(5000)]);
      if (exited === undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  }
}

// --- output folders -------------------------------------------------------------------------------------------

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

interface SiteFigures {
  htmlPages: number;
  homeGzipKb: number;
  /** Every script the site ships, each gzipped as served, except the search library (pagefind/). */
  jsGzipKb: number;
}

async function siteFigures(output: string): Promise<SiteFigures> {
  const all = await files(output);
  const gzipKb = async (path: string) => gzipSync(await readFile(path), { level: 9 }).byteLength / 1024;
  const scripts = all.filter((path) => /\.m?js$/.test(path) && relative(output, path).split(sep)[0] !== 'pagefind');
  let jsGzipKb = 0;
  for (const path of scripts) jsGzipKb += await gzipKb(path);
  return {
    htmlPages: all.filter((path) => path.endsWith('.html')).length,
    homeGzipKb: await gzipKb(join(output, 'index.html')),
    jsGzipKb,
  };
}

// --- statistics and report ------------------------------------------------------------------------------------

interface Stats {
  median: number;
  min: number;
  max: number;
}

function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

// --- main -----------------------------------------------------------------------------------------------------

function wholeNumber(flags: Map<string, string | true>, name: string, fallback: number, min: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} needs a whole number of at least ${min}, not ${String(raw)}.`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, FLAGS);
  if (flags.has('help')) {
    process.stdout.write(
      helpText('npm run bench -- [options]', 'Generates synthetic content and measures the build, Eleventy + Pagefind, plain Eleventy, the preview and the check.', FLAGS),
    );
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`Unexpected argument ${positionals[0]}.`);
  const events = wholeNumber(flags, 'events', 10_000, 1);
  const runs = wholeNumber(flags, 'runs', 3, 1);
  const seed = wholeNumber(flags, 'seed', 1, 0);

  const load = loadavg()[0]!;
  const tmp = await mkdtemp(join(tmpdir(), 'nt-bench-'));
  const project = join(tmp, 'project');
  const baseline = join(tmp, 'baseline');
  const out = join(tmp, 'out');
  await mkdir(out);
  try {
    progress(`generating ${events} events into ${project}`);
    const content = await generateProject(project, { events, seed });
    progress(`${content.eventIds.length} events, ${content.sourceIds.length} sources, ${content.actorIds.length} actors, ${content.placeIds.length} places`);
    // The baseline's input: its templates and a copy of the very same event files.
    await cp(join(ROOT, 'bench/baseline/site'), baseline, { recursive: true });
    await cp(join(project, 'content/events'), join(baseline, 'events'), { recursive: true });

    interface Runs {
      steps: Step[];
      figures: SiteFigures[];
    }
    const project_: Runs = { steps: [], figures: [] };
    const eleventy_: Runs = { steps: [], figures: [] };
    const pagefind_: Runs & { indexed: number[] } = { steps: [], figures: [], indexed: [] };
    const peer_: Step[] = [];
    const check: number[] = [];
    const projectOut = join(out, 'project');
    let cacheDir = '';
    const shown = (m: Step) => `${m.seconds.toFixed(2)} s, ${m.cpuS?.toFixed(2) ?? '?'} s of CPU, ${m.rssMb?.toFixed(0) ?? '?'} MB`;
    for (let r = 1; r <= runs; r++) {
      await rm(projectOut, { recursive: true, force: true });
      // A cold build: an empty body cache of its own (the default one is in the repository's node_modules).
      cacheDir = join(tmp, `cache-${r}`);
      const p = await measure('project', [...BUILD_FLAGS, '--import', 'tsx', 'src/cli/build.ts', `--output=${projectOut}`, '--quiet'], project, tmp, {
        [CACHE_DIR_ENV]: cacheDir,
      });
      project_.steps.push(p);
      project_.figures.push(await siteFigures(projectOut));
      progress(`run ${r}/${runs} project build: ${shown(p)}`);

      const baselineOut = join(out, 'baseline');
      await rm(baselineOut, { recursive: true, force: true });
      const b = await measure('baseline', [ELEVENTY_CLI, `--config=${BASELINE_CONFIG}`, '--input=.', `--output=${baselineOut}`, '--quiet'], baseline, tmp);
      eleventy_.steps.push(b);
      eleventy_.figures.push(await siteFigures(baselineOut));
      progress(`run ${r}/${runs} baseline build (plain Eleventy): ${shown(b)}`);
      const f = await measure('baseline-search', [PAGEFIND_CLI, '--site', baselineOut], baseline, tmp);
      const indexed = indexedPages(f.stdout);
      if (indexed === null) throw new BenchError(`Pagefind did not say how many pages it indexed:\n${f.stdout}`);
      pagefind_.steps.push(f);
      pagefind_.indexed.push(indexed);
      peer_.push(inSequence([b, f]));
      progress(`run ${r}/${runs} Pagefind over its output: ${shown(f)}, ${indexed} pages`);

      const c = await measure('check', ['--import', 'tsx', 'src/cli/check.ts'], project, tmp);
      check.push(c.seconds);
      progress(`run ${r}/${runs} check: ${c.seconds.toFixed(2)} s`);
    }

    // CI after a one-event commit: the last cold run's body cache, one event's body edited, a fresh output folder.
    const edited = content.eventIds[Math.floor(content.eventIds.length / 3)]!;
    await appendFile(join(project, 'content/events', `${edited}.md`), `\nBenchmark edit for the cached build.\n`);
    const cachedOut = join(out, 'cached');
    const cached = await measure('cached', [...BUILD_FLAGS, '--import', 'tsx', 'src/cli/build.ts', `--output=${cachedOut}`], project, tmp, { [CACHE_DIR_ENV]: cacheDir, CI: '' });
    const bodies = /^Rendered (\d+) Markdown bod(?:y|ies); (\d+) came from the cache\.$/m.exec(cached.stdout);
    if (!bodies) throw new BenchError(`The cached build did not say how many bodies it rendered:\n${cached.stdout}`);
    await rm(cachedOut, { recursive: true, force: true });
    progress(`build after one edit, body cache warm: ${shown(cached)}; bodies: ${bodies[1]} rendered, ${bodies[2]} from the cache`);

    progress(`starting the preview on the last build, for ${runs} edit${runs === 1 ? '' : 's'}`);
    // The preview builds the site once behind the earlier one before the first edit: allow several cold builds' time.
    const timeoutMs = Math.max(180_000, events * 60, 4 * stats(project_.steps.map((x) => x.seconds)).max * 1000);
    // The last cold build's site and cache: the preview opens on them as on an editor's machine after a build.
    const preview = await previewSession(project, content.eventIds, runs, projectOut, timeoutMs, { [CACHE_DIR_ENV]: cacheDir });

    const med = (xs: number[]) => (xs.length ? stats(xs).median : 0);
    const fig = (list: SiteFigures[], key: keyof SiteFigures) => med(list.map((f) => f[key]));
    const known = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
    const of = (steps: Step[], key: keyof Step) => known(steps.map((x) => x[key]));
    // Rounded first as the JSON line rounds (seconds to 3 places, MB to 1), so the table never shows 3.49 s where the
    // JSON says 3.495.
    const s = (x: Stats, unit = 's', digits = 2) => [x.median, x.min, x.max].map((n) => `${round(n, unit === 's' ? 3 : 1).toFixed(digits)} ${unit}`);
    const na = (xs: number[], unit: string, digits: number) => (xs.length ? s(stats(xs), unit, digits) : ['n/a', 'n/a', 'n/a']);
    const steps = [
      ['project', project_.steps],
      ['baseline (Eleventy + Pagefind)', peer_],
      ['baseline (plain Eleventy)', eleventy_.steps],
      ['Pagefind over plain Eleventy’s output', pagefind_.steps],
    ] as const;
    const rows = [
      ['', 'median', 'min', 'max'],
      ...steps.map(([label, list]) => [`${label} cold build`, ...na(of([...list], 'seconds'), 's', 2)]),
      ...steps.map(([label, list]) => [`${label} CPU time`, ...na(of([...list], 'cpuS'), 's', 2)]),
      ...steps.map(([label, list]) => [`${label} peak RSS`, ...na(of([...list], 'rssMb'), 'MB', 0)]),
      ['build after one edit, body cache warm', ...s(stats([cached.seconds]))],
      ['  its CPU time', ...na(known([cached.cpuS]), 's', 2)],
      ['preview time to first page', ...s(stats([preview.readySeconds]))],
      ['preview slowest answer during its first build', ...s(stats([preview.stallSeconds]))],
      ['rebuild after one edit (preview)', ...s(stats(preview.rebuildSeconds))],
      ['check', ...s(stats(check))],
    ];
    const ratio = (a: number[], b: number[]) => (a.length && b.length ? (med(a) / med(b)).toFixed(2) : 'n/a');
    const pCold = med(of(project_.steps, 'seconds'));
    const report = [
      `news-timeline benchmark: ${events} events, ${content.sourceIds.length} sources, ${runs} run${runs === 1 ? '' : 's'} (seed ${seed})`,
      `machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, load average ${load.toFixed(1)} at start, ${existsSync(TIME) ? 'CPU and RSS from /usr/bin/time' : 'CPU and RSS from bench/rss.mjs (node processes alone)'}`,
      '',
      table(rows),
      '',
      `project / (Eleventy + Pagefind): ${ratio(of(project_.steps, 'seconds'), of(peer_, 'seconds'))} cold build, ${ratio(of(project_.steps, 'cpuS'), of(peer_, 'cpuS'))} CPU time (medians)`,
      `project / plain Eleventy: ${ratio(of(project_.steps, 'seconds'), of(eleventy_.steps, 'seconds'))} cold build, ${ratio(of(project_.steps, 'cpuS'), of(eleventy_.steps, 'cpuS'))} CPU time (medians)`,
      `rebuild / project cold build: ${((100 * stats(preview.rebuildSeconds).median) / pCold).toFixed(1)} %`,
      `HTML pages written: project ${fig(project_.figures, 'htmlPages')}, baseline ${fig(eleventy_.figures, 'htmlPages')}; indexed by Pagefind: ${med(pagefind_.indexed)}`,
      `home page: ${fig(project_.figures, 'homeGzipKb').toFixed(1)} KB gzipped (baseline ${fig(eleventy_.figures, 'homeGzipKb').toFixed(1)} KB)`,
      `JavaScript shipped (search aside): ${fig(project_.figures, 'jsGzipKb').toFixed(1)} KB gzipped`,
    ];
    process.stdout.write(`${report.join('\n')}\n`);
    if (flags.has('json')) {
      const figures = (list: Step[]) => ({
        cold_s: round(med(of(list, 'seconds')), 3),
        cpu_s: round(med(of(list, 'cpuS')), 3),
        peak_rss_mb: round(med(of(list, 'rssMb')), 1),
      });
      const json = {
        events,
        runs,
        project: { ...figures(project_.steps), html_pages: fig(project_.figures, 'htmlPages') },
        baseline: { ...figures(eleventy_.steps), html_pages: fig(eleventy_.figures, 'htmlPages') },
        baseline_search: { ...figures(pagefind_.steps), html_pages: med(pagefind_.indexed) },
        peer: figures(peer_),
        cached_build: { s: round(cached.seconds, 3), cpu_s: round(cached.cpuS ?? 0, 3), peak_rss_mb: round(cached.rssMb ?? 0, 1), bodies_rendered: Number(bodies[1]) },
        rebuild_s: round(stats(preview.rebuildSeconds).median, 3),
        preview_ready_s: round(preview.readySeconds, 3),
        preview_stall_s: round(preview.stallSeconds, 3),
        check_s: round(stats(check).median, 3),
        home_gzip_kb: round(fig(project_.figures, 'homeGzipKb'), 2),
        js_gzip_kb: round(fig(project_.figures, 'jsGzipKb'), 2),
      };
      process.stdout.write(`${JSON.stringify(json)}\n`);
    }
    return EXIT.ok;
  } finally {
    if (flags.has('keep')) progress(`kept ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
  }
}

await runCli(main, (error) => {
  if (!(error instanceof BenchError)) return undefined;
  console.error(`Benchmark failed: ${error.message}`);
  return 1;
});
