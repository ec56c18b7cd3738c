import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { facetPath, type Facet } from '../../src/views/facets.ts';
import { drawLocatorMap } from '../../src/views/map.ts';
import { paginate, periodBefore } from '../../src/views/reader.ts';
import { sourceRefs } from '../../src/model/citations.ts';
import { dayNote, dayStates, timeNote } from '../../src/model/labels.ts';
import { parsePartOfDay } from '../../src/schema/part-of-day.ts';
import { buildTimeline } from '../../src/views/site.ts';
import type { Content } from '../../src/schema/records.ts';
import { date } from './support/dates.ts';
import { citation, claim, eventRecord, sourceRecord } from './support/records.ts';

describe('timeNote: what an event says under its day heading', () => {
  it.each<[string, string | null, boolean, string | null]>([
    ['2023-09-20T13:00+04:00', null, false, '13:00 local time (UTC+4) · 09:00 GMT'],
    ['2023-09-20T13:00+04:00', null, true, 'about 13:00 local time (UTC+4) · 09:00 GMT'],
    ['2023-09-20T23:30+04:00', null, false, '23:30 local time (UTC+4) · 19:30 GMT'],
    ['2023-09-21T01:30+04:00', null, false, '01:30 local time (UTC+4) · 21:30 GMT, 20 September'],
    ['2023-09-20T09:00Z', null, false, '09:00 GMT'],
    ['2023-09-19', null, false, 'No time was reported.'],
    ['2023-09-19', null, true, 'The day is approximate; no time was reported.'],
    ['2023-09-19', '2023-09-20', false, 'Ongoing until Wednesday 20 September 2023; no time was reported.'],
    ['2023-09-19', '2023-09-20', true, 'Ongoing until Wednesday 20 September 2023; the day is approximate and no time was reported.'],
    ['2023-09-20T13:00+04:00', '2023-09-21', false, '13:00 local time (UTC+4) · 09:00 GMT; ongoing until Thursday 21 September 2023.'],
    ['2022-12', '2023-09', true, 'Ongoing until September 2023; the date is approximate.'],
    ['2020', '2020-11', false, 'Ongoing until November 2020.'],
    ['2023-09', null, true, 'The date is approximate.'],
    ['1991', null, false, null],
    ['2021-08', null, false, null],
  ])('%s (end %s, approximate %s) → %j', (raw, end, approximate, note) => {
    expect(timeNote(date(raw), end ? date(end) : null, approximate)).toBe(note);
  });

  it.each<[string, boolean, string | null, boolean, string | null]>([
    ['2023-09-19', false, null, false, null],
    ['2023-09-19', true, null, false, 'The day is approximate.'],
    ['2023-09-19', true, null, true, null],
    ['2023-09-19', false, 'evening', false, 'In the evening.'],
    ['2023-09-19', false, '2023-09-20', false, 'Ongoing until Wednesday 20 September 2023.'],
  ])('%s (approximate %s, part or end %s) under a day whose note says no time (and approximate: %s) → %j', (raw, approximate, extra, dayApproximate, note) => {
    const part = extra && !extra.startsWith('2') ? parsePartOfDay(extra) : null;
    const end = extra?.startsWith('2') ? date(extra) : null;
    expect(timeNote(date(raw), end, approximate, part, { noTime: true, someTimed: false, approximate: dayApproximate })).toBe(note);
  });

  it('leaves off an approximate month when its heading says so for all its events', () => {
    expect(timeNote(date('2023-09'), null, true, null, { noTime: false, someTimed: false, approximate: true })).toBeNull();
    expect(timeNote(date('2022-12'), date('2023-09'), true, null, { noTime: false, someTimed: false, approximate: true })).toBe('Ongoing until September 2023.');
  });

  it.each<[string[], boolean[], string | null]>([
    [['2023-09-19', '2023-09-19'], [false, false], 'No times were reported for these events.'],
    [['2023-09-19'], [false], 'No time was reported for this event.'],
    [['2023-09-19', '2023-09-19'], [true, true], 'The day is approximate; no times were reported for these events.'],
    [['2023-09-19', '2023-09-19'], [true, false], 'No times were reported for these events.'],
    [['2023-09-19', '2023-09-19T13:00+04:00'], [false, false], null],
    [['2023-09-19', '2023-09-19T13:00+04:00', '2023-09-19'], [true, false, true], 'No time was reported for the events listed without one.'],
    [['2023-09'], [false], null],
    [['2023-09', '2023-09'], [true, false], null],
    [['2023-09', '2023-09'], [true, true], 'The dates of these events are approximate.'],
    [['1991'], [true], 'The date of this event is approximate.'],
  ])('the day note for %j (approximate %j) → %j', (raws, approximate, note) => {
    const events = raws.map((raw, i) => ({ date: date(raw), approximate: approximate[i]! }));
    expect(dayNote(dayStates(events), events.length)).toBe(note);
  });

  it('never names a national time zone', () => {
    expect(timeNote(date('2023-09-20T13:00+04:00'), null, false)).not.toMatch(/AZT|AMT|GET|MSK/);
  });
});

