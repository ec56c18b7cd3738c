import { tzOffset } from '@date-fns/tz';

export type Precision = 'year' | 'month' | 'day' | 'minute';

/** A date at the precision an article gives it, on a known clock where it has a time. */
export interface Point {
  precision: Precision;
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  /** Minutes east of UTC; only with a time. */
  offset?: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2020`, `2021-08`, `2023-09-20`, `2023-09-20T13:00+04:00`: the form an event's `date` takes. */
export function toIso(p: Point): string {
  if (p.precision === 'year') return pad(p.year, 4);
  if (p.precision === 'month') return `${pad(p.year, 4)}-${pad(p.month!)}`;
  const day = `${pad(p.year, 4)}-${pad(p.month!)}-${pad(p.day!)}`;
  if (p.precision === 'day') return day;
  return `${day}T${pad(p.hour!)}:${pad(p.minute!)}${offsetText(p.offset ?? 0)}`;
}

/** The instant of a timed point, `2023-09-20T09:00:00Z`; null without a time. */
export function toUtc(p: Point): string | null {
  if (p.precision !== 'minute') return null;
  const ms = Date.UTC(p.year, p.month! - 1, p.day!, p.hour!, p.minute!) - (p.offset ?? 0) * 60_000;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** `+04:00`, `-05:00`, `Z` is written `+00:00` so that the local clock stays visible. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Minutes east of UTC of a zone (`+04:00` or an IANA name) on a given calendar day. */
export function zoneOffset(zone: string, year: number, month: number, day: number): number {
  const fixed = /^([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
  return tzOffset(zone, new Date(Date.UTC(year, month - 1, day, 12)));
}

export type Unit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year' | 'decade';

const COARSER: Record<Unit, Precision> = { minute: 'minute', hour: 'minute', day: 'day', week: 'day', month: 'month', year: 'year', decade: 'year' };
const RANK: Record<Precision, number> = { year: 0, month: 1, day: 2, minute: 3 };

/**
 * Moves a point by `amount` units (negative: back). The result is no more precise than the unit allows
 * (`three years after` a day gives a year) nor than the point itself (a day after `September 2023` is still
 * September 2023). Hours and minutes keep a time only when the point has one.
 */
export function shift(p: Point, amount: number, unit: Unit): Point {
  let precision: Precision = RANK[COARSER[unit]] < RANK[p.precision] ? COARSER[unit] : p.precision;
  if ((unit === 'hour' || unit === 'minute') && p.precision !== 'minute') precision = p.precision;
  const base = Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 12, p.minute ?? 0);
  const d = new Date(base);
  if (unit === 'minute') d.setUTCMinutes(d.getUTCMinutes() + amount);
  else if (unit === 'hour') d.setUTCHours(d.getUTCHours() + amount);
  else if (unit === 'day') d.setUTCDate(d.getUTCDate() + amount);
  else if (unit === 'week') d.setUTCDate(d.getUTCDate() + 7 * amount);
  else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + amount, Math.min(p.day ?? 1, 28));
  else d.setUTCFullYear(d.getUTCFullYear() + amount * (unit === 'decade' ? 10 : 1));
  const out: Point = { precision, year: d.getUTCFullYear() };
  if (RANK[precision] >= 1) out.month = d.getUTCMonth() + 1;
  if (RANK[precision] >= 2) out.day = d.getUTCDate();
  if (precision === 'minute') Object.assign(out, { hour: d.getUTCHours(), minute: d.getUTCMinutes(), offset: p.offset ?? 0 });
  return out;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `Wednesday 20 September 2023`, `September 2023`, `2020`: a point in words, for notes. */
export function describePoint(p: Point): string {
  if (p.precision === 'year') return String(p.year);
  if (p.precision === 'month') return `${MONTHS[p.month! - 1]} ${p.year}`;
  const weekday = WEEKDAYS[new Date(Date.UTC(p.year, p.month! - 1, p.day!)).getUTCDay()];
  const day = `${weekday} ${p.day} ${MONTHS[p.month! - 1]} ${p.year}`;
  return p.precision === 'day' ? day : `${day}, ${pad(p.hour!)}:${pad(p.minute!)}`;
}

export function pointFromIso(raw: string): Point | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2}))?)?)?$/.exec(raw);
  if (!m) return null;
  const [, y, mo, d, h, mi, z] = m;
  if (h !== undefined) {
    return { precision: 'minute', year: +y!, month: +mo!, day: +d!, hour: +h, minute: +mi!, offset: z === 'Z' ? 0 : zoneOffset(z!, 2000, 1, 1) };
  }
  if (d !== undefined) return { precision: 'day', year: +y!, month: +mo!, day: +d };
  if (mo !== undefined) return { precision: 'month', year: +y!, month: +mo };
  return { precision: 'year', year: +y! };
}

export const atLeastDay = (p: Point) => RANK[p.precision] >= RANK.day;
