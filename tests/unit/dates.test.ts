import { describe, expect, it } from 'vitest';
import { compareEventDates, endsBeforeStart, firstDay, lastDay, offsetLabel, parseEventDate, type EventDate } from '../../src/schema/dates.ts';
import { date } from './support/dates.ts';

describe('parseEventDate: valid dates keep their precision and raw text', () => {
  it.each<[string, EventDate]>([
    ['1991', { raw: '1991', precision: 'year', local: '1991', offsetMinutes: null, utc: null, localTime: null }],
    ['2022-12', { raw: '2022-12', precision: 'month', local: '2022-12', offsetMinutes: null, utc: null, localTime: null }],
    ['2023-09-20', { raw: '2023-09-20', precision: 'day', local: '2023-09-20', offsetMinutes: null, utc: null, localTime: null }],
    ['2024-02-29', { raw: '2024-02-29', precision: 'day', local: '2024-02-29', offsetMinutes: null, utc: null, localTime: null }],
    ['2000-02-29', { raw: '2000-02-29', precision: 'day', local: '2000-02-29', offsetMinutes: null, utc: null, localTime: null }],
    [
      '2023-09-20T13:00+04:00',
      { raw: '2023-09-20T13:00+04:00', precision: 'minute', local: '2023-09-20', offsetMinutes: 240, utc: '2023-09-20T09:00:00Z', localTime: '13:00' },
    ],
    [
      '2023-09-20T13:00:00+04:00',
      { raw: '2023-09-20T13:00:00+04:00', precision: 'minute', local: '2023-09-20', offsetMinutes: 240, utc: '2023-09-20T09:00:00Z', localTime: '13:00' },
    ],
    [
      '2023-09-20T13:00:45+04:00',
      { raw: '2023-09-20T13:00:45+04:00', precision: 'minute', local: '2023-09-20', offsetMinutes: 240, utc: '2023-09-20T09:00:45Z', localTime: '13:00' },
    ],
    [
      '2023-09-20T13:00Z',
      { raw: '2023-09-20T13:00Z', precision: 'minute', local: '2023-09-20', offsetMinutes: 0, utc: '2023-09-20T13:00:00Z', localTime: '13:00' },
    ],
    [
      '2023-09-20T13:00:00Z',
      { raw: '2023-09-20T13:00:00Z', precision: 'minute', local: '2023-09-20', offsetMinutes: 0, utc: '2023-09-20T13:00:00Z', localTime: '13:00' },
    ],
    [
      '2023-09-19T08:30-04:00',
      { raw: '2023-09-19T08:30-04:00', precision: 'minute', local: '2023-09-19', offsetMinutes: -240, utc: '2023-09-19T12:30:00Z', localTime: '08:30' },
    ],
    [
      '2023-09-20T13:00+05:30',
      { raw: '2023-09-20T13:00+05:30', precision: 'minute', local: '2023-09-20', offsetMinutes: 330, utc: '2023-09-20T07:30:00Z', localTime: '13:00' },
    ],
    // Near midnight: the UTC date is the day before the local date...
    [
      '2023-09-20T01:30+04:00',
      { raw: '2023-09-20T01:30+04:00', precision: 'minute', local: '2023-09-20', offsetMinutes: 240, utc: '2023-09-19T21:30:00Z', localTime: '01:30' },
    ],
    // ...or, west of Greenwich, the day after.
    [
      '2023-09-19T20:30-05:00',
      { raw: '2023-09-19T20:30-05:00', precision: 'minute', local: '2023-09-19', offsetMinutes: -300, utc: '2023-09-20T01:30:00Z', localTime: '20:30' },
    ],
    // Across a year boundary.
    [
      '2024-01-01T00:15+01:00',
      { raw: '2024-01-01T00:15+01:00', precision: 'minute', local: '2024-01-01', offsetMinutes: 60, utc: '2023-12-31T23:15:00Z', localTime: '00:15' },
    ],
    [
      '2023-09-20T00:00+14:00',
      { raw: '2023-09-20T00:00+14:00', precision: 'minute', local: '2023-09-20', offsetMinutes: 840, utc: '2023-09-19T10:00:00Z', localTime: '00:00' },
    ],
  ])('%s', (raw, expected) => {
    expect(parseEventDate(raw)).toEqual(expected);
  });
});

