import { utc } from '@date-fns/utc';
import { format } from 'date-fns/format';
import { UPDATE_TYPES, type UpdateType } from '../schema/vocabulary.ts';
import { lastDay, utcCalendarDate, offsetLabel, parseEventDate, startInstant, type EventDate } from '../schema/dates.ts';
import { citedSourceIds } from './citations.ts';
import { formatCalendarDate, formatShortDate } from './labels.ts';
import { asOfPath, sourcePath } from './links.ts';
import type { Claim, EventRecord, EventUpdate } from '../schema/records.ts';

/**
 * The second clock: when things were reported, kept apart from when they happened.
 *
 * - A source is reported at its `published` date; a claim at its `reported` date where the article says when the
 *   claimant gave the figure, else at its source's `published` date.
 * - An event is first reported by the earliest of the sources it cites (in `sources` or `claims`); sources
 *   published at the same moment are all listed, in citation order.
 * - The reporting moments are the distinct publication dates of the sources, in order.
 * - Something counts as known at a moment when it was reported at or before it. A date with a time counts from
 *   its instant. A date without a time (`2023-09-20`, and likewise a month or a year) counts from the END of its
 *   last day in the site's time zone (24:00, the next day's 00:00): an article dated only to the day may have
 *   appeared at any hour of it, so it is certainly out only once the day is over. The page "as of 20 September
 *   2023" is thus the timeline at the end of that day, and a moment of 18:00 that day does not yet include the
 *   articles dated only to the day.
 *
 * Every instant is an ISO string in UTC (`2023-09-20T20:00:00Z`), so comparing strings compares instants.
 * Pure: the time zone comes in as an argument; nothing reads the clock.
 */

/**
 * Work done once per date object and zone: every source's date is looked at by every event citing it. Keyed weakly
 * on the date objects, which each build makes anew, so nothing outlives the content it came from.
 */
const knownCache = new WeakMap<EventDate, Map<string, string>>();
const labelCache = new WeakMap<EventDate, string>();

/** The instant from which a date counts as known, as documented above. */
export function knownFrom(date: EventDate, zone: string): string {
  if (date.utc !== null) return date.utc;
  let byZone = knownCache.get(date);
  if (!byZone) knownCache.set(date, (byZone = new Map()));
  let found = byZone.get(zone);
  if (found === undefined) byZone.set(zone, (found = endOfDate(date, zone)));
  return found;
}

function endOfDate(date: EventDate, zone: string): string {
  const [y, m, d] = lastDay(date).split('-').map(Number) as [number, number, number];
  const next = utcCalendarDate(y, m - 1, d + 1);
  const nextDay = parseEventDate(format(next, 'uuuu-MM-dd', { in: utc }));
  if ('kind' in nextDay) throw new Error(`Internal error: no day after ${date.raw}`);
  return startInstant(nextDay, zone);
}

/** `20 September 2023`, `September 2023`, `1991`; a timed date as `20 September 2023, 14:00 GMT`. */
export function formatReportDate(date: EventDate): string {
  let found = labelCache.get(date);
  if (found === undefined) labelCache.set(date, (found = reportDateLabel(date)));
  return found;
}

function reportDateLabel(date: EventDate): string {
  if (date.utc !== null) {
    const [y, m, d] = date.utc.slice(0, 10).split('-').map(Number) as [number, number, number];
    return `${format(utcCalendarDate(y, m - 1, d), 'd MMMM u', { in: utc })}, ${date.utc.slice(11, 16)} GMT`;
  }
  if (date.precision === 'day') return formatCalendarDate(date).replace(/^\S+ /, '');
  return formatCalendarDate(date);
}

/** A site time zone as readers see it: `+04:00` → `UTC+4`; an IANA zone by its name. */
export function zoneLabel(zone: string): string {
  const fixed = /^([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (!fixed) return zone;
  return offsetLabel((fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])));
}

export interface ReportedSource {
  id: string;
  title: string;
  path: string;
}

export interface FirstReport {
  date: EventDate;
  /** For `<time datetime>`: the date as written in the source. */
  datetime: string;
  /** When it counts as known: see `knownFrom`. */
  instant: string;
  /** `20 September 2023` */
  label: string;
  /** Every source published at that moment, in citation order. */
  sources: ReportedSource[];
  /** The "what was known when" page of that moment. */
  momentPath: string;
}

type SourceInfo = { id: string; title: string; published: EventDate };

