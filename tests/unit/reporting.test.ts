import { describe, expect, it } from 'vitest';
import type { FigureGroup } from '../../src/views/figures.ts';
import { buildReporting, momentAt } from '../../src/views/as-of.ts';
import { claimReport, firstReport, formatReportDate, knownAt, knownFrom, lastModified, momentSlug, reportingMoments, updateViews, zoneLabel } from '../../src/model/reporting.ts';
import { date } from './support/dates.ts';
import { citation, claim, eventRecord } from './support/records.ts';

describe('knownFrom: when a date counts as known', () => {
  it.each([
    // A time counts from its instant, whatever the site's zone.
    ['2023-09-20T18:00+04:00', '+04:00', '2023-09-20T14:00:00Z'],
    ['2023-09-20T18:00+04:00', 'America/New_York', '2023-09-20T14:00:00Z'],
    // A day counts from its end: 24:00 in the site's zone, the next day's 00:00.
    ['2023-09-20', '+04:00', '2023-09-20T20:00:00Z'],
    ['2023-09-20', 'UTC', '2023-09-21T00:00:00Z'],
    ['2023-09-20', '-05:00', '2023-09-21T05:00:00Z'],
    // Summer time in an IANA zone: New York is UTC-4 in September.
    ['2023-09-20', 'America/New_York', '2023-09-21T04:00:00Z'],
    // The last day of a month and of a year.
    ['2023-09-30', '+04:00', '2023-09-30T20:00:00Z'],
    ['2023-12-31', 'UTC', '2024-01-01T00:00:00Z'],
    // A month or a year counts from the end of its last day.
    ['2023-09', '+04:00', '2023-09-30T20:00:00Z'],
    ['2024-02', 'UTC', '2024-03-01T00:00:00Z'],
    ['1991', 'UTC', '1992-01-01T00:00:00Z'],
    // Years 0 to 99 keep their year; year 0 has a 29 February.
    ['0000-02', 'UTC', '0000-03-01T00:00:00Z'],
    ['0079-08-24', '+04:00', '0079-08-24T20:00:00Z'],
    ['0099', 'UTC', '0100-01-01T00:00:00Z'],
    ['0100-02', 'UTC', '0100-03-01T00:00:00Z'],
  ])('%s in %s → %s', (raw, zone, instant) => {
    expect(knownFrom(date(raw), zone)).toBe(instant);
  });

  it('puts a day-only article after every timed article of that day, and before the next day', () => {
    const day = knownFrom(date('2023-09-20'), '+04:00');
    expect(knownFrom(date('2023-09-20T23:59+04:00'), '+04:00') < day).toBe(true);
    expect(knownFrom(date('2023-09-21T00:00+04:00'), '+04:00')).toBe(day);
    expect(knownFrom(date('2023-09-21T00:01+04:00'), '+04:00') > day).toBe(true);
  });
});

describe('labels', () => {
  it.each([
    ['2023-09-20', '20 September 2023'],
    ['2023-09-05', '5 September 2023'],
    ['2023-09', 'September 2023'],
    ['1991', '1991'],
    // A time is given in GMT, on its GMT date.
    ['2023-09-20T18:00+04:00', '20 September 2023, 14:00 GMT'],
    ['2023-09-21T02:00+04:00', '20 September 2023, 22:00 GMT'],
    ['0000-02-29T10:00Z', '29 February 0, 10:00 GMT'],
    ['0079-08-24T13:00+02:00', '24 August 79, 11:00 GMT'],
    ['0099-12-31', '31 December 99'],
    ['0100-03-01T00:00Z', '1 March 100, 00:00 GMT'],
  ])('formatReportDate(%s) → %s', (raw, label) => {
    expect(formatReportDate(date(raw))).toBe(label);
  });

  it.each([
    ['+04:00', 'UTC+4'],
    ['-03:30', 'UTC−3:30'],
    ['+00:00', 'UTC'],
    ['Asia/Baku', 'Asia/Baku'],
  ])('zoneLabel(%s) → %s', (zone, label) => {
    expect(zoneLabel(zone)).toBe(label);
  });

  it.each([
    ['2023-09-20', '2023-09-20'],
    ['2023-09', '2023-09'],
    ['2023-09-20T18:00+04:00', '2023-09-20t1400z'],
    ['2023-09-20T14:00Z', '2023-09-20t1400z'],
  ])('momentSlug(%s) → %s', (raw, slug) => {
    expect(momentSlug(date(raw))).toBe(slug);
  });
});

