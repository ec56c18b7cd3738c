import { TZDate } from '@date-fns/tz';
import { UTCDate, utc } from '@date-fns/utc';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';

export type Precision = 'year' | 'month' | 'day' | 'minute';

/** An editor's date, kept as written, with what follows from it. Pure data: safe to serialise. */
export interface EventDate {
  /** Exactly as the editor wrote it. */
  raw: string;
  precision: Precision;
  /** The calendar date on the event's own clock, at its precision: `1991`, `2022-12`, `2023-09-20`. */
  local: string;
  /** Minutes east of UTC, for dates with a time. */
  offsetMinutes: number | null;
  /** The instant in UTC (`2023-09-20T09:00:00Z`), only for dates with a time. */
  utc: string | null;
  /** Local wall-clock time `13:00`, only for dates with a time. */
  localTime: string | null;
}

export type DateProblem =
  | { kind: 'format'; message: string }
  | { kind: 'impossible'; message: string }
  | { kind: 'needs-zone'; message: string };

const PATTERN =
  /^(?<y>\d{4})(?:-(?<mo>\d{2})(?:-(?<d>\d{2})(?:T(?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?<z>Z|[+-]\d{2}:\d{2})?)?)?)?$/;

export const DATE_EXAMPLES = '`1991`, `2022-12`, `2023-09-20` or `2023-09-20T13:00+04:00`';

/** Parses an ISO 8601 date at the precision it is written in, or says precisely what is wrong with it. */
export function parseEventDate(raw: string): EventDate | DateProblem {
  const match = PATTERN.exec(raw);
  if (!match?.groups) {
    return { kind: 'format', message: `Unexpected \`${raw}\`, expected ISO 8601 such as ${DATE_EXAMPLES}` };
  }
  const { y, mo, d, h, mi, s, z } = match.groups as Record<string, string | undefined>;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) {
    return { kind: 'impossible', message: `\`${raw}\` has no month ${mo}; months run from 01 to 12` };
  }
  if (d !== undefined && !isValid(parseISO(`${y}-${mo}-${d}`))) {
    return { kind: 'impossible', message: `\`${raw}\` is not a day on the calendar` };
  }
  if (h === undefined) {
    const precision: Precision = d !== undefined ? 'day' : mo !== undefined ? 'month' : 'year';
    return { raw, precision, local: raw, offsetMinutes: null, utc: null, localTime: null };
  }
  if (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59)) {
    return { kind: 'impossible', message: `\`${raw}\` has no time ${h}:${mi}${s ? `:${s}` : ''}` };
  }
  if (z === undefined) {
    return {
      kind: 'needs-zone',
      message: `\`${raw}\` has a time but no offset, so its moment is unknown; expected e.g. \`${raw}+04:00\``,
    };
  }
  const offsetMinutes = z === 'Z' ? 0 : offsetToMinutes(z);
  if (z !== 'Z' && Number(z.slice(4)) > 59) {
    return { kind: 'impossible', message: `\`${raw}\` has an offset with minute ${z.slice(4)}` };
  }
  if (Math.abs(offsetMinutes) > 14 * 60) {
    return { kind: 'impossible', message: `\`${raw}\` has an offset beyond ±14:00` };
  }
  const instant = parseISO(raw);
  const utcYear = instant.getUTCFullYear();
  // `9999-12-31T23:59-12:00` is in the year 10000 in UTC, which ISO 8601's four digits (and the exports) cannot write.
  if (utcYear < 0 || utcYear > 9999) {
    return { kind: 'impossible', message: `\`${raw}\` falls outside the years 0000 to 9999 in UTC` };
  }
  return {
    raw,
    precision: 'minute',
    local: `${y}-${mo}-${d}`,
    offsetMinutes,
    utc: format(instant, "uuuu-MM-dd'T'HH:mm:ss'Z'", { in: utc }),
    localTime: `${h}:${mi}`,
  };
}

export function isDateProblem(value: EventDate | DateProblem): value is DateProblem {
  return 'kind' in value;
}

function offsetToMinutes(z: string): number {
  const sign = z.startsWith('-') ? -1 : 1;
  const [hh, mm] = z.slice(1).split(':');
  return sign * (Number(hh) * 60 + Number(mm));
}

/** `+04:00` → `UTC+4`, `+05:30` → `UTC+5:30`: a neutral name for a clock. */
export function offsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '−' : '+';
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/**
 * Compares two dates in timeline order: by local calendar date (a year before its months, a month before its
 * days), then a day-only date before the timed ones of that day, then timed ones by their instant. The timeline's
 * own order (src/model/order.ts) adds parts of the day and `after`.
 * Returns 0 for dates the timeline cannot tell apart; callers add their own tie-break.
 */
export function compareEventDates(a: EventDate, b: EventDate): number {
  if (a.local !== b.local) return a.local < b.local ? -1 : 1;
  if (a.utc === null || b.utc === null) return (a.utc === null ? 0 : 1) - (b.utc === null ? 0 : 1);
  return a.utc < b.utc ? -1 : a.utc > b.utc ? 1 : 0;
}

/**
 * A calendar date as a UTC date. `new UTCDate(y, m, d)` would read years 0 to 99 as 1900 to 1999, as `Date` does;
 * setting the full year keeps `0079` in the year 79. Month and day may overflow (`d + 1`, day 0) as with `Date`.
 */
export function utcCalendarDate(year: number, monthIndex: number, day: number): UTCDate {
  const date = new UTCDate(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** The last calendar date (YYYY-MM-DD) covered by a date, for `end` checks and era boundaries. */
export function lastDay(date: EventDate): string {
  if (date.precision === 'year') return `${date.local}-12-31`;
  if (date.precision === 'month') {
    const [y, m] = date.local.split('-').map(Number) as [number, number];
    return format(utcCalendarDate(y, m, 0), 'uuuu-MM-dd', { in: utc });
  }
  return date.local;
}

/** True when `end` starts before `start` could have: `2023-09` may end a span starting `2023-09-19`. */
export function endsBeforeStart(start: EventDate, end: EventDate): boolean {
  // Two timed dates may be on different clocks: only their instants can be compared.
  if (start.utc !== null && end.utc !== null) return end.utc < start.utc;
  return lastDay(end) < firstDay(start);
}

export function firstDay(date: EventDate): string {
  if (date.precision === 'year') return `${date.local}-01-01`;
  if (date.precision === 'month') return `${date.local}-01`;
  return date.local;
}

const FIXED_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** The instant a date begins, in UTC: its own instant for a timed date, else 00:00 on its first day in `zone`. */
export function startInstant(date: EventDate, zone: string): string {
  if (date.utc !== null) return date.utc;
  const [y, m, d] = firstDay(date).split('-').map(Number) as [number, number, number];
  const fixed = FIXED_OFFSET.exec(zone);
  let ms: number;
  if (fixed) {
    // A fixed offset (the common case, and a hot path in large builds): plain arithmetic.
    const midnight = new Date(0);
    midnight.setUTCFullYear(y, m - 1, d);
    ms = midnight.getTime() - (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) * 60_000;
  } else {
    const start = new TZDate(y, m - 1, d, 0, 0, 0, zone);
    // As with Date, the constructor reads years 0 to 99 as 1900 to 1999.
    if (y < 100) start.setFullYear(y, m - 1, d);
    ms = start.getTime();
  }
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
