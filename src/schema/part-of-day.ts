import { startInstant, type EventDate } from './dates.ts';

/**
 * A part of the day, for events whose articles say "on Wednesday evening" but give no time. The ranges are on the
 * local clock and only place such an event among the timed ones of its day; no label ever shows them.
 */
export const PARTS_OF_DAY = {
  morning: [5 * 60, 12 * 60],
  afternoon: [12 * 60, 17 * 60],
  evening: [17 * 60, 21 * 60],
  night: [21 * 60, 24 * 60],
} as const;

export type Part = keyof typeof PARTS_OF_DAY;
export type PartModifier = 'early' | 'late';

export interface PartOfDay {
  part: Part;
  modifier: PartModifier | null;
}

/** Every value `part_of_day` accepts: `evening`, `early evening`, `late evening`, … */
export const PART_OF_DAY_VALUES = (Object.keys(PARTS_OF_DAY) as Part[]).flatMap((p) => [p, `early ${p}`, `late ${p}`]) as [string, ...string[]];

export function parsePartOfDay(value: string): PartOfDay {
  const [first, second] = value.split(' ') as [string, string?];
  return second === undefined ? { part: first as Part, modifier: null } : { part: second as Part, modifier: first as PartModifier };
}

/** Local minutes [from, to) that a part of the day covers: "early" is its first half, "late" its second. */
export function partRange({ part, modifier }: PartOfDay): [number, number] {
  const [from, to] = PARTS_OF_DAY[part];
  const middle = (from + to) / 2;
  return modifier === 'early' ? [from, middle] : modifier === 'late' ? [middle, to] : [from, to];
}

/** `Late evening`, `Morning`. */
export function partLabel({ part, modifier }: PartOfDay): string {
  const words = modifier ? `${modifier} ${part}` : part;
  return words[0]!.toUpperCase() + words.slice(1);
}

/**
 * Where an event sits within its local day, in minutes after midnight on the site's clock: a timed event at its
 * instant, an event with a part of the day at the start of that part. -Infinity for an event with only the day
 * (it has no place within it), null for year and month dates, which have no day.
 */
export function minuteInDay(date: EventDate, partOfDay: PartOfDay | null, zone: string): number | null {
  if (date.precision === 'year' || date.precision === 'month') return null;
  if (date.utc !== null) return (Date.parse(date.utc) - Date.parse(startInstant({ ...date, precision: 'day', utc: null }, zone))) / 60_000;
  return partOfDay ? partRange(partOfDay)[0] : -Infinity;
}

/** The earliest and latest minute of the day an event can have been at, as far as its date says: [from, to). */
export function possibleMinutes(date: EventDate, partOfDay: PartOfDay | null, zone: string): [number, number] {
  if (date.utc !== null) {
    const m = minuteInDay(date, null, zone)!;
    return [m, m + 1];
  }
  return partOfDay && date.precision === 'day' ? partRange(partOfDay) : [-Infinity, Infinity];
}
