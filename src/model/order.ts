import { compareEventDates } from '../schema/dates.ts';
import type { EventRecord } from '../schema/records.ts';

/**
 * Timeline order, documented in the README: local calendar date (a year before its months, a month before its
 * days), a day-only event before the timed events of its day, timed events by their instant, then the editor's
 * `sequence`, then the id, so that equal dates always come out in the same order.
 */
export function compareEvents(a: EventRecord, b: EventRecord): number {
  return compareEventDates(a.date, b.date) || a.sequence - b.sequence || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sortEvents<T extends EventRecord>(events: readonly T[]): T[] {
  return [...events].sort(compareEvents);
}

export interface Group<T> {
  key: string;
  items: T[];
}

/** Groups already-sorted items by a key, keeping order; consecutive equal keys form one group. */
export function groupConsecutive<T>(items: readonly T[], key: (item: T) => string): Group<T>[] {
  const groups: Group<T>[] = [];
  for (const item of items) {
    const k = key(item);
    const last = groups[groups.length - 1];
    if (last && last.key === k) last.items.push(item);
    else groups.push({ key: k, items: [item] });
  }
  return groups;
}
