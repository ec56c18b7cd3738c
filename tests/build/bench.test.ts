import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, generateContent, generateProject } from '../../bench/generate.ts';
import { loadAndValidate } from '../../src/pipeline.ts';
import { ROOT } from '../helpers/project.ts';

/**
 * `npm run bench -- --events 200 --runs 1 --json` runs end to end and reports page counts that match the generated
 * content. No assertion on speed: the benchmark prints figures, the test only checks they describe real work.
 */
const EVENTS = 200;

interface BenchJson {
  events: number;
  runs: number;
  project: { cold_s: number; peak_rss_mb: number; html_pages: number };
  baseline: { cold_s: number; peak_rss_mb: number; html_pages: number };
  rebuild_s: number;
  check_s: number;
  home_gzip_kb: number;
  js_gzip_kb: number;
}

let run: { status: number | null; stdout: string; stderr: string };
let result: BenchJson;
const content = generateContent({ events: EVENTS });
const count = (folder: string) => [...content.files.keys()].filter((path) => path.startsWith(`content/${folder}/`)).length;

beforeAll(() => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--events', String(EVENTS), '--runs', '1', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  run = { status: child.status, stdout: child.stdout, stderr: child.stderr };
  const lines = run.stdout.trim().split('\n');
  result = JSON.parse(lines.at(-1) ?? 'null') as BenchJson;
});

describe('npm run bench -- --events 200 --runs 1 --json', () => {
  it('exits 0 and prints the table, then the JSON object as its last line', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('project cold build');
    expect(run.stdout).toContain('baseline cold build (plain Eleventy)');
    expect(Object.keys(result)).toEqual(['events', 'runs', 'project', 'baseline', 'rebuild_s', 'check_s', 'home_gzip_kb', 'js_gzip_kb']);
    expect(Object.keys(result.project)).toEqual(['cold_s', 'peak_rss_mb', 'html_pages']);
    expect(Object.keys(result.baseline)).toEqual(['cold_s', 'peak_rss_mb', 'html_pages']);
    expect(result.events).toBe(EVENTS);
    expect(result.runs).toBe(1);
  });

  it('counts the pages each build wrote: the baseline one per event plus its home page', () => {
    expect(count('events')).toBe(EVENTS);
    expect(result.baseline.html_pages).toBe(count('events') + 1);
  });

  it('counts at least a page per event and per source plus the home page for the project', () => {
    expect(result.project.html_pages).toBeGreaterThanOrEqual(count('events') + count('sources') + 1);
  });

  it('reports a time for every measurement, the memory of each build and the home page size', () => {
    for (const seconds of [result.project.cold_s, result.baseline.cold_s, result.rebuild_s, result.check_s]) expect(seconds).toBeGreaterThan(0);
    expect(result.project.peak_rss_mb).toBeGreaterThan(0);
    expect(result.baseline.peak_rss_mb).toBeGreaterThan(0);
    expect(result.home_gzip_kb).toBeGreaterThan(0);
    expect(result.js_gzip_kb).toBeGreaterThanOrEqual(0);
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
