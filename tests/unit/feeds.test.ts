import { describe, expect, it } from 'vitest';
import { buildFeed, entryDates, eventDetailsHtml, FEED_LIMIT, jsonFeed, latest } from '../../src/exports/feeds.ts';
import { citedSourceIds } from '../../src/model/citations.ts';
import { startInstant } from '../../src/schema/dates.ts';
import { date } from './support/dates.ts';
import { exportTimeline } from './support/export-timeline.ts';
import { citation, claim, eventRecord } from './support/records.ts';

const timeline = exportTimeline();
const feed = buildFeed(timeline);
const entry = (id: string) => feed.entries.find((e) => e.id === `https://example.org/news/events/${id}/`)!;

describe('startInstant', () => {
  it.each([
    ['2023-09-20T13:00+04:00', '+04:00', '2023-09-20T09:00:00Z'],
    ['2023-09-20T13:00+04:00', 'America/New_York', '2023-09-20T09:00:00Z'],
    ['2023-09-20', '+04:00', '2023-09-19T20:00:00Z'],
    ['2023-09-20', '-03:30', '2023-09-20T03:30:00Z'],
    ['2023-09', 'UTC', '2023-09-01T00:00:00Z'],
    ['1991', '+04:00', '1990-12-31T20:00:00Z'],
    // Winter and summer time in an IANA zone.
    ['2023-01-15', 'America/New_York', '2023-01-15T05:00:00Z'],
    ['2023-07-15', 'America/New_York', '2023-07-15T04:00:00Z'],
    ['2023-09-20', 'Asia/Baku', '2023-09-19T20:00:00Z'],
    // A year below 100 stays that year (Date.UTC would read 99 as 1999).
    ['0099-03-01', '+01:00', '0099-02-28T23:00:00Z'],
  ])('%s in %s → %s', (raw, zone, instant) => {
    expect(startInstant(date(raw), zone)).toBe(instant);
  });
});

describe('entryDates', () => {
  const sources = new Map([
    ['early', { published: date('2023-09-20') }],
    ['late', { published: date('2023-09-21') }],
  ]);

  it('publishes with the first citing article and updates with the last', () => {
    const e = eventRecord('e', '2023-09-19', { sources: [citation('late', 'q'), citation('early', 'q')] });
    expect(entryDates(e, sources, '+04:00')).toEqual({ published: '2023-09-19T20:00:00Z', updated: '2023-09-20T20:00:00Z' });
  });

  it('counts the articles behind claims too', () => {
    const e = eventRecord('e', '2023-09-19', { sources: [citation('early', 'q')], claims: [claim('late', 'q')] });
    expect(entryDates(e, sources, '+04:00').updated).toBe('2023-09-20T20:00:00Z');
  });

  it('never dates an entry before the event itself began', () => {
    const timed = eventRecord('e', '2023-09-20T13:00+04:00', { sources: [citation('early', 'q')] });
    expect(entryDates(timed, sources, '+04:00')).toEqual({ published: '2023-09-20T09:00:00Z', updated: '2023-09-20T09:00:00Z' });
    const later = eventRecord('e', '2023-09-22', { sources: [citation('late', 'q')] });
    expect(entryDates(later, sources, 'America/New_York')).toEqual({ published: '2023-09-22T04:00:00Z', updated: '2023-09-22T04:00:00Z' });
  });
});

describe('citedSourceIds', () => {
  it('lists each source once, sources before claims, in order of first use', () => {
    const e = eventRecord('e', '2023', {
      sources: [citation('b', 'q'), citation('a', 'q'), citation('b', 'r')],
      claims: [claim('c', 'q'), claim('a', 'q')],
    });
    expect(citedSourceIds(e)).toEqual(['b', 'a', 'c']);
  });
});

describe('buildFeed', () => {
  it('describes the site with absolute addresses from its configured URL', () => {
    expect(feed).toMatchObject({
      id: 'https://example.org/news/',
      title: 'Test & timeline <b>',
      subtitle: 'A timeline for tests.',
      language: 'en',
      homeUrl: 'https://example.org/news/',
      atomUrl: 'https://example.org/news/feed.xml',
      jsonUrl: 'https://example.org/news/feed.json',
      author: 'Test & timeline <b>',
    });
  });

  it('has one entry per event, newest event first, each id its absolute page address', () => {
    expect(feed.entries.map((e) => e.id)).toEqual(
      ['talks', 'night', 'ceasefire', 'offensive', 'blockade', 'war'].map((id) => `https://example.org/news/events/${id}/`),
    );
    for (const e of feed.entries) expect(e.url).toBe(e.id);
  });

  it.each([
    // 2023-09-21 at +04:00 starts at 20:00Z the day before; beta (21 Sep) is its only article.
    ['talks', '2023-09-20T20:00:00Z', '2023-09-20T20:00:00Z'],
    // 23:30 at +04:00 is 19:30Z; beta appeared at 20:00Z.
    ['night', '2023-09-20T20:00:00Z', '2023-09-20T20:00:00Z'],
    // alpha (20 Sep, 00:00 at +04:00) predates 13:00 at +04:00 = 09:00Z, so published is the event's instant.
    ['ceasefire', '2023-09-20T09:00:00Z', '2023-09-20T20:00:00Z'],
    ['offensive', '2023-09-19T20:00:00Z', '2023-09-20T20:00:00Z'],
    // gamma appeared in August 2023, long after the war began.
    ['war', '2023-07-31T20:00:00Z', '2023-07-31T20:00:00Z'],
  ])('dates %s from the content: published %s, updated %s', (id, published, updated) => {
    expect(entry(id)).toMatchObject({ published, updated });
  });

  it("takes the feed's updated from its latest entry", () => {
    expect(feed.updated).toBe('2023-09-20T20:00:00Z');
  });

  it('keeps titles as plain text (the template escapes them) and summarises bodies as text', () => {
    expect(entry('ceasefire').title).toBe('Ceasefire </script><script>alert(1)</script>');
    expect(entry('offensive').summary).toBe('Azerbaijan launched an offensive & shelled Stepanakert.');
    expect(entry('ceasefire').category).toEqual({ term: 'military', label: 'Military' });
  });
});

