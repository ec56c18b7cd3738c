import { describe, expect, it } from 'vitest';
import { absoluteUrl, prefixPath, sitePrefix } from '../../src/eleventy/filters.ts';

describe('prefixPath: our url filter', () => {
  it.each([
    ['/events/x/', 'http://localhost:8080', '/events/x/'],
    ['/events/x/', 'https://owner.github.io/news-timeline', '/news-timeline/events/x/'],
    ['/events/x/', 'https://owner.github.io/news-timeline/', '/news-timeline/events/x/'],
    ['/', 'https://owner.github.io/news-timeline', '/news-timeline/'],
    ['#main', 'https://owner.github.io/news-timeline', '#main'],
    ['https://example.org/a', 'https://owner.github.io/news-timeline', 'https://example.org/a'],
    ['//cdn.example/a.js', 'https://owner.github.io/news-timeline', '//cdn.example/a.js'],
    ['/events/x/', undefined, '/events/x/'],
  ])('%s on %s → %s', (path, site, expected) => {
    expect(prefixPath(path, site)).toBe(expected);
  });

  it('reads the prefix from the site URL', () => {
    expect(sitePrefix('https://a.example/b/c/')).toBe('/b/c');
    expect(sitePrefix('https://a.example')).toBe('');
  });
});

describe('absoluteUrl', () => {
  it.each([
    ['/events/x/', 'https://a.example/news', 'https://a.example/news/events/x/'],
    ['events/x/', 'https://a.example/news/', 'https://a.example/news/events/x/'],
  ])('%s on %s → %s', (path, base, expected) => {
    expect(absoluteUrl(path, base)).toBe(expected);
  });
});