const sources = new Map(
  [
    ['early', '2023-09-20', 'Early article'],
    ['also-early', '2023-09-20', 'Also early'],
    ['timed', '2023-09-20T10:00+04:00', 'Timed article'],
    ['late', '2023-09-21', 'Late article'],
  ].map(([id, published, title]) => [id!, { id: id!, title: title!, published: date(published!) }]),
);

describe('firstReport', () => {
  it('is the earliest cited source, with every source of that moment listed in citation order', () => {
    const e = eventRecord('e', '2023-09-19', {
      sources: [citation('late', 'q'), citation('also-early', 'q'), citation('early', 'q'), citation('also-early', 'r')],
    });
    expect(firstReport(e, sources, '+04:00')).toEqual({
      date: date('2023-09-20'),
      datetime: '2023-09-20',
      instant: '2023-09-20T20:00:00Z',
      label: '20 September 2023',
      sources: [
        { id: 'also-early', title: 'Also early', path: '/sources/also-early/' },
        { id: 'early', title: 'Early article', path: '/sources/early/' },
      ],
      momentPath: '/as-of/2023-09-20/',
    });
  });

  it('counts the sources behind claims', () => {
    const e = eventRecord('e', '2023-09-19', { sources: [citation('late', 'q')], claims: [claim('early', 'q')] });
    expect(firstReport(e, sources, '+04:00').sources.map((s) => s.id)).toEqual(['early']);
  });

  it('puts an article with a time before one dated only to the same day', () => {
    const e = eventRecord('e', '2023-09-19', { sources: [citation('early', 'q'), citation('timed', 'q')] });
    const first = firstReport(e, sources, '+04:00');
    expect(first.sources.map((s) => s.id)).toEqual(['timed']);
    expect(first.label).toBe('20 September 2023, 06:00 GMT');
    expect(first.momentPath).toBe('/as-of/2023-09-20t0600z/');
  });
});

describe('claimReport', () => {
  it('takes the date the article gives for the claim, else the article’s own date', () => {
    expect(claimReport(claim('late', 'q', { reported: date('2023-09-20') }), date('2023-09-21'), '+04:00')).toEqual({
      reportedAt: date('2023-09-20'),
      reportedStated: true,
      reportedInstant: '2023-09-20T20:00:00Z',
      reportedLabel: '20 Sep 2023',
    });
    expect(claimReport(claim('late', 'q'), date('2023-09-21'), '+04:00')).toEqual({
      reportedAt: date('2023-09-21'),
      reportedStated: false,
      reportedInstant: '2023-09-21T20:00:00Z',
      reportedLabel: '21 Sep 2023',
    });
  });
});

describe('updates', () => {
  const log = [
    { date: date('2023-09-22'), type: 'update' as const, text: 'Added the talks.' },
    { date: date('2023-09-21'), type: 'correction' as const, text: 'The figure was 32, not 23.' },
  ];

  it('lists the log oldest first, each introduced by what it is and when', () => {
    expect(updateViews(log)).toEqual([
      { type: 'correction', text: 'The figure was 32, not 23.', datetime: '2023-09-21', verb: 'Corrected', dateLabel: '21 September 2023', label: 'Corrected 21 September 2023' },
      { type: 'update', text: 'Added the talks.', datetime: '2023-09-22', verb: 'Updated', dateLabel: '22 September 2023', label: 'Updated 22 September 2023' },
    ]);
  });

  it('dates the last modification by the latest entry, or none without a log', () => {
    expect(lastModified(log)?.raw).toBe('2023-09-22');
    expect(lastModified([])).toBeNull();
  });
});

describe('reportingMoments', () => {
  it('gives the distinct publication dates, earliest first, a timed one before the end of its day', () => {
    const moments = reportingMoments([...sources.values()], '+04:00');
    expect(moments.map((m) => [m.slug, m.instant])).toEqual([
      ['2023-09-20t0600z', '2023-09-20T06:00:00Z'],
      ['2023-09-20', '2023-09-20T20:00:00Z'],
      ['2023-09-21', '2023-09-21T20:00:00Z'],
    ]);
  });

  it('is empty without sources', () => {
    expect(reportingMoments([], '+04:00')).toEqual([]);
  });
});

