import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGED_PAGES, pagedSitemapPaths } from '../../src/eleventy/paged-pages.ts';
import { renderSite } from '../../src/eleventy/render-site.ts';
import { groupEras } from '../../src/model/timeline.ts';
import { planPeriods } from '../../src/model/periods.ts';
import { sitemapPaths } from '../../src/exports/sitemap.ts';
import { exportTimeline } from './support/export-timeline.ts';

const ROOT = join(import.meta.dirname, '../..');
const timeline = exportTimeline();
// A timeline this small fits on one page; period pages of two events each give the period row pages to render.
timeline.periods = planPeriods(timeline.events, (list) => groupEras(list, timeline.site), 2);
const out = mkdtempSync(join(tmpdir(), 'paged-pages-'));
const page = (path: string) => readFileSync(join(out, path, path.endsWith('/') ? 'index.html' : ''), 'utf8');

beforeAll(async () => {
  // Eleventy imports .eleventy.ts itself, through Node, not through vitest.
  register();
  // The whole site, as the build renders it (its runs included), but for the small export timeline.
  await renderSite({ projectRoot: ROOT, outputDir: out, timeline, quiet: true });
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** What each type's page is called: the item's own name, as the reader knows it from the links to it. */
const TITLES: Record<string, (item: never) => string | null> = {
  'event.njk': (e: { title: string }) => e.title,
  'period.njk': (p: { label: string }) => p.label,
  'categories/category.njk': (pg: { facet: { name: string } }) => pg.facet.name,
  'actors/actor.njk': (pg: { facet: { name: string } }) => pg.facet.name,
  'places/place.njk': (pg: { facet: { name: string } }) => pg.facet.name,
  'as-of.njk': (ap: { moment: { phrase: string } }) => `What was known by ${ap.moment.phrase}`,
  'source.njk': (s: { title: string }) => s.title,
  'embed/embed.njk': () => null,
};

describe('the paged pages', () => {
  it.each(PAGED_PAGES.map((p) => [p.template, p] as const))('%s has its include and renders a page per item at its path', (_template, row) => {
    expect(existsSync(join(ROOT, 'templates/_includes', row.include))).toBe(true);
    const items = row.list(timeline);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const meta = row.meta(item, timeline);
      expect(meta.title, item.path).toBe(TITLES[row.template]!(item as never));
      const html = page(item.path);
      expect(html, item.path).toContain(meta.title ? `<title>${escape(meta.title)} · ` : `<title>`);
      if (row.layout) expect(html, item.path).toContain(`<meta name="description" content="${escape(meta.description)}">`);
    }
  });

  it('are the only pages the sitemap leaves to the model, and it lists exactly the sitemap rows', () => {
    const listed = readFileSync(join(out, 'sitemap-1.xml'), 'utf8');
    const base = timeline.site.url.replace(/\/$/, '');
    const inSitemap = (path: string) => listed.includes(`<loc>${base}${path}</loc>`);
    for (const row of PAGED_PAGES) for (const item of row.list(timeline)) expect(inSitemap(item.path), `${row.template} ${item.path}`).toBe(row.inSitemap);
    expect(sitemapPaths(pagedSitemapPaths(timeline).map((url) => ({ url })))).toEqual(
      PAGED_PAGES.filter((p) => p.inSitemap)
        .flatMap((p) => p.list(timeline).map((item) => item.path))
        .sort(),
    );
  });
});

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
