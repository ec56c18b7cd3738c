import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/project.ts';
import { formatCalendarDate, formatDayHeading, formatEventDate, formatShortDate, formatTime, otherNames, timeNote } from '../../src/model/labels.ts';
import { matchingNames, placeSchema } from '../../src/schema/lists.ts';
import { parsePartOfDay } from '../../src/schema/part-of-day.ts';
import { date } from './support/dates.ts';

describe('formatDayHeading', () => {
  it.each([
    ['2023-09-20', 'Wednesday 20 September 2023'],
    ['2023-09-19', 'Tuesday 19 September 2023'],
    ['2023-09-01', 'Friday 1 September 2023'],
    ['2024-02-29', 'Thursday 29 February 2024'],
    ['2000-01-01', 'Saturday 1 January 2000'],
    ['2023-12-31', 'Sunday 31 December 2023'],
  ])('%s → %s', (day, heading) => {
    expect(formatDayHeading(day)).toBe(heading);
  });
});

describe('formatCalendarDate and formatShortDate, per precision', () => {
  it.each([
    ['1991', '1991', '1991'],
    ['2022-12', 'December 2022', 'Dec 2022'],
    ['2023-01', 'January 2023', 'Jan 2023'],
    ['2023-09-19', 'Tuesday 19 September 2023', '19 Sep 2023'],
    // A timed date is named by its local calendar date, not its UTC one.
    ['2023-09-20T01:30+04:00', 'Wednesday 20 September 2023', '20 Sep 2023'],
    ['2023-09-19T20:30-05:00', 'Tuesday 19 September 2023', '19 Sep 2023'],
  ])('%s → %s / %s', (raw, full, short) => {
    expect(formatCalendarDate(date(raw))).toBe(full);
    expect(formatShortDate(date(raw))).toBe(short);
  });
});

describe('formatTime', () => {
  it.each<[string, boolean, string | null]>([
    ['2023-09-20T13:00+04:00', false, '13:00 local time (UTC+4) · 09:00 GMT'],
    ['2023-09-20T13:00:00+04:00', false, '13:00 local time (UTC+4) · 09:00 GMT'],
    ['2023-09-20T13:00+04:00', true, 'about 13:00 local time (UTC+4) · 09:00 GMT'],
    ['2023-09-20T13:00+05:30', false, '13:00 local time (UTC+5:30) · 07:30 GMT'],
    ['2023-09-20T13:00+03:00', false, '13:00 local time (UTC+3) · 10:00 GMT'],
    // The GMT part names its own date when it falls on another day.
    ['2023-09-20T01:30+04:00', false, '01:30 local time (UTC+4) · 21:30 GMT, 19 September'],
    ['2023-09-19T20:30-05:00', false, '20:30 local time (UTC\u22125) · 01:30 GMT, 20 September'],
    ['2024-01-01T00:15+01:00', false, '00:15 local time (UTC+1) · 23:15 GMT, 31 December'],
    ['2023-09-20T13:00Z', false, '13:00 GMT'],
    ['2023-09-20T13:00Z', true, 'about 13:00 GMT'],
    ['2023-09-20', false, null],
    ['2023-09-20', true, null],
    ['2023-09', false, null],
    ['1991', false, null],
  ])('%s (approximate %s) → %s', (raw, approximate, label) => {
    expect(formatTime(date(raw), approximate)).toBe(label);
  });

  it('is not approximate unless asked', () => {
    expect(formatTime(date('2023-09-20T13:00+04:00'))).toBe('13:00 local time (UTC+4) · 09:00 GMT');
  });
});

describe('formatEventDate', () => {
  it.each<[string, string | null, boolean, string]>([
    ['2023-09-20T13:00+04:00', null, false, 'Wednesday 20 September 2023, 13:00 local time (UTC+4) · 09:00 GMT'],
    ['2023-09-20T13:00+04:00', null, true, 'Wednesday 20 September 2023, about 13:00 local time (UTC+4) · 09:00 GMT'],
    ['2023-09-20T01:30+04:00', null, false, 'Wednesday 20 September 2023, 01:30 local time (UTC+4) · 21:30 GMT, 19 September'],
    ['2023-09-20', null, false, 'Wednesday 20 September 2023'],
    ['2023-09-20', null, true, 'Wednesday 20 September 2023 (approximate)'],
    ['2023-09', null, true, 'September 2023 (approximate)'],
    ['1991', null, true, '1991 (approximate)'],
    ['1991', null, false, '1991'],
    ['2023-09-19', '2023-09-20', false, 'Tuesday 19 September 2023 – Wednesday 20 September 2023'],
    ['2023-09-19', '2023-09-20', true, 'Tuesday 19 September 2023 – Wednesday 20 September 2023 (approximate)'],
    ['1988', '1994', false, '1988 – 1994'],
    ['2022-12', '2023-09', false, 'December 2022 – September 2023'],
    [
      '2023-09-20T13:00+04:00',
      '2023-09-20T15:00+04:00',
      false,
      'Wednesday 20 September 2023, 13:00 local time (UTC+4) · 09:00 GMT – Wednesday 20 September 2023, 15:00 local time (UTC+4) · 11:00 GMT',
    ],
    // Only the start is hedged: the end keeps its own time, and a timed date takes `about`, not `(approximate)`.
    [
      '2023-09-20T13:00+04:00',
      '2023-09-21',
      true,
      'Wednesday 20 September 2023, about 13:00 local time (UTC+4) · 09:00 GMT – Thursday 21 September 2023',
    ],
  ])('%s to %s (approximate %s)', (start, end, approximate, label) => {
    expect(formatEventDate(date(start), end === null ? null : date(end), approximate)).toBe(label);
  });
});