describe('knownAt', () => {
  const events = [
    { id: 'a', firstReport: { instant: '2023-09-20T06:00:00Z' }, claimViews: [{ reportedInstant: '2023-09-21T20:00:00Z' }] },
    { id: 'b', firstReport: { instant: '2023-09-20T20:00:00Z' }, claimViews: [] },
    // A claimant gave this figure before any article cited its event.
    { id: 'c', firstReport: { instant: '2023-09-21T20:00:00Z' }, claimViews: [{ reportedInstant: '2023-09-19T20:00:00Z' }] },
  ];

  it.each([
    ['2023-09-19T20:00:00Z', [], ['c']],
    ['2023-09-20T05:59:00Z', [], ['c']],
    // At or before: the moment itself counts.
    ['2023-09-20T06:00:00Z', ['a'], ['c']],
    ['2023-09-20T20:00:00Z', ['a', 'b'], ['c']],
    ['2023-09-21T20:00:00Z', ['a', 'b', 'c'], ['a', 'c']],
  ])('at %s: events %j, claims of %j', (instant, ids, claimsOf) => {
    const known = knownAt(events, instant);
    expect(known.events.map((e) => e.id)).toEqual(ids);
    expect(known.claims.map((c) => c.event.id)).toEqual(claimsOf);
  });
});

/** The articles of these tests: one published on each day, known from its end (24:00 at +04:00). */
const sourceAt = (instant: string) => (instant < '2023-09-20T20:00:01Z' ? 's20' : 's21');

describe('buildReporting', () => {
  // Each event cited by the source of its first report; each figure given when its article appeared.
  const event = (id: string, day: string, first: string, claims: string[] = []) => ({
    id,
    date: date(day),
    firstReport: { instant: first },
    citations: [{ source: sourceAt(first) }],
    claimViews: claims.map((reportedInstant) => ({ reportedInstant, source: sourceAt(reportedInstant) })),
  });
  // In timeline order, as the model sorts them.
  const events = [
    event('war', '2020', '2023-09-20T20:00:00Z'),
    event('offensive', '2023-09-19', '2023-09-20T20:00:00Z', ['2023-09-20T20:00:00Z', '2023-09-21T20:00:00Z']),
    event('ceasefire', '2023-09-20', '2023-09-20T20:00:00Z'),
    event('sotk', '2023-09-20', '2023-09-21T20:00:00Z'),
    event('talks', '2023-09-21', '2023-09-21T20:00:00Z'),
    // Announced on the 20th for the 22nd.
    event('visit', '2023-09-22', '2023-09-20T20:00:00Z'),
  ];
  const figure = (reportedInstant: string, value: number) => ({
    figureLabel: String(value),
    value,
    max: null,
    qualifier: null,
    figure: null,
    reportedLabel: reportedInstant.slice(0, 10),
    reportedDatetime: reportedInstant.slice(0, 10),
    reportedInstant,
    reportedStated: false,
    barPercent: 100,
    attribution: null,
    quote: 'q',
    sourceId: sourceAt(reportedInstant),
    sourceTitle: 'S',
    sourcePath: '/sources/s/',
    eventId: 'offensive',
    eventTitle: 'Offensive',
    eventPath: '/events/offensive/',
  });
  const figures: FigureGroup[] = [
    {
      measure: 'killed',
      label: 'Killed',
      anchor: 'm-killed',
      claimants: [
        { id: 'armenia', name: 'Armenia', path: null, figures: [figure('2023-09-20T20:00:00Z', 32), figure('2023-09-21T20:00:00Z', 200)] },
      ],
      figureCount: 2,
      sourceCount: 1,
      chart: null,
      narrowChart: null,
      disputed: false,
    },
    {
      measure: 'injured',
      label: 'Injured',
      anchor: 'm-injured',
      claimants: [{ id: 'armenia', name: 'Armenia', path: null, figures: [figure('2023-09-21T20:00:00Z', 400)] }],
      figureCount: 1,
      sourceCount: 1,
      chart: null,
      narrowChart: null,
      disputed: false,
    },
  ];
  const sources = [{ id: 's21', published: date('2023-09-21') }, { id: 's20', published: date('2023-09-20') }, { id: 's20b', published: date('2023-09-20') }];
  const options = { pageSize: 2, recent: 1, pickable: 1, fullBudget: 1000 };
  const reporting = buildReporting({ events, sources, zone: '+04:00', figures }, options);

  it('counts, for each moment, the events known, the ones new since the moment before, and the figures known', () => {
    expect(reporting.complete).toBe(true);
    expect(reporting.moments.map((m) => [m.slug, m.path, m.phrase, m.eventCount, m.newCount, m.claimCount])).toEqual([
      ['2023-09-20', '/as-of/2023-09-20/', 'the end of 20 September 2023', 4, 4, 1],
      ['2023-09-21', '/as-of/2023-09-21/', 'the end of 21 September 2023', 6, 2, 3],
    ]);
    expect(reporting.recent.map((m) => m.slug)).toEqual(['2023-09-21']);
    expect(reporting.pickable.map((m) => m.slug)).toEqual(['2023-09-21']);
    expect(reporting.zoneLabel).toBe('UTC+4');
    expect(reporting.totalEvents).toBe(6);
  });

  it('pages each moment, grouping its events by day, and marks what is new after the first moment and what is still to come', () => {
    const mark = (i: { event: { id: string }; isNew: boolean; ahead: boolean }) => `${i.event.id}${i.isNew ? '*' : ''}${i.ahead ? '>' : ''}`;
    const pages = reporting.pages.map((p) => ({
      path: p.path,
      prev: p.prevPath,
      next: p.nextPath,
      days: p.days.map((d) => `${d.heading}: ${d.items.map(mark).join(' ')}`),
    }));
    expect(pages).toEqual([
      { path: '/as-of/2023-09-20/', prev: null, next: '/as-of/2023-09-20/2/', days: ['2020: war', 'Tuesday 19 September 2023: offensive'] },
      { path: '/as-of/2023-09-20/2/', prev: '/as-of/2023-09-20/', next: null, days: ['Wednesday 20 September 2023: ceasefire', 'Friday 22 September 2023: visit>'] },
      { path: '/as-of/2023-09-21/', prev: null, next: '/as-of/2023-09-21/2/', days: ['2020: war', 'Tuesday 19 September 2023: offensive'] },
      { path: '/as-of/2023-09-21/2/', prev: '/as-of/2023-09-21/', next: '/as-of/2023-09-21/3/', days: ['Wednesday 20 September 2023: ceasefire sotk*'] },
      // The 21st's own events are not "to come" at its end; the visit on the 22nd still is.
      { path: '/as-of/2023-09-21/3/', prev: '/as-of/2023-09-21/2/', next: null, days: ['Thursday 21 September 2023: talks*', 'Friday 22 September 2023: visit>'] },
    ]);
    expect(reporting.pages[0]!.nextMoment?.slug).toBe('2023-09-21');
    expect(reporting.pages[2]!.previousMoment?.slug).toBe('2023-09-20');
  });

  it('gives the figures as they stood on each moment’s first page, leaving the input as it was', () => {
    const first = reporting.pages[0]!.figures!;
    expect(first.map((g) => [g.measure, g.figureCount, g.claimants.flatMap((c) => c.figures.map((f) => f.value))])).toEqual([['killed', 1, [32]]]);
    expect(reporting.pages[1]!.figures).toBeNull();
    const later = reporting.pages[2]!.figures!;
    expect(later.map((g) => [g.measure, g.figureCount])).toEqual([
      ['killed', 2],
      ['injured', 1],
    ]);
    // The bars are measured again against the largest figure of the moment.
    expect(first[0]!.claimants[0]!.figures[0]!.barPercent).toBe(100);
    expect(later[0]!.claimants[0]!.figures.map((f) => f.barPercent)).toEqual([16, 100]);
    expect(figures[0]!.claimants[0]!.figures).toHaveLength(2);
    expect(first[0]!.chart?.rows.filter((r) => r.kind === 'figure')).toHaveLength(1);
  });
});

