import { describe, expect, it } from 'vitest';
import { compareEvents, groupConsecutive, sortEvents } from '../../src/model/order.ts';
import { parsePartOfDay } from '../../src/schema/part-of-day.ts';
import { eventRecord } from './support/records.ts';

const ZONE = '+04:00';

describe('compareEvents: the documented tie-break', () => {
  it.each<[string, [string, string, number], [string, string, number]]>([
    ['local date first', ['z', '2023-09-19', 9], ['a', '2023-09-20', 0]],
    ['a year before its months', ['z', '2023', 9], ['a', '2023-01', 0]],
    ['a month before its days', ['z', '2023-09', 9], ['a', '2023-09-01', 0]],
    ['day-only before timed on the same day', ['z', '2023-09-20', 9], ['a', '2023-09-20T00:00+04:00', 0]],
    ['timed by instant', ['z', '2023-09-20T12:00+04:00', 9], ['a', '2023-09-20T09:00Z', 0]],
    ['local date before instant', ['z', '2023-09-19T23:00Z', 9], ['a', '2023-09-20T01:30+04:00', 0]],
    ['then sequence', ['z', '2023-09-20', 1], ['a', '2023-09-20', 2]],
    ['then a negative sequence first', ['z', '2023-09-20', -1], ['a', '2023-09-20', 0]],
    ['then sequence for the same instant', ['z', '2023-09-20T13:00+04:00', 1], ['a', '2023-09-20T12:00+03:00', 2]],
    ['then id', ['a', '2023-09-20', 0], ['b', '2023-09-20', 0]],
    ['then id for the same instant', ['a-1', '2023-09-20T13:00+04:00', 0], ['a-2', '2023-09-20T12:00+03:00', 0]],
  ])('%s', (_, [idA, dateA, seqA], [idB, dateB, seqB]) => {
    const a = eventRecord(idA, dateA, { sequence: seqA });
    const b = eventRecord(idB, dateB, { sequence: seqB });
    expect(compareEvents(a, b, ZONE)).toBeLessThan(0);
    expect(compareEvents(b, a, ZONE)).toBeGreaterThan(0);
  });

  it('is 0 only for the same event', () => {
    const a = eventRecord('same', '2023-09-20');
    expect(compareEvents(a, eventRecord('same', '2023-09-20'), ZONE)).toBe(0);
  });
});

describe('sortEvents', () => {
  const events = [
    eventRecord('ceasefire', '2023-09-20T13:00+04:00'),
    eventRecord('day-second', '2023-09-20', { sequence: 2 }),
    eventRecord('day-first', '2023-09-20', { sequence: 1 }),
    eventRecord('september', '2023-09'),
    eventRecord('independence', '1991'),
    eventRecord('morning', '2023-09-20T09:00+04:00'),
    eventRecord('also-ceasefire', '2023-09-20T13:00+04:00'),
    eventRecord('moscow-same-instant', '2023-09-20T12:00+03:00', { sequence: -1 }),
    eventRecord('after-midnight', '2023-09-21T01:30+04:00'),
    eventRecord('offensive', '2023-09-19'),
    eventRecord('blockade', '2022-12'),
  ];
  const expected = [
    'independence',
    'blockade',
    'september',
    'offensive',
    'day-first',
    'day-second',
    'morning',
    'moscow-same-instant',
    'also-ceasefire',
    'ceasefire',
    'after-midnight',
  ];

  it.each([
    ['as written', events],
    ['reversed', [...events].reverse()],
    ['rotated', [...events.slice(5), ...events.slice(0, 5)]],
  ])('gives one order whatever the input order (%s)', (_, input) => {
    expect(sortEvents(input, ZONE).map((e) => e.id)).toEqual(expected);
  });

  it('returns a new array and leaves its input alone', () => {
    const input = [...events];
    const before = input.map((e) => e.id);
    const sorted = sortEvents(input, ZONE);
    expect(sorted).not.toBe(input);
    expect(input.map((e) => e.id)).toEqual(before);
  });
});

