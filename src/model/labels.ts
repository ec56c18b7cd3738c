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
  const part = partOfDay && date.precision === 'day' ? `, ${partLabel(partOfDay).toLowerCase()}` : '';
  const start = `${withTime(date, approximate)}${part}`;
  const label = end ? `${start} – ${withTime(end, false)}` : start;
  // One parenthesis for everything said about the label, not one each ("evening (time not reported) (approximate)").
  const notes = [...(part ? ['no exact time reported'] : []), ...(approximate && date.precision !== 'minute' ? ['approximate'] : [])];
  return notes.length ? `${label} (${notes.join('; ')})` : label;
}

function withTime(date: EventDate, approximate: boolean): string {
  const time = formatTime(date, approximate);
  return time ? `${formatCalendarDate(date)}, ${time}` : formatCalendarDate(date);
}

/** `A`, `A or B`, `A, B or C`. */
function orList(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? '');
}

/**
 * The other names an actor or place is shown with, as a phrase after its name: `also called Artsakh or
 * Karabakh; also spelled Yevlax`. Null when it has none. Matching aids (`aliases`) never appear: they are not names.
 */
export function otherNames(alsoCalled: readonly string[] = [], alsoSpelled: readonly string[] = []): string | null {
  const parts = [alsoCalled.length ? `also called ${orList(alsoCalled)}` : null, alsoSpelled.length ? `also spelled ${orList(alsoSpelled)}` : null];
  const shown = parts.filter((p): p is string => p !== null);
  return shown.length ? shown.join('; ') : null;
}

/** What a day's heading already says about its events' times, so that their lines need not repeat it. */
export interface DayStates {
  /** The heading says that no time was reported for the events without one. */
  noTime: boolean;
  /** Some events of the day have a clock time: the heading's note speaks only of the others. */
  someTimed: boolean;
  /** Every event of the day has an approximate day (or month, or year). */
  approximate: boolean;
}

const NOTHING_STATED: DayStates = { noTime: false, someTimed: false, approximate: false };

/**
 * What an event's line says under its day heading, as a sentence (`The day is approximate; no time was reported.`,
 * `Ongoing until Wednesday 20 September 2023; no time was reported.`), or its clock time; null when the heading
 * says it all. What the day's note states (`stated`) is left out.
 */
export function timeNote(date: EventDate, end: EventDate | null, approximate: boolean, partOfDay: PartOfDay | null = null, stated: DayStates = NOTHING_STATED): string | null {
  const until = end ? `ongoing until ${formatCalendarDate(end)}` : null;
  if (date.precision === 'minute') {
    const time = formatTime(date, approximate)!;
    return until ? `${time}; ${until}.` : time;
  }
  const clauses: string[] = [];
  if (until) clauses.push(until);
  if (date.precision === 'day') {
    if (partOfDay) clauses.push(`in the ${partLabel(partOfDay).toLowerCase()}`);
    if (approximate && !stated.approximate) clauses.push('the day is approximate');
    if (!stated.noTime) clauses.push('no time was reported');
  } else if (approximate && !stated.approximate) clauses.push('the date is approximate');
  if (clauses.length === 0) return null;
  const [first, ...rest] = clauses as [string, ...string[]];
  const text = rest.length ? `${first}; ${rest.join(' and ')}` : first;
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/**
 * What a day's heading says once for all its events, where they share it: that no time was reported (for all of
 * them, or, where some have a time, for two or more others), and that the date is approximate where it is for
 * all of them. A month or a year says only the latter. Null where there is nothing to share.
 */
export function dayStates(events: readonly { date: EventDate; approximate: boolean }[]): DayStates | null {
  if (events.length === 0) return null;
  const approximate = events.every((e) => e.approximate);
  const untimed = events.filter((e) => e.date.precision === 'day').length;
  if (untimed === events.length) return { noTime: true, someTimed: false, approximate };
  if (untimed >= 2 && events.every((e) => e.date.precision === 'day' || e.date.precision === 'minute')) return { noTime: true, someTimed: true, approximate: false };
  if (approximate && events.every((e) => e.date.precision === 'month' || e.date.precision === 'year')) return { noTime: false, someTimed: false, approximate };
  return null;
}

/** The note under a day heading for what `dayStates` found: `No times were reported for these events.` */
export function dayNote(states: DayStates | null, count: number): string | null {
  if (!states) return null;
  if (!states.noTime) return count === 1 ? 'The date of this event is approximate.' : 'The dates of these events are approximate.';
  if (states.someTimed) return 'No time was reported for the events listed without one.';
  const times = count === 1 ? 'no time was reported for this event' : 'no times were reported for these events';
  return states.approximate ? `The day is approximate; ${times}.` : `${times[0]!.toUpperCase()}${times.slice(1)}.`;
}