describe('buildReporting: each event as the articles of the moment told it', () => {
  // In timeline order. Protests: a passage of the 20th, the full account of the 21st. Casualties: a figure given 'on Wednesday' (the
  // 20th) in an article of the 21st, beside one published on the 20th.
  const events = [
    {
      id: 'casualties',
      date: date('2023-09-19'),
      firstReport: { instant: '2023-09-20T20:00:00Z' },
      citations: [{ source: 's20', quote: 'at least 32 killed' }],
      claimViews: [
        { source: 's20', reportedInstant: '2023-09-20T20:00:00Z', value: 32 },
        { source: 's21', reportedInstant: '2023-09-20T20:00:00Z', value: 200 },
      ],
    },
    {
      id: 'protests',
      date: date('2023-09-20'),
      firstReport: { instant: '2023-09-20T20:00:00Z' },
      citations: [{ source: 's21', quote: 'thousands took to the streets' }, { source: 's20', quote: 'facing calls on Wednesday' }],
      claimViews: [],
    },
  ];
  const sources = [{ id: 's20', published: date('2023-09-20') }, { id: 's21', published: date('2023-09-21') }];
  const reporting = buildReporting({ events, sources, zone: '+04:00', figures: [] });
  const items = (slug: string) => reporting.pages.find((p) => p.moment.slug === slug)!.days.flatMap((d) => d.items);
  const shown = (slug: string) =>
    items(slug).map((i) => [i.event.id, i.laterAccount, i.passages.map((c) => c.quote), i.claims.map((c) => c.value)]);

  it('shows on the 20th only the passages and figures published by then, and marks the accounts that rest on later reports', () => {
    expect(shown('2023-09-20')).toEqual([
      ['casualties', true, ['at least 32 killed'], [32]],
      ['protests', true, ['facing calls on Wednesday'], []],
    ]);
  });

  it('shows everything on the 21st, with no account marked as from later reports', () => {
    expect(shown('2023-09-21')).toEqual([
      ['casualties', false, ['at least 32 killed'], [32, 200]],
      ['protests', false, ['thousands took to the streets', 'facing calls on Wednesday'], []],
    ]);
  });
});

