import { minuteInDay } from '../schema/part-of-day.ts';
import type { EventRecord } from '../schema/records.ts';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Timeline order without `after`, documented in the README: local calendar date (a year before its months, a
 * month before its days); within a day, an event with only the day first, then timed events (by instant) and
 * events with a part of the day (at the start of that part on the site's clock: "evening" after 13:00, before a
 * timed 18:00) by `minuteInDay`, a part of the day before a timed event at the very minute it starts; then the
 * editor's `sequence`, then the id, so that equal places always come out in the same order.
 */
export function compareEvents(a: EventRecord, b: EventRecord, zone: string): number {
  if (a.date.local !== b.date.local) return a.date.local < b.date.local ? -1 : 1;
  const ma = minuteInDay(a.date, a.partOfDay, zone) ?? 0;
  const mb = minuteInDay(b.date, b.partOfDay, zone) ?? 0;
  if (ma !== mb) return ma < mb ? -1 : 1;
  const timed = (a.date.utc === null ? 0 : 1) - (b.date.utc === null ? 0 : 1);
  return timed || a.sequence - b.sequence || byId(a, b);
}

/**
 * The one timeline order, used by every page, feed and export: `compareEvents`, then each event with `after`
 * moved to just after the event it names (several after one anchor by `sequence`, then id; chains follow their
 * links). An `after` that names no event of the same day, or that closes a loop, is rejected by validation; here
 * such an event simply keeps its place from `compareEvents`.
 */
export function sortEvents<T extends EventRecord>(events: readonly T[], zone: string): T[] {
  const base = [...events].sort((a, b) => compareEvents(a, b, zone));
  const byIdMap = new Map(base.map((e) => [e.id, e]));
  const followers = new Map<string, T[]>();
  const anchored = new Set<string>();
  for (const e of base) {
    if (!e.after || !placeable(e, byIdMap)) continue;
    followers.set(e.after, [...(followers.get(e.after) ?? []), e]);
    anchored.add(e.id);
  }
  const out: T[] = [];
  const emit = (e: T) => {
    out.push(e);
    const next = (followers.get(e.id) ?? []).sort((a, b) => a.sequence - b.sequence || byId(a, b));
    for (const f of next) emit(f);
  };
  for (const e of base) if (!anchored.has(e.id)) emit(e);
  return out;
}

/** True when following `after` links from `event` reaches an event of the same day without coming back to it. */
function placeable(event: EventRecord, byIdMap: ReadonlyMap<string, EventRecord>): boolean {
  const seen = new Set([event.id]);
  for (let e: EventRecord | undefined = event; e?.after; ) {
    const anchor = byIdMap.get(e.after);
    if (!anchor || anchor.date.local !== event.date.local || seen.has(anchor.id)) return false;
    seen.add(anchor.id);
    e = anchor;
  }
  return true;
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
