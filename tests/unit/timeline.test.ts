import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../src/views/site.ts';
import { figureLabel } from '../../src/model/timeline.ts';
import type { Claim, Content } from '../../src/schema/records.ts';
import { date } from './support/dates.ts';
import { citation, claim, eventRecord, sourceRecord } from './support/records.ts';

describe('figureLabel', () => {
  type Figure = Pick<Claim, 'value' | 'max' | 'figure' | 'qualifier'>;
  const figure = (f: Partial<Figure>): Figure => ({ value: null, max: null, figure: null, qualifier: null, ...f });

  it.each<[Partial<Figure>, string]>([
    [{ value: 200, qualifier: 'at-least' }, 'at least 200'],
    [{ value: 400, qualifier: 'more-than' }, 'more than 400'],
    [{ value: 100, qualifier: 'close-to' }, 'close to 100'],
    [{ value: 120000, qualifier: 'about' }, 'about 120,000'],
    [{ value: 3154 }, '3,154'],
    [{ value: 1234567 }, '1,234,567'],
    [{ value: 32 }, '32'],
    [{ value: 0 }, '0'],
    [{ figure: 'hundreds' }, 'hundreds'],
    [{ figure: 'dozens' }, 'dozens'],
    [{ value: 10, max: 12 }, '10–12'],
    [{ value: 1000, max: 1500, qualifier: 'about' }, 'about 1,000–1,500'],
    [{ value: 10, figure: 'ten' }, '10 (ten)'],
    [{ value: 60, qualifier: 'more-than', figure: 'over 60 positions' }, 'more than 60 (over 60 positions)'],
  ])('%j → %j', (f, label) => {
    expect(figureLabel(figure(f))).toBe(label);
  });
});

function content(overrides: Partial<Content> = {}): Content {
  return {
    site: {
      title: 'Test timeline',
      description: 'A timeline for tests.',
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
    ],
    places: [{ id: 'stepanakert', name: 'Stepanakert', description: null, aliases: [], coordinates: [39.815, 46.752], timeZone: '+04:00' }],
    sources: [
      sourceRecord('s-two', '2023-09-20'),
      sourceRecord('s-one', '2023-09-20', { url: 'https://example.org/one#top' }),
      sourceRecord('s-early', '2023-09-19'),
    ],
    // Deliberately out of order.
    events: [
      eventRecord('ceasefire', '2023-09-20T13:00+04:00', {
        actors: ['armenia'],
        places: ['stepanakert'],
        sources: [citation('s-one', 'The ceasefire took effect', 'At 1 p.m.,'), citation('s-two', 'Fighting stopped')],
        claims: [claim('s-one', 'Armenia said at least 200 were killed', { value: 200, qualifier: 'at-least', claimant: 'armenia' })],
      }),
      eventRecord('after-midnight', '2023-09-21T01:30+04:00', { sources: [citation('s-one', 'Overnight')] }),
      eventRecord('offensive', '2023-09-19', {
        actors: ['azerbaijan', 'armenia'],
        sources: [citation('s-one', 'q1'), citation('s-one', 'q2'), citation('s-two', 'q3')],
        claims: [claim('s-one', 'q1', { figure: 'dozens', claimant: 'azerbaijan', measure: 'injured' })],
      }),
      eventRecord('independence', '1991', { category: 'background', sources: [citation('s-early', 'independence')] }),
      eventRecord('statement', '2023-09-20', { sources: [citation('s-two', 'statement')] }),
      eventRecord('late-august', '2023-08-31', { sources: [citation('s-two', 'late august')] }),
      eventRecord('blockade', '2022-12', { category: 'background', sources: [citation('s-two', 'blockade')] }),
    ],
    ...overrides,
  };
}

const ORDER = ['independence', 'blockade', 'late-august', 'offensive', 'statement', 'ceasefire', 'after-midnight'];
const render = (markdown: string) => `<p>${markdown}</p>`;

