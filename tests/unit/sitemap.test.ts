import { describe, expect, it } from 'vitest';
import { chunk } from '../../src/lib/chunk.ts';
import { sitemapChunks, sitemapPaths, type PageItem } from '../../src/exports/sitemap.ts';

const items: PageItem[] = [
  { url: '/sources/' },
  // Eleventy puts only the first page of a paginated template into collections; the rest are in its hrefs.
  { url: '/events/a/', data: { pagination: { hrefs: ['/events/a/', '/events/b/', '/events/c/'] } } },
  { url: '/' },
  { url: '/404.html' },
  { url: '/feed.xml' },
  { url: '/events.json' },
  { url: false },
  { url: undefined },
  { url: '/sources/' },
];

describe('sitemapPaths', () => {
  it('lists every page (addresses ending in /) once, sorted, including every page of a paginated template', () => {
    expect(sitemapPaths(items)).toEqual(['/', '/events/a/', '/events/b/', '/events/c/', '/sources/']);
  });

  it('ignores pagination data that is not a list', () => {
    expect(sitemapPaths([{ url: '/x/', data: { pagination: { hrefs: 'nope' } } }])).toEqual(['/x/']);
  });
});

describe('chunk', () => {
  it.each<[number[], number, number[][]]>([
    [[1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]]],
    [[1, 2], 2, [[1, 2]]],
    [[], 3, []],
  ])('%j by %i → %j', (list, size, chunks) => {
    expect(chunk(list, size)).toEqual(chunks);
  });

  it.each([0, -5, 0.5, 1.5, Number.NaN, Infinity])('refuses chunks of %s items instead of looping or slicing oddly', (size) => {
    expect(() => chunk([1, 2, 3], size)).toThrow(/chunks of/);
  });
});

describe('sitemapChunks', () => {
  it('splits the sorted pages into parts of at most the given size', () => {
    expect(sitemapChunks(items, 2)).toEqual([['/', '/events/a/'], ['/events/b/', '/events/c/'], ['/sources/']]);
    expect(sitemapChunks(items)).toHaveLength(1);
  });
});