describe('sortEvents: parts of the day and `after`', () => {
  const part = (value: string) => ({ partOfDay: parsePartOfDay(value) });
  const day = [
    eventRecord('late-evening', '2023-09-20', part('late evening')),
    eventRecord('evening', '2023-09-20', part('evening')),
    eventRecord('ceasefire', '2023-09-20T13:00+04:00'),
    eventRecord('morning', '2023-09-20', part('morning')),
    eventRecord('day-only', '2023-09-20', { sequence: 5 }),
    eventRecord('dinner', '2023-09-20T18:30+04:00'),
    eventRecord('afternoon', '2023-09-20', part('afternoon')),
    // 10:00 at −04:00 is 18:00 on the site's clock: an evening event there.
    eventRecord('washington', '2023-09-20T10:00-04:00'),
    eventRecord('next-day', '2023-09-21', part('early morning')),
  ];

  it('places each part of the day among the timed events of its day, by the site clock', () => {
    expect(sortEvents(day, ZONE).map((e) => e.id)).toEqual([
      'day-only',
      'morning',
      'afternoon',
      'ceasefire',
      'evening',
      'washington',
      'dinner',
      'late-evening',
      'next-day',
    ]);
  });

  it('puts an event right after the one it names, chains and several followers included', () => {
    const events = [
      ...day,
      eventRecord('b', '2023-09-20', { after: 'ceasefire', sequence: 2 }),
      eventRecord('a', '2023-09-20', { after: 'ceasefire', sequence: 1 }),
      eventRecord('a-then', '2023-09-20', { after: 'a' }),
      eventRecord('after-late', '2023-09-20T09:00+04:00', { after: 'late-evening' }),
    ];
    const order = sortEvents(events, ZONE).map((e) => e.id);
    expect(order.slice(order.indexOf('ceasefire'), order.indexOf('ceasefire') + 4)).toEqual(['ceasefire', 'a', 'a-then', 'b']);
    expect(order.slice(order.indexOf('late-evening'), order.indexOf('late-evening') + 2)).toEqual(['late-evening', 'after-late']);
    expect(order).toHaveLength(events.length);
  });

  it('keeps events whose `after` closes a loop or names another day in their own place', () => {
    const events = [
      eventRecord('x', '2023-09-20', { after: 'y', sequence: 1 }),
      eventRecord('y', '2023-09-20', { after: 'x', sequence: 2 }),
      eventRecord('z', '2023-09-20', { after: 'next-day', sequence: 3 }),
      eventRecord('next-day', '2023-09-21'),
    ];
    expect(sortEvents(events, ZONE).map((e) => e.id)).toEqual(['x', 'y', 'z', 'next-day']);
  });
});

describe('groupConsecutive', () => {
  it.each<[string, string[], { key: string; items: string[] }[]]>([
    ['nothing', [], []],
    ['one item', ['a1'], [{ key: 'a', items: ['a1'] }]],
    [
      'runs of equal keys',
      ['a1', 'a2', 'b1', 'c1', 'c2', 'c3'],
      [
        { key: 'a', items: ['a1', 'a2'] },
        { key: 'b', items: ['b1'] },
        { key: 'c', items: ['c1', 'c2', 'c3'] },
      ],
    ],
    [
      'a key that comes back forms a new group',
      ['a1', 'b1', 'a2'],
      [
        { key: 'a', items: ['a1'] },
        { key: 'b', items: ['b1'] },
        { key: 'a', items: ['a2'] },
      ],
    ],
  ])('%s', (_, items, groups) => {
    expect(groupConsecutive(items, (s) => s[0]!)).toEqual(groups);
  });

  it('leaves its input alone', () => {
    const items = ['a1', 'a2'];
    groupConsecutive(items, (s) => s[0]!);
    expect(items).toEqual(['a1', 'a2']);
  });
});