describe('buildTimeline', () => {
  const input = content();
  const timeline = buildTimeline(input, render);
  const byId = new Map(timeline.events.map((e) => [e.id, e]));
  const ev = (id: string) => byId.get(id)!;

  it('sorts events into timeline order without touching the input', () => {
    expect(timeline.events.map((e) => e.id)).toEqual(ORDER);
    expect(input.events.map((e) => e.id)).toEqual(['ceasefire', 'after-midnight', 'offensive', 'independence', 'statement', 'late-august', 'blockade']);
  });

  it('splits eras at site.eraStart and groups days by local date', () => {
    expect(
      timeline.eras.map((era) => ({
        id: era.id,
        title: era.title,
        days: era.days.map((d) => [d.key, d.heading, d.anchor, d.events.map((e) => e.id)]),
      })),
    ).toEqual([
      {
        id: 'background',
        title: 'Background',
        days: [
          ['1991', '1991', 'd-1991', ['independence']],
          ['2022-12', 'December 2022', 'd-2022-12', ['blockade']],
          ['2023-08-31', 'Thursday 31 August 2023', 'd-2023-08-31', ['late-august']],
        ],
      },
      {
        id: 'main',
        title: 'September 2023',
        days: [
          ['2023-09-19', 'Tuesday 19 September 2023', 'd-2023-09-19', ['offensive']],
          ['2023-09-20', 'Wednesday 20 September 2023', 'd-2023-09-20', ['statement', 'ceasefire']],
          // 01:30 at UTC+4 is 21:30 GMT on the 20th, but its day on the timeline is the local 21st.
          ['2023-09-21', 'Thursday 21 September 2023', 'd-2023-09-21', ['after-midnight']],
        ],
      },
    ]);
  });

  it.each(ORDER.map((id, i) => [id, ORDER[i - 1] ?? null, ORDER[i + 1] ?? null] as const))('%s links to %s and %s', (id, prev, next) => {
    const e = ev(id);
    expect(e.prev).toEqual(prev === null ? null : { id: prev, title: `Title of ${prev}`, path: `/events/${prev}/` });
    expect(e.next).toEqual(next === null ? null : { id: next, title: `Title of ${next}`, path: `/events/${next}/` });
  });

  it.each<[string, number]>([
    ['offensive', 2],
    ['ceasefire', 2],
    ['statement', 1],
    ['independence', 1],
  ])('%s rests on %i distinct sources', (id, count) => {
    expect(ev(id).sourceCount).toBe(count);
  });

  it.each<[string, string, string | null, string, string, 'background' | 'main']>([
    [
      'ceasefire',
      'Wednesday 20 September 2023, 13:00 local time (UTC+4) · 09:00 GMT',
      '13:00 local time (UTC+4) · 09:00 GMT',
      '20 Sep 2023',
      '2023-09-20T13:00+04:00',
      'main',
    ],
    [
      'after-midnight',
      'Thursday 21 September 2023, 01:30 local time (UTC+4) · 21:30 GMT, 20 September',
      '01:30 local time (UTC+4) · 21:30 GMT, 20 September',
      '21 Sep 2023',
      '2023-09-21T01:30+04:00',
      'main',
    ],
    ['statement', 'Wednesday 20 September 2023', null, '20 Sep 2023', '2023-09-20', 'main'],
    ['blockade', 'December 2022', null, 'Dec 2022', '2022-12', 'background'],
    ['independence', '1991', null, '1991', '1991', 'background'],
  ])('%s: date labels and era', (id, dateLabel, timeLabel, shortDate, datetime, era) => {
    expect(ev(id)).toMatchObject({ dateLabel, timeLabel, shortDate, datetime, era, path: `/events/${id}/` });
  });

  it('resolves references and renders each body', () => {
    const e = ev('ceasefire');
    expect(e.html).toBe('<p>Body of ceasefire.</p>');
    expect(e.categoryLabel).toBe('Military');
    expect(ev('independence').categoryLabel).toBe('Background');
    expect(e.actorRefs.map((a) => a.name)).toEqual(['Armenia']);
    expect(ev('offensive').actorRefs.map((a) => a.name)).toEqual(['Azerbaijan', 'Armenia']);
    expect(e.placeRefs.map((p) => p.name)).toEqual(['Stepanakert']);
    expect(e.citations).toEqual([
      {
        source: 's-one',
        quote: 'The ceasefire took effect',
        prefix: 'At 1 p.m.,',
        suffix: null,
        actors: [],
        participants: [],
        sourceTitle: 'Article s-one',
        sourcePath: '/sources/s-one/',
        passageUrl: 'https://example.org/one#:~:text=At%201%20p.m.%2C-,The%20ceasefire%20took%20effect',
        // The made-up source text has no such passage: the link goes to the source's page.
        passagePath: '/sources/s-one/',
        sourceNote: null,
      },
      { source: 's-two', quote: 'Fighting stopped', prefix: null, suffix: null, actors: [], participants: [], sourceTitle: 'Article s-two', sourcePath: '/sources/s-two/', passageUrl: null, passagePath: '/sources/s-two/', sourceNote: null },
    ]);
    expect(e.participantAccounts).toEqual([]);
    expect(e.claimViews).toMatchObject([
      { measureLabel: 'Killed', figureLabel: 'at least 200', claimantName: 'Armenia', sourceTitle: 'Article s-one', sourcePath: '/sources/s-one/' },
    ]);
    expect(ev('offensive').claimViews).toMatchObject([{ measureLabel: 'Injured', figureLabel: 'dozens', claimantName: 'Azerbaijan' }]);
  });

  it('lists sources by publication date, then id, each with the events citing it in timeline order', () => {
    expect(
      timeline.sources.map((s) => ({
        id: s.id,
        path: s.path,
        publishedLabel: s.publishedLabel,
        citedBy: s.citedBy.map((c) => [c.event.id, c.quotes]),
      })),
    ).toEqual([
      { id: 's-early', path: '/sources/s-early/', publishedLabel: 'Tuesday 19 September 2023', citedBy: [['independence', ['independence']]] },
      {
        id: 's-one',
        path: '/sources/s-one/',
        publishedLabel: 'Wednesday 20 September 2023',
        citedBy: [
          // The claim quotes q1 again: each passage is listed once.
          ['offensive', ['q1', 'q2']],
          ['ceasefire', ['The ceasefire took effect', 'Armenia said at least 200 were killed']],
          ['after-midnight', ['Overnight']],
        ],
      },
      {
        id: 's-two',
        path: '/sources/s-two/',
        publishedLabel: 'Wednesday 20 September 2023',
        citedBy: [
          ['blockade', ['blockade']],
          ['late-august', ['late august']],
          ['offensive', ['q3']],
          ['statement', ['statement']],
          ['ceasefire', ['Fighting stopped']],
        ],
      },
    ]);
  });

  it('passes the lists through', () => {
    expect(timeline.site).toBe(input.site);
    expect(timeline.categories).toBe(input.categories);
    expect(timeline.actors).toBe(input.actors);
    expect(timeline.places).toBe(input.places);
  });
});

