import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, generateContent, generateProject } from '../../bench/generate.ts';
import { loadAndValidate } from '../../src/pipeline.ts';
import { ROOT } from '../helpers/project.ts';

/**
 * `npm run bench -- --events 200 --runs 1 --json --keep` runs end to end, and what it reports is recomputed here from
 * the folders it kept: page counts, Pagefind's index of the baseline, the home page's and the scripts' gzipped sizes,
 * each build's CPU time and peak RSS from the /usr/bin/time files it kept, Eleventy + Pagefind as the sum of its two
 * steps, and the JSON line agreeing with the table. No assertion on speed: timings are only checked to be the same
 * figures in both places.
 */
const EVENTS = 200;

interface Figures {
  cold_s: number;
  cpu_s: number;
  peak_rss_mb: number;
}

interface BenchJson {
  events: number;
  runs: number;
  project: Figures & { html_pages: number };
  baseline: Figures & { html_pages: number };
  baseline_search: Figures & { html_pages: number };
  peer: Figures;
  cached_build: { s: number; cpu_s: number; peak_rss_mb: number; bodies_rendered: number };
  rebuild_s: number;
  preview_ready_s: number;
  preview_stall_s: number;
  check_s: number;
  home_gzip_kb: number;
  js_gzip_kb: number;
}

let run: { status: number | null; stdout: string; stderr: string };
let result: BenchJson;
let kept: string;
const content = generateContent({ events: EVENTS });
const count = (folder: string) => [...content.files.keys()].filter((path) => path.startsWith(`content/${folder}/`)).length;
const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
const gzipKb = (path: string) => gzipSync(readFileSync(path), { level: 9 }).byteLength / 1024;
/** The table row whose label is `label`: its median, min and max cells. */
const row = (label: string) => {
  const line = run.stdout.split('\n').find((l) => l.startsWith(`${label}  `));
  return line?.slice(label.length).trim().split(/ {2,}/);
};

beforeAll(() => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--events', String(EVENTS), '--runs', '1', '--json', '--keep'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  run = { status: child.status, stdout: child.stdout, stderr: child.stderr };
  result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? 'null') as BenchJson;
  kept = /^\[bench\] kept (.+)$/m.exec(run.stderr)?.[1] ?? '';
});
afterAll(() => (kept ? rm(kept, { recursive: true, force: true }) : undefined));

