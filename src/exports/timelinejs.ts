import { TZDate } from '@date-fns/tz';
import { firstDay, type EventDate } from '../schema/dates.ts';
import { minuteInDay } from '../schema/part-of-day.ts';
import { eventDetailsHtml } from './feeds.ts';
import { cleanDeep, escapeHtml } from '../lib/html-text.ts';
import { formatEventDate } from '../model/labels.ts';
import type { Timeline } from '../views/site.ts';
import type { TimelineEvent } from '../model/timeline-event.ts';

/**
 * `/timeline.json` in TimelineJS3's JSON format (see shared/notes/timelinejs-export.md):
 *
 * - dates are floating wall-clock parts at the precision written (a year gives `{year}`, a month `{year, month}`,
 *   a day adds `day`, a time adds `hour` and `minute`); never UTC numbers and never ISO strings, which TimelineJS
 *   would move into the reader's zone. TimelineJS sorts slides by these parts, so every slide's start is on one
 *   clock, the site's (`site.yml` `time_zone`): 16:00 at +04:00 and 10:00 at −04:00 would otherwise swap;
 * - `display_date` says it in full, local time and GMT (`Wednesday 20 September 2023, 13:00 local time (UTC+4) ·
 *   09:00 GMT`);
 * - `unique_id` is the event id, so `#event-<id>` bookmarks are stable; `group` is the category label;
 * - the background era is an `eras[]` entry from its first event to the site's `era_start`;
 * - slides come in our own timeline order. A start that would sort before the slide ahead of it (a day-only or
 *   part-of-day event placed after a timed one, a part of the day taken at its start) takes that slide's start,
 *   and TimelineJS keeps our order for equal start dates. So a start is a sorting key, not a statement of time:
 *   what is known is in `display_date`, the event's own label on its own clock.
 *
 * TimelineJS puts headlines, texts, groups and display dates into the page as HTML, so every value is escaped
 * here and the only markup is ours and the sanitised body's.
 */

export interface TjsDate {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  display_date?: string;
}

export interface TjsSlide {
  unique_id?: string;
  start_date?: TjsDate;
  end_date?: TjsDate;
  display_date?: string;
  text: { headline: string; text: string };
  group?: string;
}

export interface TjsEra {
  start_date: TjsDate;
  end_date: TjsDate;
  text: { headline: string; text: string };
}

export interface TjsTimeline {
  scale: 'human';
  title: TjsSlide;
  events: TjsSlide[];
  eras: TjsEra[];
}

/** The date parts TimelineJS reads, at the date's precision, on the event's own clock. */
export function tjsDate(date: EventDate): TjsDate {
  const [year, month, day] = date.local.split('-').map(Number) as [number, number?, number?];
  const parts: TjsDate = { year };
  if (month !== undefined) parts.month = month;
  if (day !== undefined) parts.day = day;
  if (date.localTime !== null) {
    const [hour, minute] = date.localTime.split(':').map(Number) as [number, number];
    parts.hour = hour;
    parts.minute = minute;
  }
  return parts;
}

/**
 * Where a slide sorts, on the site's clock: a timed event's instant as the site's wall clock, a part of the day at
 * its start (`evening`: 17:00), anything else its own date parts.
 */
export function tjsStart(event: Pick<TimelineEvent, 'date' | 'partOfDay'>, zone: string): TjsDate {
  if (event.date.utc !== null) {
    const t = new TZDate(Date.parse(event.date.utc), zone);
    return { year: t.getFullYear(), month: t.getMonth() + 1, day: t.getDate(), hour: t.getHours(), minute: t.getMinutes() };
  }
  const minute = minuteInDay(event.date, event.partOfDay, zone);
  const parts = tjsDate(event.date);
  return minute !== null && Number.isFinite(minute) ? { ...parts, hour: Math.floor(minute / 60), minute: minute % 60 } : parts;
}

/** Orders two TimelineJS dates as TimelineJS does: missing parts are the first month, day, hour and minute. */
export function compareTjsDates(a: TjsDate, b: TjsDate): number {
  const key = (d: TjsDate) => [d.year, d.month ?? 1, d.day ?? 1, d.hour ?? 0, d.minute ?? 0];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return 0;
}

/**
 * One slide. An `end` that TimelineJS would read as no later than the start (`2023-09` ending a span that starts
 * `2023-09-19`: TimelineJS reads a month as its first day) is left out of `end_date`; `display_date` still
 * names the span.
 */
export function tjsSlide(event: TimelineEvent, base: string, start: TjsDate = tjsDate(event.date)): TjsSlide {
  const end = event.end ? tjsDate(event.end) : null;
  const endDate =
    event.end && end && compareTjsDates(end, start) > 0
      ? { end_date: { ...end, display_date: escapeHtml(formatEventDate(event.end, null, false)) } }
      : {};
  const slide: TjsSlide = {
    unique_id: event.id,
    // Without an end, the event's date label is the start's own.
    start_date: { ...start, display_date: escapeHtml(event.end ? formatEventDate(event.date, null, event.approximate) : event.dateLabel) },
    ...endDate,
    display_date: escapeHtml(event.dateLabel),
    text: {
      headline: escapeHtml(event.title),
      text: `${eventDetailsHtml(event, base, { dateLine: false })}\n<p><a href="${escapeHtml(`${base}${event.path}`)}">The full event, with its sources</a></p>`,
    },
    group: escapeHtml(event.categoryLabel),
  };
  return slide;
}

/**
 * The background era runs from its first event to the site's `era_start`. Both are dates at their own precision;
 * since background events begin before `era_start`, the two differ, as TimelineJS requires (#838).
 */
export function backgroundEra(events: readonly TimelineEvent[], eraStart: EventDate): TjsEra[] {
  const first = events.find((e) => e.era === 'background');
  if (!first) return [];
  const start = tjsDate(first.date);
  const end = tjsDate(eraStart);
  if (compareTjsDates(start, end) >= 0 || firstDay(first.date) >= firstDay(eraStart)) return [];
  return [{ start_date: start, end_date: end, text: { headline: 'Background', text: '' } }];
}

/** Each event's start on the site's clock, never before the start ahead of it, so TimelineJS's sort keeps our order. */
export function slideStarts(events: readonly Pick<TimelineEvent, 'date' | 'partOfDay'>[], zone: string): TjsDate[] {
  const starts: TjsDate[] = [];
  for (const event of events) {
    const own = tjsStart(event, zone);
    const previous = starts.at(-1);
    starts.push(previous && compareTjsDates(own, previous) < 0 ? { ...previous } : own);
  }
  return starts;
}

export function buildTimelineJs(timeline: Timeline): TjsTimeline {
  const { site } = timeline;
  const intro = site.introduction ?? site.description;
  return {
    scale: 'human',
    title: { text: { headline: escapeHtml(site.title), text: `<p>${escapeHtml(intro)}</p>` } },
    events: slideStarts(timeline.events, site.timeZone).map((start, i) => tjsSlide(timeline.events[i]!, site.url, start)),
    eras: backgroundEra(timeline.events, site.eraStart),
  };
}

/** `/timeline.json`, with keys in a fixed order so the file is byte-stable. */
export function timelineJs(timeline: Timeline): string {
  return `${JSON.stringify(cleanDeep(buildTimelineJs(timeline)), null, 2)}\n`;
}
