import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../bench/generate.ts';
import { FEED_LIMIT } from '../../src/exports/feeds.ts';
import { PAGE_LIMIT } from '../../src/model/periods.ts';
import { checkAnchors } from '../../src/verify/anchors.ts';
import { runCli, snapshot } from '../helpers/project.ts';

/** A timeline too long for one page: the home page lists year pages, and every event is on exactly one of them. */
const EVENTS = 400;
let base: string;
let out: string;
let data: { events: { id: string; local_date: string }[] };

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'nt-scale-'));
  await generateProject(join(base, 'project'), { events: EVENTS });
  out = join(base, 'out');
  const run = runCli('build.ts', [`--output=${out}`, '--quiet'], join(base, 'project'));
  expect(run.status, run.stderr).toBe(0);
  data = JSON.parse(await readFile(join(out, 'events.json'), 'utf8'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe(`a timeline of ${EVENTS} events`, () => {
  it('is more than one page holds', () => {
    expect(data.events.length).toBe(EVENTS);
    expect(EVENTS).toBeGreaterThan(PAGE_LIMIT);
  });

  it('gives its feeds FEED_LIMIT events (which ones: tests/unit/feeds.test.ts), each an event of events.json', async () => {
    const feed = JSON.parse(await readFile(join(out, 'feed.json'), 'utf8')) as { items: { id: string }[] };
    expect(feed.items).toHaveLength(FEED_LIMIT);
    const atom = await readFile(join(out, 'feed.xml'), 'utf8');
    expect([...atom.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1])).toEqual(feed.items.map((i) => i.id));
    const urls = new Set((JSON.parse(await readFile(join(out, 'events.json'), 'utf8')) as { events: { url: string }[] }).events.map((e) => e.url));
    expect(feed.items.every((i) => urls.has(i.id))).toBe(true);
  });

  it('lists its year pages on the home page instead of every event', async () => {
    const home = await readFile(join(out, 'index.html'), 'utf8');
    const years = [...new Set(data.events.map((e) => e.local_date.slice(0, 4)))];
    for (const year of years) expect(home).toContain(`href="/timeline/${year}/"`);
    expect(home).not.toContain('class="events"');
    expect(gzipSync(home, { level: 9 }).length).toBeLessThan(60 * 1024);
  });

  it('puts every event on exactly one year page, in timeline order, and links back to it from the event page', async () => {
    const pages = await readdir(join(out, 'timeline'));
    const seen = new Map<string, string>();
    for (const page of pages) {
      const html = await readFile(join(out, 'timeline', page, 'index.html'), 'utf8');
      for (const [, id] of html.matchAll(/<li class="event[^"]*" id="([^"]+)"/g)) {
        expect(seen.has(id!), `${id} on ${page} and ${seen.get(id!)}`).toBe(false);
        seen.set(id!, page);
      }
    }
    expect([...seen.keys()].sort()).toEqual(data.events.map((e) => e.id).sort());
    for (const e of data.events.slice(0, 50)) {
      const page = await readFile(join(out, 'events', e.id, 'index.html'), 'utf8');
      expect(page).toContain(`href="/timeline/${seen.get(e.id)}/#${e.id}"`);
    }
  });

  it('resolves every anchor', async () => {
    const anchors = await checkAnchors(out);
    expect(anchors.broken).toEqual([]);
    expect(anchors.checked).toBeGreaterThan(EVENTS);
  });
});

describe(`the same ${EVENTS} events rendered in many Eleventy runs`, () => {
  it('make the same site, byte for byte, sitemap and search index included', async () => {
    // A large timeline renders each paged template in slices (src/eleventy/run-plan.ts); 40 pages a run gives these
    // 400 events ten runs, and every other list with more than 40 pages two or more.
    const sliced = join(base, 'sliced');
    const run = runCli('build.ts', [`--output=${sliced}`, '--quiet'], join(base, 'project'), { BUILD_PAGES_PER_RUN: '40' });
    expect(run.status, run.stderr).toBe(0);
    const [whole, inSlices] = [await snapshot(out), await snapshot(sliced)];
    expect(Object.keys(whole).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(EVENTS + 40);
    expect(inSlices).toEqual(whole);
  });
});
