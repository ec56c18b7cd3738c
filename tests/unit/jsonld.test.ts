import { describe, expect, it } from 'vitest';
import { eventPageJsonLd, newsArticleNode, placeNode, scriptJson } from '../../src/exports/jsonld.ts';
import { citedSourceIds } from '../../src/model/citations.ts';
import { eventPageMeta, pageMeta, sitePageMeta } from '../../src/exports/page-meta.ts';
import { exportTimeline } from './support/export-timeline.ts';

const timeline = exportTimeline();
const sourceById = new Map(timeline.sources.map((s) => [s.id, s]));
const event = (id: string) => timeline.events.find((e) => e.id === id)!;
const ld = (id: string) => eventPageJsonLd(event(id), { site: timeline.site, sourceById });

describe('eventPageJsonLd', () => {
  it('makes the page a WebPage about the Event, with the date as written', () => {
    expect(ld('ceasefire')).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'WebPage',
      '@id': 'https://example.org/news/events/ceasefire/',
      url: 'https://example.org/news/events/ceasefire/',
      name: 'Ceasefire </script><script>alert(1)</script>',
      inLanguage: 'en',
      isPartOf: { '@type': 'WebSite', name: 'Test & timeline <b>', url: 'https://example.org/news/' },
      about: {
        '@type': 'Event',
        name: 'Ceasefire </script><script>alert(1)</script>',
        startDate: '2023-09-20T13:00+04:00',
        description: 'The ceasefire took effect at 13:00.',
      },
    });
    expect(ld('ceasefire').about).not.toHaveProperty('endDate');
    expect(ld('ceasefire').about).not.toHaveProperty('location');
  });

  it('gives a span its end date and its places with coordinates', () => {
    expect(ld('offensive').about).toEqual({
      '@type': 'Event',
      name: 'Offensive launched',
      startDate: '2023-09-19',
      endDate: '2023-09-20',
      description: 'Azerbaijan launched an offensive & shelled Stepanakert.',
      location: [
        {
          '@type': 'Place',
          name: 'Stepanakert',
          alternateName: ['Khankendi'],
          geo: { '@type': 'GeoCoordinates', latitude: 39.815, longitude: 46.752 },
        },
      ],
    });
  });

  it('cites each article once, with publisher and address only where the copy states them', () => {
    expect(ld('ceasefire').citation).toEqual([
      {
        '@type': 'NewsArticle',
        '@id': 'https://example.org/news/sources/alpha/#article',
        headline: 'Alpha "headline" & more',
        datePublished: '2023-09-20',
        inLanguage: 'en',
        publisher: { '@type': 'Organization', name: 'Example News' },
        url: 'https://news.example/alpha',
      },
      {
        '@type': 'NewsArticle',
        '@id': 'https://example.org/news/sources/beta/#article',
        // A descriptive title is ours, not the article's headline.
        name: 'Beta article',
        datePublished: '2023-09-21',
        inLanguage: 'en',
      },
    ]);
  });

  it('gives attributed figures as Claims by their claimant, appearing in their article', () => {
    expect(ld('ceasefire').mentions).toEqual([
      {
        '@type': 'Claim',
        text: 'Killed: at least 32',
        // The actor entry does not say whether Armenia is a person or an organisation: no @type.
        author: { name: 'Armenia' },
        appearance: { '@type': 'NewsArticle', '@id': 'https://example.org/news/sources/beta/#article' },
        // The claim's own `reported` date: when Armenia gave the figure, not when the article appeared (21 Sep).
        datePublished: '2023-09-20',
      },
    ]);
    expect(ld('offensive')).not.toHaveProperty('mentions');
  });
});

describe('placeNode and newsArticleNode', () => {
  it('omit empty aliases and unknown publishers', () => {
    const place = { ...timeline.places[0]!, aliases: [] };
    expect(placeNode(place)).not.toHaveProperty('alternateName');
    expect(newsArticleNode(sourceById.get('gamma')!, 'https://x.example')).toEqual({
      '@type': 'NewsArticle',
      '@id': 'https://x.example/sources/gamma/#article',
      headline: 'Gamma',
      datePublished: '2023-08',
      inLanguage: 'en',
    });
  });
});

describe('scriptJson', () => {
  it.each([
    ['</script><script>alert(1)</script>'],
    ['<!-- comment'],
    ['a & b > c'],
    ['line\u2028separator\u2029'],
  ])('writes %j with no character that could end the script, and reads back the same', (value) => {
    const text = scriptJson({ name: value });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ name: value });
  });

  it('escapes < as \\u003c', () => {
    expect(scriptJson('</script>')).toBe('"\\u003c/script\\u003e"');
  });
});

describe('eventPageMeta', () => {
  it('gives an event page its title, summary, the article type and its JSON-LD', () => {
    const meta = eventPageMeta(event('ceasefire'), timeline);
    expect(meta.title).toBe(event('ceasefire').title);
    expect(meta.type).toBe('article');
    expect(meta.noindex).toBe(false);
    expect(meta.description).toBe('20 Sep 2023: The ceasefire took effect at 13:00.');
    expect(meta.jsonLd).not.toContain('</script>');
    expect(JSON.parse(meta.jsonLd!)).toEqual(ld('ceasefire'));
  });

  it('cites the sources of the timeline it is given, not of an earlier build', () => {
    const other = exportTimeline();
    const e = other.events.find((x) => x.id === 'ceasefire')!;
    other.sources.find((s) => s.id === citedSourceIds(e)[0])!.title = 'Retitled in the next build';
    expect(eventPageMeta(e, other).jsonLd).toContain('Retitled in the next build');
    expect(eventPageMeta(event('ceasefire'), timeline).jsonLd).not.toContain('Retitled in the next build');
  });
});

describe('pageMeta', () => {
  it('gives a page that is a template of its own the title from its front matter, the site description and no JSON-LD', () => {
    const image = { path: expect.stringMatching(/^\/cards\/[\w-]{22}\.png$/), alt: expect.any(String) };
    expect(pageMeta('/', timeline)).toEqual({ title: null, description: 'A timeline for tests.', type: 'website', noindex: false, jsonLd: null, image });
    expect(pageMeta('/sources/', timeline, 'Sources')).toEqual({ title: 'Sources', description: 'A timeline for tests.', type: 'website', noindex: false, jsonLd: null, image });
  });

  it('keeps the 404 page out of search engines', () => {
    expect(pageMeta('/404.html', timeline, 'Page not found').noindex).toBe(true);
  });
});

describe('sitePageMeta', () => {
  it('takes a page description of its own over the site description', () => {
    expect(sitePageMeta('Armenia', timeline, 'A country.').description).toBe('A country.');
    expect(sitePageMeta('Armenia', timeline, '').description).toBe('A timeline for tests.');
  });
});