describe('buildReporting on a large timeline', () => {
  const event = (id: string, day: string, first: string) => ({ id, date: date(day), firstReport: { instant: first }, citations: [{ source: sourceAt(first) }], claimViews: [] });
  const events = [
    event('offensive', '2023-09-19', '2023-09-20T20:00:00Z'),
    event('ceasefire', '2023-09-20', '2023-09-20T20:00:00Z'),
    event('sotk', '2023-09-20', '2023-09-21T20:00:00Z'),
  ];
  const sources = [{ id: 's20', published: date('2023-09-20') }, { id: 's21', published: date('2023-09-21') }];
  const entry = (reportedInstant: string, value: number) => ({
    figureLabel: String(value), value, max: null, qualifier: null, figure: null, reportedLabel: '', reportedDatetime: '',
    reportedInstant, reportedStated: false, barPercent: null, attribution: null, quote: 'q', sourceId: sourceAt(reportedInstant), sourceTitle: 'S',
    sourcePath: '/sources/s/', eventId: 'offensive', eventTitle: 'Offensive', eventPath: '/events/offensive/',
  });
  const figures: FigureGroup[] = [
    {
      measure: 'killed', label: 'Killed', anchor: 'm-killed', figureCount: 3, sourceCount: 1, chart: null, narrowChart: null, disputed: false,
      // Given on the 19th (before any article), on the 20th, and on the 21st.
      claimants: [{ id: 'a', name: 'A', path: null, figures: [entry('2023-09-19T20:00:00Z', 1), entry('2023-09-20T20:00:00Z', 2), entry('2023-09-21T20:00:00Z', 3)] }],
    },
  ];
  // 2 moments × (3 events + 3 figures) = 12: over a budget of 11, each moment lists only what is new at it.
  const reporting = buildReporting({ events, sources, zone: '+04:00', figures }, { pageSize: 100, recent: 4, pickable: 60, fullBudget: 11 });

  it('lists at each moment only the events and figures new at it, and still counts everything known', () => {
    expect(reporting.complete).toBe(false);
    expect(reporting.pages.map((p) => [p.path, p.complete, p.days.flatMap((d) => d.items.map((i) => i.event.id))])).toEqual([
      ['/as-of/2023-09-20/', false, ['offensive', 'ceasefire']],
      ['/as-of/2023-09-21/', false, ['sotk']],
    ]);
    expect(reporting.pages.map((p) => p.figures!.flatMap((g) => g.claimants.flatMap((c) => c.figures.map((f) => f.value))))).toEqual([[1, 2], [3]]);
    expect(reporting.moments.map((m) => [m.eventCount, m.newCount, m.claimCount])).toEqual([
      [2, 2, 2],
      [3, 1, 3],
    ]);
  });

  it('lists everything within the budget', () => {
    const full = buildReporting({ events, sources, zone: '+04:00', figures }, { pageSize: 100, recent: 4, pickable: 60, fullBudget: 12 });
    expect(full.complete).toBe(true);
    expect(full.pages[1]!.days.flatMap((d) => d.items.map((i) => i.event.id))).toEqual(['offensive', 'ceasefire', 'sotk']);
    expect(full.pages[1]!.figures![0]!.figureCount).toBe(3);
  });

  it('finds the first moment at or after an instant', () => {
    const instants = ['2023-09-20T06:00:00Z', '2023-09-20T20:00:00Z', '2023-09-21T20:00:00Z'];
    expect(momentAt(instants, '2023-09-19T20:00:00Z')).toBe(0);
    expect(momentAt(instants, '2023-09-20T06:00:00Z')).toBe(0);
    expect(momentAt(instants, '2023-09-20T06:00:01Z')).toBe(1);
    expect(momentAt(instants, '2023-09-21T20:00:00Z')).toBe(2);
    expect(momentAt(instants, '2023-09-22T00:00:00Z')).toBe(-1);
    expect(momentAt([], '2023-09-22T00:00:00Z')).toBe(-1);
  });
});

