import { formatCalendarDate } from './labels.ts';
import { groupConsecutive } from './order.ts';
import type { Era, TimelineEvent } from './timeline-event.ts';

/**
 * The home page shows the whole timeline up to this many events; beyond it, the timeline is split into pages by
 * year, and a year with more than this many events into months, so that no listing grows without bound and the
 * home page stays small at any size. The bundled September 2023 timeline stays one page.
 */
export const PAGE_LIMIT = 150;

export interface Period {
  /** `2023`, or `2023-09` where a busy year is split by month. */
  key: string;
  label: string;
  path: string;
  count: number;
  eventIds: string[];
  eras: Era[];
  prev: { label: string; path: string } | null;
  next: { label: string; path: string } | null;
}

/** Splits sorted events into year (or month) pages, or returns none when they fit on one page. */
export function planPeriods(events: readonly TimelineEvent[], groupEras: (events: TimelineEvent[]) => Era[], limit = PAGE_LIMIT): Period[] {
  if (events.length <= limit) return [];
  const splitYears = new Set<string>();
  const groups = groupConsecutive(events, (e) => e.date.local.slice(0, 4)).flatMap((year) => {
    if (year.items.length <= limit) return [year];
    splitYears.add(year.key);
    return groupConsecutive(year.items, (e) => e.date.local.slice(0, 7));
  });
  const periods: Period[] = groups.map((g) => ({
    key: g.key,
    label: periodLabel(g.key, splitYears.has(g.key)),
    path: `/timeline/${g.key}/`,
    count: g.items.length,
    eventIds: g.items.map((e) => e.id),
    eras: groupEras(g.items),
    prev: null,
    next: null,
  }));
  periods.forEach((p, i) => {
    const link = (o: Period | undefined) => (o ? { label: o.label, path: o.path } : null);
    p.prev = link(periods[i - 1]);
    p.next = link(periods[i + 1]);
  });
  return periods;
}

/** `2023`, `September 2023`; a split year's events dated by year only get their own page, labelled so. */
export function periodLabel(key: string, yearOnlyOfSplitYear = false): string {
  if (key.length === 4) return yearOnlyOfSplitYear ? `${key}: events dated by year only` : key;
  return formatCalendarDate({ raw: key, precision: 'month', local: key, offsetMinutes: null, utc: null, localTime: null });
}
