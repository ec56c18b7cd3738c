import matter from 'gray-matter';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { worthCollecting } from '../../src/eleventy/memory.ts';
import { EXPORT_TEMPLATES, PAGED_TEMPLATES, pageCap, pagedLists, pagedSitemapPaths, planRuns, RENDERED_APART } from '../../src/eleventy/run-plan.ts';
import type { Timeline } from '../../src/views/site.ts';

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
  const lists = pagedLists(timeline);
  const listOf = (template: string) => PAGED_TEMPLATES.find((p) => p.template === template)!.list;
  const runs = planRuns(timeline, 10);
  const runsOf = (template: string) => runs.filter((r) => r.templates?.includes(template));

  it('renders each paged template in slices of at most the given size, in order, each item once', () => {
    expect(runsOf('event.njk').map((r) => r.paged.events.map((e) => e.path))).toEqual([
      timeline.events.slice(0, 10).map((e) => e.path),
      timeline.events.slice(10, 20).map((e) => e.path),
      timeline.events.slice(20).map((e) => e.path),
    ]);
    for (const p of PAGED_TEMPLATES) {
      const rendered = runsOf(p.template).flatMap((r) => (r.paged[p.list] as { path: string }[]).map((item) => item.path));
      expect(rendered, p.template).toEqual((lists[p.list] as { path: string }[]).map((item) => item.path));
    }
  });

  it('gives a run only the slices of its own templates', () => {
    for (const run of runs) {
      for (const p of PAGED_TEMPLATES) if (!run.templates?.includes(p.template)) expect(run.paged[p.list], `${run.templates} ${p.list}`).toEqual([]);
    }
    expect(runs.at(-1)).toEqual({ templates: null, paged: expect.objectContaining({ events: [], sources: [] }) });
  });

  it('packs slices of different templates and the exports into runs of at most RUN_BUDGET event pages', () => {
    const big = { ...timeline, events: items('events', 25_000) } as unknown as Timeline;
    const planned = planRuns(big);
    // Event pages weigh 1: slices of 10,000, 10,000 and 5,000. The third run takes every other list too (3·15 + 1·15
    // + 11·15 + 2·15 + 4·4 + 12·3 + 2·5 = 317), but no export: each weighs 25,000 · 0.25 = 6,250, so each runs alone.
    expect(planned.map((r) => r.templates?.[0] ?? null)).toEqual(['event.njk', 'event.njk', 'event.njk', ...EXPORT_TEMPLATES, null]);
    expect(planned.map((r) => r.paged.events.length)).toEqual([10_000, 10_000, 5_000, 0, 0, 0, 0]);
    const third = planned[2]!;
    expect(third.templates).toEqual(PAGED_TEMPLATES.map((p) => p.template));
    expect(third.paged.events).toEqual(big.events.slice(20_000));
    for (const template of third.templates!.slice(1)) expect(third.paged[listOf(template)], template).toEqual(pagedLists(big)[listOf(template)]);
  });

  it('keeps a small timeline to one run and the rest', () => {
    const planned = planRuns(timeline);
    expect(planned).toHaveLength(2);
    expect([...planned[0]!.templates!].sort()).toEqual([...RENDERED_APART].sort());
    expect(planned[0]!.paged).toEqual(pagedLists(timeline));
  });

  it('leaves out a template with nothing to render', () => {
    expect(planRuns({ ...timeline, embeds: [] }, 10).some((r) => r.templates?.includes('embed/embed.njk'))).toBe(false);
  });

  it('leaves to the last run every template but the paged ones and the exports', () => {
    expect([...RENDERED_APART].sort()).toEqual([...PAGED_TEMPLATES.map((p) => p.template), ...EXPORT_TEMPLATES].sort());
  });
});

describe('pageCap', () => {
  it('takes a whole number from 1, and anything else as no cap', () => {
    expect(pageCap('40')).toBe(40);
    expect(pageCap('1')).toBe(1);
    for (const value of [undefined, '', '0', '-5', '0.5', '2.5', 'many', 'Infinity']) expect(pageCap(value), String(value)).toBeUndefined();
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
  it('are the only templates that read `paged` (the last run gives it empty lists)', () => {
    const readers = readdirSync(TEMPLATES, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.njk') && /\bpaged\./.test(readFileSync(join(TEMPLATES, f), 'utf8')))
      .map((f) => f.split(sep).join('/'));
    expect(readers.sort()).toEqual(PAGED_TEMPLATES.map((p) => p.template).sort());
  });

  it.each(PAGED_TEMPLATES.map((p) => [p.template, p] as const))('%s paginates over its list, one page per item at its path, out of collections', async (template, p) => {
    const file = join(TEMPLATES, template);
    expect(existsSync(file)).toBe(true);
    const front = matter(readFileSync(file, 'utf8')).data as { pagination: { data: string; size: number; alias: string }; eleventyExcludeFromCollections?: boolean };
    const { pagination } = front;
    expect(pagination).toMatchObject({ data: `paged.${p.list}`, size: 1 });

    const dataFile = file.replace(/\.njk$/, '.11tydata.js');
    const data = ((await import(pathToFileURL(dataFile).href)) as { default: Record<string, unknown> }).default;
    expect(front.eleventyExcludeFromCollections ?? data.eleventyExcludeFromCollections).toBe(true);
    const permalink = (data.permalink ?? (data.eleventyComputed as Record<string, unknown>).permalink) as (d: object) => string;
    const [item] = pagedLists(timeline)[p.list] as { path: string }[];
    expect(permalink({ [pagination.alias]: item })).toBe(item!.path);
  });
});

describe('worthCollecting', () => {
  const MB = 1024 * 1024;

  it('waits until the garbage is at least 384 MB and at least what was live', () => {
    expect(worthCollecting(380 * MB, 0)).toBe(false);
    expect(worthCollecting(390 * MB, 0)).toBe(true);
    expect(worthCollecting(540 * MB, 160 * MB)).toBe(false);
    expect(worthCollecting(550 * MB, 160 * MB)).toBe(true);
    expect(worthCollecting(1500 * MB, 800 * MB)).toBe(false);
    expect(worthCollecting(1700 * MB, 800 * MB)).toBe(true);
  });
});
