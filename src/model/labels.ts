import { UTCDate, utc } from '@date-fns/utc';
import { format } from 'date-fns/format';
import { offsetLabel, type EventDate } from '../schema/dates.ts';

// Calendar arithmetic on UTC dates: no time zone enters a calendar label, and UTCDate needs no Intl look-up per call.
function calendarDate(local: string): UTCDate {
  const [y, m = 1, d = 1] = local.split('-').map(Number) as [number, number?, number?];
  return new UTCDate(y, m - 1, d);
}

/** `Wednesday 20 September 2023`: the heading of a day on the timeline. */
export function formatDayHeading(localDay: string): string {
  return format(calendarDate(localDay), 'EEEE d MMMM yyyy', { in: utc });
}

/** The date alone at its precision: `1991`, `December 2022`, `Tuesday 19 September 2023`. */
export function formatCalendarDate(date: EventDate): string {
  if (date.precision === 'year') return date.local;
  if (date.precision === 'month') return format(calendarDate(date.local), 'MMMM yyyy', { in: utc });
  return formatDayHeading(date.local);
}

/** Short form for lists: `1991`, `Dec 2022`, `19 Sep 2023`. */
export function formatShortDate(date: EventDate): string {
  if (date.precision === 'year') return date.local;
  if (date.precision === 'month') return format(calendarDate(date.local), 'MMM yyyy', { in: utc });
  return format(calendarDate(date.local), 'd MMM yyyy', { in: utc });
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
export function formatEventDate(date: EventDate, end: EventDate | null, approximate: boolean): string {
  const start = withTime(date, approximate);
  const label = end ? `${start} – ${withTime(end, false)}` : start;
  return approximate && date.precision !== 'minute' ? `${label} (approximate)` : label;
}

function withTime(date: EventDate, approximate: boolean): string {
  const time = formatTime(date, approximate);
  return time ? `${formatCalendarDate(date)}, ${time}` : formatCalendarDate(date);
}

/** What an event's line says under its day heading, instead of repeating the date. */
export function timeNote(date: EventDate, end: EventDate | null, approximate: boolean): string | null {
  const parts: string[] = [];
  if (date.precision === 'minute') parts.push(formatTime(date, approximate)!);
  else if (date.precision === 'day') parts.push(approximate ? 'Time not reported; day approximate' : 'Time not reported');
  else if (approximate) parts.push('Approximate date');
  if (end) parts.push(`${parts.length ? 'until' : 'Until'} ${formatCalendarDate(end)}`);
  return parts.length ? parts.join(', ') : null;
}
