import { describe, expect, it } from 'vitest';
import { embedPages, embedPath } from '../../src/views/embed.ts';
import { exportTimeline } from './support/export-timeline.ts';

const timeline = exportTimeline();

describe('embedPath', () => {
  it.each<[string | null, number, string]>([
    [null, 1, '/embed/'],
    [null, 2, '/embed/page/2/'],
    ['military', 1, '/embed/military/'],
    ['military', 3, '/embed/military/page/3/'],
    // A category called `page` cannot clash with the pages of the whole timeline.
    ['page', 1, '/embed/page/'],
  ])('%s page %i → %s', (category, page, path) => {
    expect(embedPath(category, page)).toBe(path);
  });
});

describe('embedPages', () => {
  const pages = embedPages(timeline.events, timeline.categories, 2);
  const byPath = new Map(pages.map((p) => [p.path, p]));

  it('makes the whole timeline first, then each category in order, paged', () => {
    expect(pages.map((p) => p.path)).toEqual([
      '/embed/',
      '/embed/page/2/',
      '/embed/page/3/',
      '/embed/military/',
      '/embed/military/page/2/',
      '/embed/diplomacy/',
      '/embed/politics/',
      '/embed/background/',
    ]);
  });

  it('pages events in timeline order and links the pages', () => {
    const ids = (path: string) => byPath.get(path)!.days.flatMap((d) => d.events.map((e) => e.id));
    expect(ids('/embed/')).toEqual(['war', 'blockade']);
    expect(ids('/embed/page/2/')).toEqual(['offensive', 'ceasefire']);
    expect(ids('/embed/page/3/')).toEqual(['night', 'talks']);
    expect(byPath.get('/embed/page/2/')).toMatchObject({ pageNumber: 2, pageCount: 3, prev: '/embed/', next: '/embed/page/3/', eventCount: 6 });
    expect(byPath.get('/embed/')).toMatchObject({ prev: null, next: '/embed/page/2/' });
    expect(byPath.get('/embed/page/3/')!.next).toBeNull();
  });

  it('groups by local day with day headings', () => {
    expect(byPath.get('/embed/')!.days.map((d) => [d.key, d.heading])).toEqual([
      ['2020', '2020'],
      ['2022-12', 'December 2022'],
    ]);
    expect(byPath.get('/embed/military/page/2/')!.days).toMatchObject([{ key: '2023-09-20', heading: 'Wednesday 20 September 2023' }]);
  });

  it("keeps each category's own events, and gives an empty category one empty page", () => {
    expect(byPath.get('/embed/military/')!.days.flatMap((d) => d.events.map((e) => e.id))).toEqual(['offensive', 'ceasefire']);
    expect(byPath.get('/embed/military/')).toMatchObject({ category: { id: 'military', label: 'Military' }, eventCount: 3 });
    expect(byPath.get('/embed/politics/')).toMatchObject({ days: [], eventCount: 0, pageCount: 1, prev: null, next: null });
  });

  it('is in the Timeline, one page per category at the default size', () => {
    expect(timeline.embeds.map((p) => p.path)).toEqual(['/embed/', '/embed/military/', '/embed/diplomacy/', '/embed/politics/', '/embed/background/']);
  });
});