describe('buildTimeline: eras', () => {
  it.each<[string, string, string[], string[]]>([
    ['a month', '2023-09', ['independence', 'blockade', 'late-august'], ['offensive', 'statement', 'ceasefire', 'after-midnight']],
    ['a day', '2023-09-20', ['independence', 'blockade', 'late-august', 'offensive'], ['statement', 'ceasefire', 'after-midnight']],
    ['a year', '2023', ['independence', 'blockade'], ['late-august', 'offensive', 'statement', 'ceasefire', 'after-midnight']],
    ['a date before everything', '1900', [], ORDER],
  ])('eraStart at %s (%s)', (_, eraStart, background, main) => {
    const c = content();
    const timeline = buildTimeline({ ...c, site: { ...c.site, eraStart: date(eraStart) } }, render);
    const ids = (id: string) => timeline.eras.find((e) => e.id === id)?.days.flatMap((d) => d.events.map((e) => e.id)) ?? [];
    expect(ids('background')).toEqual(background);
    expect(ids('main')).toEqual(main);
    // An era with no events is left out.
    expect(timeline.eras.map((e) => e.id)).toEqual(background.length ? ['background', 'main'] : ['main']);
  });

  it('renders each body once', () => {
    const calls: string[] = [];
    buildTimeline(content(), (md) => {
      calls.push(md);
      return md;
    });
    expect(calls.sort()).toEqual(ORDER.map((id) => `Body of ${id}.`).sort());
  });
});