describe('periodBefore: the period just before a date, at its precision', () => {
  it.each([
    ['2023-09', 'August 2023'],
    ['2023-01', 'December 2022'],
    ['2023', '2022'],
    ['2023-03-01', 'Tuesday 28 February 2023'],
    ['2024-03-01', 'Thursday 29 February 2024'],
    ['2023-09-19', 'Monday 18 September 2023'],
  ])('%s → %s', (raw, label) => {
    expect(periodBefore(date(raw))).toBe(label);
  });
});

describe('sourceRefs', () => {
  it('lists each cited source once, in the order first cited, with its publication date', () => {
    const sources = new Map([
      ['a', sourceRecord('a', '2023-09-20', { title: 'Alpha' })],
      ['b', sourceRecord('b', '2023-09', { title: 'Beta' })],
    ]);
    expect(sourceRefs([citation('b', 'one'), citation('a', 'two'), citation('b', 'three')], sources)).toEqual([
      { id: 'b', title: 'Beta', path: '/sources/b/', published: 'Sep 2023' },
      { id: 'a', title: 'Alpha', path: '/sources/a/', published: '20 Sep 2023' },
    ]);
  });
});

describe('paginate', () => {
  const facet = (id: string, n: number): Facet<{ id: string }> => ({
    kind: 'place',
    id,
    otherNames: null,
    name: id,
    description: null,
    aliases: [],
    coordinates: null,
    coordinatesLabel: null,
    path: facetPath('place', id),
    events: Array.from({ length: n }, (_, i) => ({ id: String(i + 1) })),
    count: n,
    via: {},
  });
  const ids = (events: { id: string }[]) => events.map((e) => Number(e.id));

  it('splits a long list into numbered pages linked to each other', () => {
    const pages = paginate([facet('big', 5), facet('small', 1)], 2);
    expect(pages.map((p) => [p.path, ids(p.events), p.pageNumber, p.pageCount, p.prevPath, p.nextPath])).toEqual([
      ['/places/big/', [1, 2], 1, 3, null, '/places/big/2/'],
      ['/places/big/2/', [3, 4], 2, 3, '/places/big/', '/places/big/3/'],
      ['/places/big/3/', [5], 3, 3, '/places/big/2/', null],
      ['/places/small/', [1], 1, 1, null, null],
    ]);
  });

  it('gives a list of exactly one page size a single page', () => {
    expect(paginate([facet('even', 4)], 4).map((p) => p.path)).toEqual(['/places/even/']);
  });

  it('asks for a map for the first page only', () => {
    const asked: string[] = [];
    const pages = paginate([facet('big', 3)], 2, (f) => {
      asked.push(f.id);
      return null;
    });
    expect(asked).toEqual(['big']);
    expect(pages.map((p) => p.map)).toEqual([null, null]);
  });
});

function content(): Content {
  return {
    site: {
      title: 'Test',
      description: 'Test.',
      introduction: null,
      url: 'https://example.org',
      language: 'en',
      timeZone: '+04:00',
      eraStart: date('2023-09'),
    },
    categories: [
      { id: 'military', label: 'Military', description: null },
      { id: 'background', label: 'Background', description: null },
    ],
    actors: [
      { id: 'armenia', name: 'Armenia', description: null, aliases: [] },
      { id: 'azerbaijan', name: 'Azerbaijan', description: null, aliases: [] },
      { id: 'vardanyan', name: 'Ruben Vardanyan', description: null, aliases: [] },
    ],
    places: [
      { id: 'stepanakert', name: 'Stepanakert', description: null, aliases: [], coordinates: [39.815, 46.752], timeZone: '+04:00' },
      { id: 'yevlakh', name: 'Yevlakh', description: null, aliases: [], coordinates: [40.618, 47.15], timeZone: '+04:00' },
      { id: 'washington', name: 'Washington', description: null, aliases: [], coordinates: [38.898, -77.037], timeZone: 'America/New_York' },
    ],
    sources: [sourceRecord('late', '2023-09-21'), sourceRecord('early', '2023-09-20'), sourceRecord('old', '2023-08')],
    events: [
      eventRecord('talks', '2023-09-21', { places: ['yevlakh'], actors: ['armenia', 'azerbaijan'], sources: [citation('late', 'talks')] }),
      eventRecord('shelling', '2023-09-19', {
        places: ['stepanakert'],
        actors: ['azerbaijan'],
        sources: [citation('early', 'shelling')],
        claims: [claim('early', 'killed', { value: 32, claimant: 'armenia' }), claim('late', 'killed', { value: 100, claimant: 'vardanyan' })],
      }),
      eventRecord('washington', '2023-09-20', { places: ['washington', 'stepanakert'], sources: [citation('early', 'concern')] }),
      eventRecord('war', '2020', { category: 'background', sources: [citation('old', 'war')] }),
      eventRecord('soviet', '1991', { category: 'background', sources: [citation('old', 'soviet')] }),
    ],
  };
}