describe('npm run bench -- --events 200 --runs 1 --json --keep', () => {
  it('exits 0 and prints the table, then the JSON object as its last line', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(Object.keys(result)).toEqual(['events', 'runs', 'project', 'baseline', 'baseline_search', 'peer', 'cached_build', 'rebuild_s', 'preview_ready_s', 'preview_stall_s', 'check_s', 'home_gzip_kb', 'js_gzip_kb']);
    for (const build of [result.project, result.baseline, result.baseline_search]) expect(Object.keys(build)).toEqual(['cold_s', 'cpu_s', 'peak_rss_mb', 'html_pages']);
    expect(Object.keys(result.peer)).toEqual(['cold_s', 'cpu_s', 'peak_rss_mb']);
    expect(result.events).toBe(EVENTS);
    expect(result.runs).toBe(1);
    expect(run.stdout).toContain(`news-timeline benchmark: ${EVENTS} events, ${count('sources')} sources, 1 run (seed 1)`);
  });

  it('reports in its JSON the same figures as in its table, where one run makes median, min and max equal', () => {
    const seconds = (n: number) => `${n.toFixed(2)} s`;
    for (const [label, figures] of [
      ['project', result.project],
      ['baseline (Eleventy + Pagefind)', result.peer],
      ['baseline (plain Eleventy)', result.baseline],
      ['Pagefind over plain Eleventy’s output', result.baseline_search],
    ] as const) {
      expect(row(`${label} cold build`)).toEqual(Array(3).fill(seconds(figures.cold_s)));
      expect(row(`${label} CPU time`)).toEqual(Array(3).fill(seconds(figures.cpu_s)));
      expect(row(`${label} peak RSS`)).toEqual(Array(3).fill(`${figures.peak_rss_mb.toFixed(0)} MB`));
    }
    expect(row('build after one edit, body cache warm')).toEqual(Array(3).fill(seconds(result.cached_build.s)));
    expect(row('  its CPU time')).toEqual(Array(3).fill(seconds(result.cached_build.cpu_s)));
    expect(row('preview time to first page')).toEqual(Array(3).fill(seconds(result.preview_ready_s)));
    expect(row('preview slowest answer during its first build')).toEqual(Array(3).fill(seconds(result.preview_stall_s)));
    expect(row('rebuild after one edit (preview)')).toEqual(Array(3).fill(seconds(result.rebuild_s)));
    expect(row('check')).toEqual(Array(3).fill(seconds(result.check_s)));
    expect(run.stderr).toContain(`[bench] preview: first page after ${result.preview_ready_s.toFixed(2)} s`);
    expect(run.stderr).toContain(`[bench] preview: slowest answer during its first build ${result.preview_stall_s.toFixed(2)} s`);
    expect(run.stdout).toContain(
      `HTML pages written: project ${result.project.html_pages}, baseline ${result.baseline.html_pages}; indexed by Pagefind: ${result.baseline_search.html_pages}`,
    );
  });

  it('reports each build’s CPU time and peak RSS as /usr/bin/time measured them', () => {
    expect(existsSync('/usr/bin/time'), 'this test reads the files /usr/bin/time writes').toBe(true);
    const usage = (label: string) => {
      const [file, ...more] = readdirSync(kept).filter((f) => new RegExp(`^rss-${label}-\\d+\\.txt$`).test(f));
      expect(more).toEqual([]);
      const [kb, user, sys] = readFileSync(join(kept, file!), 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
      return { cpu_s: Number((user! + sys!).toFixed(3)), peak_rss_mb: Number((kb! / 1024).toFixed(1)) };
    };
    expect(usage('project')).toEqual({ cpu_s: result.project.cpu_s, peak_rss_mb: result.project.peak_rss_mb });
    expect(usage('baseline')).toEqual({ cpu_s: result.baseline.cpu_s, peak_rss_mb: result.baseline.peak_rss_mb });
    expect(usage('baseline-search')).toEqual({ cpu_s: result.baseline_search.cpu_s, peak_rss_mb: result.baseline_search.peak_rss_mb });
    expect(usage('cached')).toEqual({ cpu_s: result.cached_build.cpu_s, peak_rss_mb: result.cached_build.peak_rss_mb });
  });

  it('builds after a one-event edit with the cold build’s body cache, rendering that one body', () => {
    expect(result.cached_build.bodies_rendered).toBe(1);
    expect(run.stderr).toContain(`body cache warm: `);
    expect(run.stderr).toMatch(new RegExp(`; bodies: 1 rendered, ${count('events') - 1} from the cache\\n`));
  });

  it('reports Eleventy + Pagefind as one build: the two steps’ times and CPU added, the larger peak RSS', () => {
    // The peer's figures come from unrounded steps: within the JSON's rounding of each of the three.
    expect(Math.abs(result.peer.cold_s - (result.baseline.cold_s + result.baseline_search.cold_s))).toBeLessThanOrEqual(0.0015);
    expect(Math.abs(result.peer.cpu_s - (result.baseline.cpu_s + result.baseline_search.cpu_s))).toBeLessThanOrEqual(0.0015);
    expect(result.peer.peak_rss_mb).toBe(Math.max(result.baseline.peak_rss_mb, result.baseline_search.peak_rss_mb));
  });

  it('counts the pages each build wrote: for the baseline one per generated event plus its home page', () => {
    const html = (dir: string) => filesUnder(join(kept, 'out', dir)).filter((f) => f.endsWith('.html'));
    expect(count('events')).toBe(EVENTS);
    expect(result.baseline.html_pages).toBe(count('events') + 1);
    expect(html('baseline')).toHaveLength(result.baseline.html_pages);
    expect(html('project')).toHaveLength(result.project.html_pages);
    // The project's own site: a page for every generated event and source, besides its lists and indexes.
    expect(html('project').filter((f) => /^events\/[^/]+\/index\.html$/.test(f))).toHaveLength(count('events'));
    expect(html('project').filter((f) => /^sources\/[^/]+\/index\.html$/.test(f))).toHaveLength(count('sources'));
  });

  it('indexes every page of the baseline with Pagefind, into the baseline’s output', () => {
    expect(result.baseline_search.html_pages).toBe(result.baseline.html_pages);
    const entry = JSON.parse(readFileSync(join(kept, 'out', 'baseline', 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(result.baseline.html_pages);
  });

  it('measures the home page and the scripts the project build shipped, gzipped, the search library aside', () => {
    const site = join(kept, 'out', 'project');
    expect(result.home_gzip_kb).toBe(Number(gzipKb(join(site, 'index.html')).toFixed(2)));
    const scripts = filesUnder(site).filter((f) => /\.m?js$/.test(f) && !f.startsWith('pagefind/'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(result.js_gzip_kb).toBe(Number(scripts.reduce((kb, f) => kb + gzipKb(join(site, f)), 0).toFixed(2)));
  });
});

describe('the generated content', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nt-bench-gen-'));
    await generateProject(dir, { events: EVENTS });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is the same for the same seed, and differs for another', () => {
    const again = generateContent({ events: EVENTS });
    expect([...again.files]).toEqual([...content.files]);
    const other = generateContent({ events: EVENTS, seed: 2 });
    expect([...other.files]).not.toEqual([...content.files]);
  });

  it('passes the full validation without a warning, and uses every category, actor, place and source', async () => {
    const { content: checked, diagnostics } = await loadAndValidate(dir);
    expect(diagnostics).toEqual([]);
    expect(checked!.events).toHaveLength(EVENTS);
    const events = checked!.events;
    expect(new Set(events.map((e) => e.category))).toEqual(new Set(Object.keys(CATEGORIES)));
    expect(new Set(events.flatMap((e) => e.actors))).toEqual(new Set(content.actorIds));
    expect(new Set(events.flatMap((e) => e.places))).toEqual(new Set(content.placeIds));
    expect(new Set(events.flatMap((e) => e.sources.map((s) => s.source)))).toEqual(new Set(content.sourceIds));
  });

  it('mixes precisions, spans, approximate dates and claims, over three decades', async () => {
    const events = (await loadAndValidate(dir)).content!.events;
    expect(new Set(events.map((e) => e.date.precision))).toEqual(new Set(['year', 'month', 'day', 'minute']));
    expect(new Set(events.filter((e) => e.date.offsetMinutes !== null).map((e) => e.date.offsetMinutes))).toContain(0);
    expect(events.some((e) => e.end !== null)).toBe(true);
    expect(events.some((e) => e.approximate)).toBe(true);
    const withClaims = events.filter((e) => e.claims.length > 0).length;
    expect(withClaims).toBeGreaterThan(EVENTS * 0.03);
    expect(withClaims).toBeLessThan(EVENTS * 0.2);
    const years = events.map((e) => Number(e.date.local.slice(0, 4)));
    expect(Math.min(...years)).toBeLessThan(1995);
    expect(Math.max(...years)).toBeGreaterThan(2019);
    expect(events.every((e) => /\*\*?[^*]+\*\*?/.test(e.body) && e.body.includes('](https://'))).toBe(true);
  });
});
