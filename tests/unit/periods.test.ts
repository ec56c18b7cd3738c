import { describe, expect, it } from 'vitest';
import { planPeriods, periodLabel } from '../../src/model/periods.ts';
import type { Era, TimelineEvent } from '../../src/model/timeline-event.ts';

/** Only what planPeriods reads: id and the local date at its precision. */
function ev(id: string, local: string): TimelineEvent {
  const precision = local.length === 4 ? 'year' : local.length === 7 ? 'month' : 'day';
  return { id, date: { raw: local, precision, local, offsetMinutes: null, utc: null, localTime: null } } as unknown as TimelineEvent;
}
const noEras = (): Era[] => [];

describe('planPeriods', () => {
  it('keeps a timeline that fits on one page whole', () => {
    const events = [ev('a', '1991'), ev('b', '2023-09-19'), ev('c', '2023-09-20')];
    expect(planPeriods(events, noEras, 3)).toEqual([]);
  });

  it('splits a longer timeline by year, in order, with earlier and later links', () => {
    const events = [ev('a', '1991'), ev('b', '1991-05-01'), ev('c', '2020'), ev('d', '2023-09-19'), ev('e', '2023-09-20')];
    const periods = planPeriods(events, noEras, 3);
    expect(periods.map((p) => [p.key, p.label, p.path, p.count, p.eventIds])).toEqual([
      ['1991', '1991', '/timeline/1991/', 2, ['a', 'b']],
      ['2020', '2020', '/timeline/2020/', 1, ['c']],
      ['2023', '2023', '/timeline/2023/', 2, ['d', 'e']],
    ]);
    expect(periods[0]!.prev).toBeNull();
    expect(periods[0]!.next).toEqual({ label: '2020', path: '/timeline/2020/' });
    expect(periods[2]!.prev).toEqual({ label: '2020', path: '/timeline/2020/' });
    expect(periods[2]!.next).toBeNull();
  });

  it('splits a year with more events than a page holds by month, its year-only events on a page of their own', () => {
    const events = [ev('y', '2023'), ev('a', '2023-08-01'), ev('b', '2023-09-19'), ev('c', '2023-09-20'), ev('d', '2024-01-01')];
    const periods = planPeriods(events, noEras, 3);
    expect(periods.map((p) => [p.key, p.label, p.count])).toEqual([
      ['2023', '2023: events dated by year only', 1],
      ['2023-08', 'August 2023', 1],
      ['2023-09', 'September 2023', 2],
      ['2024', '2024', 1],
    ]);
  });

  it('hands each page its own events to group into eras', () => {
    const seen: string[][] = [];
    planPeriods([ev('a', '1991'), ev('b', '2020'), ev('c', '2021')], (list) => (seen.push(list.map((e) => e.id)), []), 2);
    expect(seen).toEqual([['a'], ['b'], ['c']]);
  });
});

describe('periodLabel', () => {
  it.each([
    ['1991', false, '1991'],
    ['2023', true, '2023: events dated by year only'],
    ['2022-12', false, 'December 2022'],
  ])('%s → %s', (key, yearOnly, label) => {
    expect(periodLabel(key, yearOnly)).toBe(label);
  });
});