describe('parseEventDate: problems say what is wrong', () => {
  it.each<[string, 'format' | 'impossible' | 'needs-zone', string]>([
    ['20/09/2023', 'format', 'Unexpected `20/09/2023`, expected ISO 8601 such as'],
    ['2023-9-20', 'format', 'Unexpected `2023-9-20`'],
    ['2023-09-20 13:00+04:00', 'format', 'Unexpected `2023-09-20 13:00+04:00`'],
    ['Sept 2023', 'format', 'Unexpected `Sept 2023`'],
    ['91', 'format', 'Unexpected `91`'],
    ['', 'format', 'Unexpected ``'],
    ['2023-09-20T13+04:00', 'format', 'Unexpected `2023-09-20T13+04:00`'],
    ['2023-09-20T13:00+0400', 'format', 'Unexpected `2023-09-20T13:00+0400`'],
    ['2023-09-31', 'impossible', '`2023-09-31` is not a day on the calendar'],
    ['2023-02-29', 'impossible', '`2023-02-29` is not a day on the calendar'],
    ['1900-02-29', 'impossible', '`1900-02-29` is not a day on the calendar'],
    ['2023-09-00', 'impossible', '`2023-09-00` is not a day on the calendar'],
    ['2023-04-31T10:00+04:00', 'impossible', '`2023-04-31T10:00+04:00` is not a day on the calendar'],
    ['2023-13', 'impossible', '`2023-13` has no month 13; months run from 01 to 12'],
    ['2023-00', 'impossible', '`2023-00` has no month 00'],
    ['2023-13-01', 'impossible', '`2023-13-01` has no month 13'],
    ['2023-09-20T24:00+04:00', 'impossible', '`2023-09-20T24:00+04:00` has no time 24:00'],
    ['2023-09-20T13:60+04:00', 'impossible', '`2023-09-20T13:60+04:00` has no time 13:60'],
    ['2023-09-20T13:00:60+04:00', 'impossible', '`2023-09-20T13:00:60+04:00` has no time 13:00:60'],
    ['2023-09-20T13:00+15:00', 'impossible', '`2023-09-20T13:00+15:00` has an offset beyond ±14:00'],
    ['2023-09-20T13:00-14:30', 'impossible', 'has an offset beyond ±14:00'],
    ['9999-12-31T23:59-12:00', 'impossible', '`9999-12-31T23:59-12:00` falls outside the years 0000 to 9999 in UTC'],
    ['0000-01-01T00:30+01:00', 'impossible', 'falls outside the years 0000 to 9999 in UTC'],
    ['2023-09-20T13:00', 'needs-zone', '`2023-09-20T13:00` has a time but no offset, so its moment is unknown; expected e.g. `2023-09-20T13:00+04:00`'],
    ['2023-09-20T13:00:00', 'needs-zone', 'expected e.g. `2023-09-20T13:00:00+04:00`'],
  ])('%j is a %s problem', (raw, kind, message) => {
    const result = parseEventDate(raw);
    expect(result).toMatchObject({ kind });
    expect((result as { message: string }).message).toContain(message);
  });
});

describe('compareEventDates: timeline order', () => {
  it.each<[string, string, string]>([
    ['a year before its months', '2023', '2023-01'],
    ['a year before its days', '2023', '2023-12-31'],
    ['an earlier year before a later month', '2022', '2023-01'],
    ['a month before its days', '2023-09', '2023-09-01'],
    ['a month before its later days', '2023-09', '2023-09-30'],
    ['the end of one month before the next month', '2023-08-31', '2023-09'],
    ['a day-only date before a timed one on that day', '2023-09-20', '2023-09-20T00:00+04:00'],
    ['a day-only date before a late timed one on that day', '2023-09-20', '2023-09-20T23:59Z'],
    ['timed ones by their instant', '2023-09-20T13:00+04:00', '2023-09-20T10:00Z'],
    ['timed ones by instant, not by wall clock', '2023-09-20T15:00+04:00', '2023-09-20T12:00Z'],
    ['the local date before the instant', '2023-09-19T23:00Z', '2023-09-20T01:30+04:00'],
    ['a day before the next day', '2023-09-19', '2023-09-20'],
  ])('%s: %s < %s', (_, earlier, later) => {
    expect(compareEventDates(date(earlier), date(later))).toBeLessThan(0);
    expect(compareEventDates(date(later), date(earlier))).toBeGreaterThan(0);
  });

  it.each<[string, string, string]>([
    ['the same day', '2023-09-20', '2023-09-20'],
    ['the same instant on two clocks with one local date', '2023-09-20T13:00+04:00', '2023-09-20T12:00+03:00'],
    ['the same month', '2022-12', '2022-12'],
  ])('%s: %s and %s cannot be told apart', (_, a, b) => {
    expect(compareEventDates(date(a), date(b))).toBe(0);
  });
});