/** When and where an event was first reported: the earliest of the sources it cites, ties listed. */
export function firstReport(
  event: Pick<EventRecord, 'sources' | 'claims'>,
  sourceById: ReadonlyMap<string, SourceInfo>,
  zone: string,
): FirstReport {
  const cited = citedSourceIds(event).map((id) => {
    const source = sourceById.get(id);
    if (!source) throw new Error(`Internal error: unknown source ${id}`);
    return { source, instant: knownFrom(source.published, zone) };
  });
  if (cited.length === 0) throw new Error('Internal error: an event without sources');
  const earliest = cited.reduce((min, c) => (c.instant < min ? c.instant : min), cited[0]!.instant);
  const first = cited.filter((c) => c.instant === earliest);
  const date = first[0]!.source.published;
  return {
    date,
    datetime: date.raw,
    instant: earliest,
    label: formatReportDate(date),
    sources: first.map((c) => ({ id: c.source.id, title: c.source.title, path: sourcePath(c.source.id) })),
    momentPath: asOfPath(momentSlug(date)),
  };
}

export interface ClaimReport {
  /** `claim.reported` where the article says when the claimant gave the figure, else the source's `published`. */
  reportedAt: EventDate;
  /** True when the article states when the claimant gave it (`reported` is set). */
  reportedStated: boolean;
  reportedInstant: string;
  /** `20 Sep 2023` */
  reportedLabel: string;
}

export function claimReport(claim: Pick<Claim, 'reported'>, sourcePublished: EventDate, zone: string): ClaimReport {
  const reportedAt = claim.reported ?? sourcePublished;
  return {
    reportedAt,
    reportedStated: claim.reported !== null,
    reportedInstant: knownFrom(reportedAt, zone),
    reportedLabel: formatShortDate(reportedAt),
  };
}

export interface UpdateView {
  type: UpdateType;
  text: string;
  datetime: string;
  /** `Corrected` or `Updated` */
  verb: string;
  /** `21 September 2023` */
  dateLabel: string;
  /** `Corrected 21 September 2023` */
  label: string;
}

/** An event's log for its page: oldest first, each introduced as `Corrected 21 September 2023`. */
export function updateViews(updates: readonly EventUpdate[]): UpdateView[] {
  return sortUpdates(updates).map((u) => ({
    type: u.type,
    text: u.text,
    datetime: u.date.raw,
    verb: UPDATE_TYPES[u.type],
    dateLabel: formatReportDate(u.date),
    label: `${UPDATE_TYPES[u.type]} ${formatReportDate(u.date)}`,
  }));
}

/** Oldest first (by the instant each begins, in UTC); entries of the same date keep the editor's order. */
export function sortUpdates<U extends Pick<EventUpdate, 'date'>>(updates: readonly U[]): U[] {
  const key = (u: U) => startInstant(u.date, 'UTC');
  return [...updates].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The latest date in an event's log, or null: `dateModified` in JSON-LD, and the feeds' updated date. */
export function lastModified(updates: readonly Pick<EventUpdate, 'date'>[]): EventDate | null {
  return sortUpdates(updates).at(-1)?.date ?? null;
}

// --- reporting moments and "what was known when" -----------------------------------------------------------

export interface Moment {
  /** `2023-09-20` for a date, `2023-09-20t1400z` for a time (in UTC): the page's address and `?as-of=`. */
  slug: string;
  date: EventDate;
  instant: string;
}

export function momentSlug(date: EventDate): string {
  if (date.utc === null) return date.local;
  return `${date.utc.slice(0, 10)}t${date.utc.slice(11, 13)}${date.utc.slice(14, 16)}z`;
}

/** The distinct publication dates of the sources, earliest first (equal instants: by slug). */
export function reportingMoments(sources: readonly { published: EventDate }[], zone: string): Moment[] {
  const bySlug = new Map<string, Moment>();
  for (const s of sources) {
    const slug = momentSlug(s.published);
    if (!bySlug.has(slug)) bySlug.set(slug, { slug, date: s.published, instant: knownFrom(s.published, zone) });
  }
  return [...bySlug.values()].sort((a, b) => (a.instant < b.instant ? -1 : a.instant > b.instant ? 1 : a.slug < b.slug ? -1 : 1));
}

export interface Reported {
  firstReport: { instant: string };
  claimViews: readonly { reportedInstant: string }[];
}

/**
 * What was known at an instant: the events first reported at or before it (in the order given), and the claims
 * reported at or before it, each with its event (a claimant may have given a figure before any article cited
 * the event; the claim's own time decides).
 */
export function knownAt<E extends Reported>(
  events: readonly E[],
  instant: string,
): { events: E[]; claims: { event: E; claim: E['claimViews'][number] }[] } {
  return {
    events: events.filter((e) => e.firstReport.instant <= instant),
    claims: events.flatMap((event) => event.claimViews.filter((c) => c.reportedInstant <= instant).map((claim) => ({ event, claim }))),
  };
}