// `new Date(79, 7, 24)` means 1979: years 0 to 99 must keep their own year. Weekdays checked against the
// proleptic Gregorian calendar (Python's datetime: 24 August 79 and 31 December 99 were Thursdays; 0000-02-29
// falls 400 years, a whole number of weeks, before 0400-02-29, a Tuesday).
describe('years 0 to 100', () => {
  it.each([
    ['0000-02-29', 'Tuesday 29 February 0', '29 Feb 0'],
    ['0079-08-24', 'Thursday 24 August 79', '24 Aug 79'],
    ['0099-12-31', 'Thursday 31 December 99', '31 Dec 99'],
    ['0100-03-01', 'Monday 1 March 100', '1 Mar 100'],
  ])('%s → %s', (raw, long, short) => {
    expect(formatCalendarDate(date(raw))).toBe(long);
    expect(formatShortDate(date(raw))).toBe(short);
  });

  it('names the month of a month date in those years', () => {
    expect(formatCalendarDate(date('0079-08'))).toBe('August 79');
    expect(formatEventDate(date('0079-08-24T13:00+02:00'), null, false)).toBe('Thursday 24 August 79, 13:00 local time (UTC+2) · 11:00 GMT');
  });
});

describe('parts of the day', () => {
  it.each<[string | null, boolean, string]>([
    ['evening', false, 'In the evening; no time was reported.'],
    ['late evening', false, 'In the late evening; no time was reported.'],
    ['early morning', true, 'In the early morning; the day is approximate and no time was reported.'],
    [null, false, 'No time was reported.'],
  ])('timeNote with %s (approximate %s)', (part, approximate, note) => {
    expect(timeNote(date('2023-09-20'), null, approximate, part === null ? null : parsePartOfDay(part))).toBe(note);
  });

  it('formatEventDate says the part of the day and that the time is not reported', () => {
    expect(formatEventDate(date('2023-09-20'), null, true, parsePartOfDay('late evening'))).toBe(
      'Wednesday 20 September 2023, late evening (no exact time reported; approximate)',
    );
  });
});

describe('otherNames: the names shown beside an actor’s or place’s own', () => {
  it.each<[string[], string[], string | null]>([
    [[], [], null],
    [['Artsakh'], [], 'also called Artsakh'],
    [['Artsakh', 'Karabakh'], [], 'also called Artsakh or Karabakh'],
    [['Khankendi', 'Xankəndi', 'Stepanakert'], [], 'also called Khankendi, Xankəndi or Stepanakert'],
    [[], ['Yevlax'], 'also spelled Yevlax'],
    [['Artsakh'], ['Chanyatagh', 'Janyatag'], 'also called Artsakh; also spelled Chanyatagh or Janyatag'],
  ])('%j called, %j spelled → %j', (called, spelled, phrase) => {
    expect(otherNames(called, spelled)).toBe(phrase);
  });
});

describe('matchingNames: what extraction and search match, beyond what is shown', () => {
  it('keeps descriptions and misspellings out of the shown names but in the matched ones', () => {
    const place = placeSchema.parse({ name: 'Yevlakh', also_spelled: ['Yevlax'], aliases: ['Yevlkah', 'Yevlax'], coordinates: [40.6, 47.1] });
    expect(matchingNames(place)).toEqual(['Yevlax', 'Yevlkah']);
    expect(otherNames(place.also_called, place.also_spelled)).toBe('also spelled Yevlax');
  });

  it('shows no description from the content as a name', () => {
    for (const file of ['content/places.yml', 'content/actors.yml']) {
      const entries = Object.values(parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, { also_called?: string[]; also_spelled?: string[] }>);
      // A description starts lowercase (`the enclave`, `regional capital`); a name does not.
      for (const e of entries) for (const n of [...(e.also_called ?? []), ...(e.also_spelled ?? [])]) expect(n, file).toMatch(/^\p{Lu}/u);
    }
  });
});
