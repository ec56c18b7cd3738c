import matter from 'gray-matter';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { worthCollecting } from '../../src/eleventy/memory.ts';
import { EXPORT_TEMPLATES, PAGED_TEMPLATES, pagedSitemapPaths, planRuns, RENDERED_APART } from '../../src/eleventy/runs.ts';
import type { Timeline } from '../../src/model/timeline.ts';

const TEMPLATES = join(import.meta.dirname, '../../templates');
const items = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ path: `/${prefix}/${i}/` }));

/** Just the lists the paged templates paginate over, and a marker for everything else. */
const timeline = {
  site: { title: 'T' },
  events: items('events', 25),
  periods: items('timeline', 3),
  sources: items('sources', 12),
  embeds: items('embed', 2),
  reader: { facets: 'facets', pages: { categories: items('categories', 1), actors: items('actors', 11), places: items('places', 2) } },
  reporting: { moments: 'moments', pages: items('as-of', 4) },
} as unknown as Timeline;

describe('planRuns', () => {
  const runs = planRuns(timeline, 10);
  const runsOf = (template: string) => runs.filter((r) => r.template === template);

  it('renders each paged template in slices of at most the given size, in order, each item once', () => {
    expect(runsOf('event.njk').map((r) => r.timeline.events.map((e) => e.path))).toEqual([
      timeline.events.slice(0, 10).map((e) => e.path),
      timeline.events.slice(10, 20).map((e) => e.path),
      timeline.events.slice(20).map((e) => e.path),
    ]);
    for (const p of PAGED_TEMPLATES) {
      const rendered = runsOf(p.template).flatMap((r) => p.items(r.timeline).map((item) => item.path));
      expect(rendered, p.template).toEqual(p.items(timeline).map((item) => item.path));
    }
    expect(runsOf('actors/actor.njk').map((r) => r.timeline.reader.pages.actors.length)).toEqual([10, 1]);
  });

  it('gives a slice run the whole timeline but for that one list', () => {
    const [run] = runsOf('actors/actor.njk');
    expect(run!.timeline.events).toBe(timeline.events);
    expect(run!.timeline.reader.facets).toBe(timeline.reader.facets);
    expect(run!.timeline.reader.pages.categories).toBe(timeline.reader.pages.categories);
    expect(run!.timeline.reporting).toBe(timeline.reporting);
    const [asOf] = runsOf('as-of.njk');
    expect(asOf!.timeline.reporting.moments).toBe(timeline.reporting.moments);
  });

  it('leaves out a template with nothing to render, then renders each export alone and the rest last, over the whole timeline', () => {
    expect(planRuns({ ...timeline, embeds: [] }).some((r) => r.template === 'embed/embed.njk')).toBe(false);
    expect(runs.slice(-4)).toEqual([...EXPORT_TEMPLATES.map((template) => ({ template, timeline })), { template: null, timeline }]);
    expect(runs.at(-1)!.timeline).toBe(timeline);
  });

  it('keeps a small timeline to one run per template', () => {
    expect(planRuns(timeline).filter((r) => r.template === 'event.njk')).toHaveLength(1);
  });

  it('leaves to the last run every template but the paged ones and the exports', () => {
    expect([...RENDERED_APART].sort()).toEqual([...PAGED_TEMPLATES.map((p) => p.template), ...EXPORT_TEMPLATES].sort());
  });
});

describe('pagedSitemapPaths', () => {
  it('lists every paged page but the embeds, which are not for search engines', () => {
    const paths = pagedSitemapPaths(timeline);
    expect(paths).toHaveLength(25 + 3 + 12 + 1 + 11 + 2 + 4);
    expect(paths).toContain('/events/24/');
    expect(paths).toContain('/as-of/3/');
    expect(paths.some((p) => p.startsWith('/embed/'))).toBe(false);
  });
});

describe('the paged templates', () => {
  const get = (object: unknown, path: string) => path.split('.').reduce((o, key) => (o as Record<string, unknown>)[key], object);

  it.each(PAGED_TEMPLATES.map((p) => [p.template, p] as const))('%s paginates over its list, one page per item at its path, out of collections', async (template, p) => {
    const file = join(TEMPLATES, template);
    expect(existsSync(file)).toBe(true);
    const front = matter(readFileSync(file, 'utf8')).data as { pagination: { data: string; size: number; alias: string }; eleventyExcludeFromCollections?: boolean };
    const { pagination } = front;
    expect(pagination.size).toBe(1);
    expect(pagination.data.startsWith('timeline.')).toBe(true);
    expect(get(timeline, pagination.data.slice('timeline.'.length))).toBe(p.items(timeline));

    const dataFile = file.replace(/\.njk$/, '.11tydata.js');
    const data = ((await import(pathToFileURL(dataFile).href)) as { default: Record<string, unknown> }).default;
    expect(front.eleventyExcludeFromCollections ?? data.eleventyExcludeFromCollections).toBe(true);
    const permalink = (data.permalink ?? (data.eleventyComputed as Record<string, unknown>).permalink) as (d: object) => string;
    const [item] = p.items(timeline);
    expect(permalink({ [pagination.alias]: item })).toBe(item!.path);
  });
});

describe('worthCollecting', () => {
  const MB = 1024 * 1024;

  it('waits until the garbage is at least 128 MB and at least what was live', () => {
    expect(worthCollecting(100 * MB, 0)).toBe(false);
    expect(worthCollecting(129 * MB, 0)).toBe(true);
    expect(worthCollecting(300 * MB, 160 * MB)).toBe(false);
    expect(worthCollecting(330 * MB, 160 * MB)).toBe(true);
    expect(worthCollecting(1500 * MB, 800 * MB)).toBe(false);
    expect(worthCollecting(1700 * MB, 800 * MB)).toBe(true);
  });
});