describe('latest', () => {
  const entry = (id: string, updated: string) => ({ id, dates: { updated } });
  const entries = [entry('a', '2023-09-21T00:00:00Z'), entry('b', '2023-09-19T00:00:00Z'), entry('c', '2023-09-22T00:00:00Z'), entry('d', '2023-09-21T00:00:00Z')];

  it('keeps the entries updated last, in their own order, the earlier one winning a tie', () => {
    expect(latest(entries, 2).map((e) => e.id)).toEqual(['a', 'c']);
    expect(latest(entries, 3).map((e) => e.id)).toEqual(['a', 'c', 'd']);
  });

  it('keeps everything up to the limit', () => {
    expect(latest(entries, 4).map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('caps a large timeline’s feeds at FEED_LIMIT entries', () => {
    const many = Array.from({ length: FEED_LIMIT + 50 }, (_, i) => entry(`e${i}`, `2023-09-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z`));
    const kept = latest(many, FEED_LIMIT);
    expect(kept).toHaveLength(FEED_LIMIT);
    const oldestKept = kept.map((e) => e.dates.updated).sort()[0]!;
    expect(many.filter((e) => !kept.includes(e)).every((e) => e.dates.updated <= oldestKept)).toBe(true);
  });
});

describe('eventDetailsHtml', () => {
  const ceasefire = timeline.events.find((e) => e.id === 'ceasefire')!;
  const html = eventDetailsHtml(ceasefire, timeline.site.url);

  it('escapes every value: quotes, titles and labels never become markup', () => {
    expect(html).toContain('“Quote with &quot;quotes&quot; &amp; &lt;tags&gt;”');
    expect(html).toContain('>Alpha &quot;headline&quot; &amp; more</a>');
    expect(html).not.toContain('<tags>');
  });

  it('starts with the date line and the sanitised body', () => {
    expect(html.startsWith('<p><strong>Wednesday 20 September 2023, 13:00 local time (UTC+4) · 09:00 GMT</strong></p>\n<p>The ceasefire took effect at 13:00.</p>\n')).toBe(true);
    expect(eventDetailsHtml(ceasefire, timeline.site.url, { dateLine: false }).startsWith('<p>The ceasefire took effect')).toBe(true);
  });

  it("links each passage to the source's page, and to the original where its address is known", () => {
    expect(html).toContain('(<a href="https://example.org/news/sources/alpha/">');
    expect(html).toContain('<a href="https://news.example/alpha#:~:text=Quote%20with%20%22quotes%22%20%26%20%3Ctags%3E">the passage in the original</a>');
    expect(html).toContain('“The ceasefire took effect.” (<a href="https://example.org/news/sources/beta/">Beta article</a>)</li>');
  });

  it('lists the attributed figures with their claimant and article', () => {
    expect(html).toContain(
      '<p>Figures, as attributed:</p><ul><li>Killed: at least 32, according to Armenia (<a href="https://example.org/news/sources/beta/">Beta article</a>)</li></ul>',
    );
  });

  it('drops the raw HTML of a body (remark-html sanitised it)', () => {
    const offensive = eventDetailsHtml(timeline.events.find((e) => e.id === 'offensive')!, timeline.site.url);
    expect(offensive).not.toContain('<script');
    expect(offensive).toContain('<p>Azerbaijan <strong>launched</strong> an offensive &#x26; shelled Stepanakert.</p>');
  });
});

describe('jsonFeed', () => {
  const text = jsonFeed(timeline);
  const data = JSON.parse(text);

  it('is JSON Feed 1.1 with the required fields', () => {
    expect(data).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Test & timeline <b>',
      home_page_url: 'https://example.org/news/',
      feed_url: 'https://example.org/news/feed.json',
      language: 'en',
    });
    expect(data.items).toHaveLength(6);
  });

  it('gives each item the id, address, dates and content of its Atom entry', () => {
    expect(data.items[2]).toEqual({
      id: 'https://example.org/news/events/ceasefire/',
      url: 'https://example.org/news/events/ceasefire/',
      title: 'Ceasefire </script><script>alert(1)</script>',
      content_html: entry('ceasefire').contentHtml,
      summary: 'The ceasefire took effect at 13:00.',
      date_published: '2023-09-20T09:00:00Z',
      date_modified: '2023-09-20T20:00:00Z',
      tags: ['Military'],
    });
  });

  it('is the same text for the same content', () => {
    expect(jsonFeed(exportTimeline())).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