describe('endsBeforeStart', () => {
  it.each<[string, string, boolean]>([
    ['2023-09-19', '2023-09-20', false],
    ['2023-09-19', '2023-09-19', false],
    ['2023-09-20', '2023-09-19', true],
    ['2023-09-19', '2023-09', false],
    ['2023-09-19', '2023-08', true],
    ['2023-09', '2023-09-01', false],
    ['2023', '2023-01', false],
    ['2023', '2022-12', true],
    ['2024', '2023', true],
    ['1988', '1994', false],
    ['2023-09-20T13:00+04:00', '2023-09-20T15:00+04:00', false],
    ['2023-09-20T13:00+04:00', '2023-09-20T12:00+04:00', true],
    ['2023-09-20T13:00+04:00', '2023-09-20T09:00Z', false],
    ['2023-09-20T13:00+04:00', '2023-09-20T08:59Z', true],
    ['2023-09-20T13:00+04:00', '2023-09-20', false],
    ['2023-09-20', '2023-09-20T00:00+04:00', false],
    ['2023-09-20T13:00+04:00', '2023-09-19', true],
  ])('start %s, end %s → %s', (start, end, expected) => {
    expect(endsBeforeStart(date(start), date(end))).toBe(expected);
  });
});

describe('years 0 to 100', () => {
  it('accepts 0000-02-29, a real leap day, and rejects 0100-02-29', () => {
    expect(parseEventDate('0000-02-29')).toMatchObject({ precision: 'day', local: '0000-02-29' });
    expect(parseEventDate('0100-02-29')).toMatchObject({ kind: 'impossible' });
  });

  it('keeps the year in the UTC instant', () => {
    expect(parseEventDate('0000-02-29T01:00+04:00')).toMatchObject({ local: '0000-02-29', utc: '0000-02-28T21:00:00Z' });
    expect(parseEventDate('0079-08-24T13:00+02:00')).toMatchObject({ utc: '0079-08-24T11:00:00Z' });
  });
});

describe('firstDay and lastDay', () => {
  it.each<[string, string, string]>([
    ['1991', '1991-01-01', '1991-12-31'],
    ['2022-12', '2022-12-01', '2022-12-31'],
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-09', '2023-09-01', '2023-09-30'],
    ['2023-01', '2023-01-01', '2023-01-31'],
    ['2023-09-20', '2023-09-20', '2023-09-20'],
    ['2023-09-20T01:30+04:00', '2023-09-20', '2023-09-20'],
    ['2023-09-19T20:30-05:00', '2023-09-19', '2023-09-19'],
    // Years 0 to 99 are not 1900 to 1999; year 0 is a leap year (divisible by 400), 100 is not.
    ['0000-02', '0000-02-01', '0000-02-29'],
    ['0079-08', '0079-08-01', '0079-08-31'],
    ['0099-02', '0099-02-01', '0099-02-28'],
    ['0100-02', '0100-02-01', '0100-02-28'],
  ])('%s covers %s to %s', (raw, first, last) => {
    expect(firstDay(date(raw))).toBe(first);
    expect(lastDay(date(raw))).toBe(last);
  });
});

describe('offsetLabel', () => {
  it.each<[number, string]>([
    [0, 'UTC'],
    [240, 'UTC+4'],
    [180, 'UTC+3'],
    [60, 'UTC+1'],
    [330, 'UTC+5:30'],
    [345, 'UTC+5:45'],
    [840, 'UTC+14'],
    [-300, 'UTC\u22125'],
    [-570, 'UTC\u22129:30'],
    [-30, 'UTC\u22120:30'],
  ])('%i minutes → %s', (minutes, label) => {
    expect(offsetLabel(minutes)).toBe(label);
  });
});

describe('regressions found while writing these tests', () => {
  it.each(['2023-09-20T13:00+04:60', '2023-09-20T13:00-05:99'])('%s has an impossible offset', (raw) => {
    expect(parseEventDate(raw)).toMatchObject({ kind: 'impossible' });
  });

  it('compares instants, not local days, when both dates are timed', () => {
    const start = parseEventDate('2023-09-21T01:30+04:00') as EventDate;
    const end = parseEventDate('2023-09-20T23:00Z') as EventDate;
    expect(endsBeforeStart(start, end)).toBe(false);
    expect(endsBeforeStart(end, start)).toBe(true);
  });
});
