import { utc, type UTCDate } from '@date-fns/utc';
import { format } from 'date-fns/format';
import { offsetLabel, utcCalendarDate, type EventDate } from '../schema/dates.ts';
import { partLabel, type PartOfDay } from '../schema/part-of-day.ts';

// Calendar arithmetic on UTC dates: no time zone enters a calendar label, and UTCDate needs no Intl look-up per call.
// Years print with `u`, the proleptic year: `79` for 0079 and `0` for 0000 (`y` would print year 0 as 1, its year of era).
function calendarDate(local: string): UTCDate {
  const [y, m = 1, d = 1] = local.split('-').map(Number) as [number, number?, number?];
  return utcCalendarDate(y, m - 1, d);
}

/** `Wednesday 20 September 2023`: the heading of a day on the timeline. */
export function formatDayHeading(localDay: string): string {
  return format(calendarDate(localDay), 'EEEE d MMMM u', { in: utc });
}

/** The date alone at its precision: `1991`, `December 2022`, `Tuesday 19 September 2023`. */
export function formatCalendarDate(date: EventDate): string {
  if (date.precision === 'year') return date.local;
  if (date.precision === 'month') return format(calendarDate(date.local), 'MMMM u', { in: utc });
  return formatDayHeading(date.local);
}

/** Short form for lists: `1991`, `Dec 2022`, `19 Sep 2023`. */
export function formatShortDate(date: EventDate): string {
  if (date.precision === 'year') return date.local;
  if (date.precision === 'month') return format(calendarDate(date.local), 'MMM u', { in: utc });
  return format(calendarDate(date.local), 'd MMM u', { in: utc });
}

/**
 * `13:00 local time (UTC+4) · 09:00 GMT`. The local clock is named by its offset, never by a national zone
 * abbreviation: in a disputed region the clock's name takes a side. The GMT part names its own date when it
 * falls on another day.
 */
export function formatTime(date: EventDate, approximate = false): string | null {
  if (date.utc === null || date.localTime === null || date.offsetMinutes === null) return null;
  const about = approximate ? 'about ' : '';
  const gmtTime = date.utc.slice(11, 16);
  const gmtDay = date.utc.slice(0, 10);
  const gmtDate = gmtDay === date.local ? '' : `, ${format(calendarDate(gmtDay), 'd MMMM', { in: utc })}`;
  if (date.offsetMinutes === 0) return `${about}${gmtTime} GMT${gmtDate}`;
  return `${about}${date.localTime} local time (${offsetLabel(date.offsetMinutes)}) · ${gmtTime} GMT${gmtDate}`;
}

/** The full label of an event's date: calendar date, time, span and approximation in one line. */
export function formatEventDate(date: EventDate, end: EventDate | null, approximate: boolean, partOfDay: PartOfDay | null = null): string {
  const part = partOfDay && date.precision === 'day' ? `, ${partLabel(partOfDay).toLowerCase()} (time not reported)` : '';
  const start = `${withTime(date, approximate)}${part}`;
  const label = end ? `${start} – ${withTime(end, false)}` : start;
  return approximate && date.precision !== 'minute' ? `${label} (approximate)` : label;
}

function withTime(date: EventDate, approximate: boolean): string {
  const time = formatTime(date, approximate);
  return time ? `${formatCalendarDate(date)}, ${time}` : formatCalendarDate(date);
}

/** What an event's line says under its day heading, instead of repeating the date. */
export function timeNote(date: EventDate, end: EventDate | null, approximate: boolean, partOfDay: PartOfDay | null = null): string | null {
  const parts: string[] = [];
  const notReported = partOfDay ? `${partLabel(partOfDay)}, time not reported` : 'Time not reported';
  if (date.precision === 'minute') parts.push(formatTime(date, approximate)!);
  else if (date.precision === 'day') parts.push(approximate ? `${notReported}; day approximate` : notReported);
  else if (approximate) parts.push('Approximate date');
  if (end) parts.push(`${parts.length ? 'until' : 'Until'} ${formatCalendarDate(end)}`);
  return parts.length ? parts.join(', ') : null;
}