describe('buildReader', () => {
  const timeline = buildTimeline(content(), renderMarkdown);
  const reader = timeline.reader;

  it('titles the background era with its span and the main era from its start', () => {
    expect(reader.eras).toEqual({
      background: { title: 'Background: 1991 to August 2023', count: 2 },
      main: { title: 'From September 2023', count: 3 },
    });
  });

  it('dates the site by its latest article, whatever order the sources come in', () => {
    expect(reader.lastUpdated).toEqual({ datetime: '2023-09-21', label: 'Thursday 21 September 2023' });
    expect(reader.counts).toEqual({ events: 5, sources: 3 });
  });

  it('builds a page per category, actor and place that events use, listing them in timeline order', () => {
    expect(reader.pages.categories.map((p) => [p.path, p.events.map((e) => e.id)])).toEqual([
      ['/categories/military/', ['shelling', 'washington', 'talks']],
      ['/categories/background/', ['soviet', 'war']],
    ]);
    expect(reader.pages.actors.map((p) => p.path)).toEqual(['/actors/armenia/', '/actors/azerbaijan/']);
    expect(reader.pages.places.map((p) => [p.facet.id, p.events.map((e) => e.id)])).toEqual([
      ['stepanakert', ['shelling', 'washington']],
      ['washington', ['washington']],
      ['yevlakh', ['talks']],
    ]);
  });

  it('puts the busiest actors and places first in the short lists', () => {
    expect(reader.top.actors.map((a) => a.id)).toEqual(['azerbaijan', 'armenia']);
    expect(reader.top.places.map((p) => p.id)).toEqual(['stepanakert', 'washington', 'yevlakh']);
  });

  it('groups the figures, linking claimants that have a page', () => {
    expect(reader.figures).toHaveLength(1);
    expect(reader.figures[0]!.claimants.map((c) => [c.name, c.path])).toEqual([
      ['Armenia', '/actors/armenia/'],
      ['Ruben Vardanyan', null],
    ]);
  });

  it('draws no map without an atlas', () => {
    expect(reader.home).toBeNull();
    expect(reader.pages.places.every((p) => p.map === null)).toBe(true);
  });

  it('adds the time note to each event', () => {
    expect(timeline.events.map((e) => [e.id, e.timeNote])).toEqual([
      ['soviet', null],
      ['war', null],
      ['shelling', 'No time was reported.'],
      ['washington', 'No time was reported.'],
      ['talks', 'No time was reported.'],
    ]);
  });

  it('says once per day, under its heading, that no time was reported, and leaves it off the day’s events', () => {
    const days = timeline.eras.flatMap((era) => era.days).map((d) => [d.key, d.note, d.events.map((e) => e.listNote)]);
    expect(days).toEqual([
      ['1991', null, [null]],
      ['2020', null, [null]],
      ['2023-09-19', 'No time was reported for this event.', [null]],
      ['2023-09-20', 'No time was reported for this event.', [null]],
      ['2023-09-21', 'No time was reported for this event.', [null]],
    ]);
  });
});

describe('buildReader with an atlas', () => {
  // No borders: enough to check which places each map frames.
  const atlas = { countries: [], borders: [] };
  const timeline = buildTimeline(content(), renderMarkdown, atlas);

  it('frames the region of the busiest place on the home map and names the far places beside it', () => {
    const home = timeline.reader.home!;
    expect(home.map.markers.flatMap((m) => m.ids).sort()).toEqual(['stepanakert', 'yevlakh']);
    expect(home.offMap.map((p) => p.id)).toEqual(['washington']);
  });

  it('gives each place page a map of its own, with the place as its subject', () => {
    const washington = timeline.reader.pages.places.find((p) => p.facet.id === 'washington')!.map!;
    expect(washington.id).toBe('map-washington');
    expect(washington.title).toBe('Where Washington is');
    expect(washington.markers.map((m) => [m.ids, m.focus])).toEqual([[['washington'], true]]);
    const direct = drawLocatorMap(atlas, {
      id: 'map-washington',
      title: 'Where Washington is',
      places: [content().places[2]!],
      focus: ['washington'],
      minSpanKm: 700,
    });
    expect(washington.markers).toEqual(direct.markers);
  });
});
