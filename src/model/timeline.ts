import { MEASURES, QUALIFIERS, type ActorKind } from '../schema/vocabulary.ts';
import { firstDay, type EventDate } from './dates.ts';
import { formatCalendarDate, formatEventDate, formatShortDate, formatTime } from './labels.ts';
import { eventPath, sourcePath, textFragmentUrl } from './links.ts';
import { embedPages, type EmbedPage } from './embed.ts';
import { groupConsecutive, sortEvents } from './order.ts';
import { planPeriods, type Period } from './periods.ts';
import type { Atlas } from './map.ts';
import { buildReader, sourceRefs, timeNote, type Reader, type SourceRef } from './pages.ts';
import { buildReporting, claimReport, firstReport, lastModified, updateViews, type ClaimReport, type FirstReport, type Reporting, type UpdateView } from './reporting.ts';
import type { Actor, Category, Citation, Claim, Content, EventRecord, Place, Site, Source } from './types.ts';

export interface CitationView extends Citation {
  sourceTitle: string;
  sourcePath: string;
  /** A link into the original article at the quoted passage, where its URL is known. */
  passageUrl: string | null;
}

export interface ClaimView extends Claim, ClaimReport {
  measureLabel: string;
  /** `at least 200`, `hundreds`, `3,154` */
  figureLabel: string;
  claimantName: string;
  /** Where the actor entry says: the claimant's schema.org type in JSON-LD. */
  claimantKind: ActorKind | null;
  sourceTitle: string;
  sourcePath: string;
}

export interface TimelineEvent extends EventRecord {
  /** Site-relative page path, `/events/<id>/`. */
  path: string;
  /** Rendered, sanitised body HTML. */
  html: string;
  /** Full date label: `Wednesday 20 September 2023, 13:00 local time (UTC+4) · 09:00 GMT`. */
  dateLabel: string;
  /** Only the time part, for timed events. */
  timeLabel: string | null;
  /** What the event's line says under its day heading: its time, or `Time not reported`; null when the heading says it all. */
  timeNote: string | null;
  shortDate: string;
  /** For `<time datetime>`: the editor's ISO string, valid HTML at every precision. */
  datetime: string;
  era: 'background' | 'main';
  categoryLabel: string;
  actorRefs: Actor[];
  placeRefs: Place[];
  citations: CitationView[];
  claimViews: ClaimView[];
  sourceCount: number;
  /** Each source the event cites, once, in citation order: for the printed timeline's references. */
  sourceRefs: SourceRef[];
  /** When and in which sources the event was first reported: see src/model/reporting.ts. */
  firstReport: FirstReport;
  /** Its corrections and updates, oldest first, and the latest one's date. */
  updateViews: UpdateView[];
  modified: EventDate | null;
  /** Where the event sits on the timeline: `/#id`, or its period page when the timeline is split. */
  timelinePath: string;
  prev: { id: string; title: string; path: string } | null;
  next: { id: string; title: string; path: string } | null;
}

export interface Day {
  /** Local calendar date at the events' precision: `1991`, `2022-12`, `2023-09-20`. */
  key: string;
  heading: string;
  anchor: string;
  events: TimelineEvent[];
}

export interface Era {
  id: 'background' | 'main';
  title: string;
  days: Day[];
  /** Events in this era (on this page). */
  count: number;
}

export interface SourceView extends Source {
  path: string;
  publishedLabel: string;
  /** Events citing this source, in timeline order, with the passages they quote. */
  citedBy: { event: TimelineEvent; quotes: string[] }[];
}

export interface Timeline {
  site: Site;
  events: TimelineEvent[];
  eras: Era[];
  /** Empty while the whole timeline fits on the home page; else the year or month pages it is split into. */
  periods: Period[];
  sources: SourceView[];
  categories: Category[];
  actors: Actor[];
  places: Place[];
  /** The embeddable timelines, `/embed/` and one per category, paged. */
  embeds: EmbedPage[];
  /** Category, actor and place pages, disputed figures, maps: see src/model/pages.ts. */
  reader: Reader<TimelineEvent>;
  /** Reporting moments and the "what was known when" pages: see src/model/reporting.ts. */
  reporting: Reporting<TimelineEvent>;
}

/** Groups sorted events into the background era and the main one, each by local calendar date. */
export function groupEras(events: readonly TimelineEvent[], site: Site): Era[] {
  return (['background', 'main'] as const)
    .map((id) => ({
      id,
      title: id === 'background' ? 'Background' : formatCalendarDate(site.eraStart),
      days: groupConsecutive(
        events.filter((e) => e.era === id),
        (e) => e.date.local,
      ).map((g) => ({ key: g.key, heading: formatCalendarDate(g.items[0]!.date), anchor: `d-${g.key}`, events: g.items })),
    }))
    .filter((era) => era.days.length > 0)
    .map((era) => ({ ...era, count: era.days.reduce((n, d) => n + d.events.length, 0) }));
}

export function figureLabel(claim: Pick<Claim, 'value' | 'max' | 'figure' | 'qualifier'>): string {
  const number = (n: number) => n.toLocaleString('en-GB');
  const value = claim.value === null ? (claim.figure ?? '') : claim.max === null ? number(claim.value) : `${number(claim.value)}–${number(claim.max)}`;
  const qualified = claim.qualifier ? `${QUALIFIERS[claim.qualifier]} ${value}` : value;
  return claim.value !== null && claim.figure ? `${qualified} (${claim.figure})` : qualified;
}

/** The events and sources as their pages show them: the part of the timeline that search indexes. */
export type TimelineCore = Pick<Timeline, 'site' | 'events' | 'eras' | 'periods' | 'sources' | 'categories' | 'actors' | 'places'>;

/**
 * Builds the one sorted Timeline the templates render. Each body is rendered once here; every lookup is a map,
 * so the cost grows with the number of events, not its square. A build passes the `core` it has already made,
 * so that the search index can start on it while the listings, maps and reporting pages are worked out.
 */
export function buildTimeline(
  content: Content,
  render: (markdown: string) => string,
  atlas: Atlas | null = null,
  core: TimelineCore = buildTimelineCore(content, render),
): Timeline {
  const { events } = core;
  const reader = buildReader(core, atlas);
  return {
    ...core,
    embeds: embedPages(events, content.categories),
    reader,
    reporting: buildReporting({ events, sources: content.sources, zone: content.site.timeZone, figures: reader.figures }),
  };
}

/** The sorted events, each with its rendered body, labels and neighbours, and the sources with what cites them. */
export function buildTimelineCore(content: Content, render: (markdown: string) => string): TimelineCore {
  const { site } = content;
  const sourceById = new Map(content.sources.map((s) => [s.id, s]));
  const actorById = new Map(content.actors.map((a) => [a.id, a]));
  const placeById = new Map(content.places.map((p) => [p.id, p]));
  const categoryById = new Map(content.categories.map((c) => [c.id, c]));
  const eraStart = firstDay(site.eraStart);

  const cite = (c: Citation): CitationView => {
    const source = sourceById.get(c.source)!;
    return {
      ...c,
      sourceTitle: source.title,
      sourcePath: sourcePath(source.id),
      passageUrl: source.url ? textFragmentUrl(source.url, c.quote, c.prefix, c.suffix) : null,
    };
  };

  const sorted = sortEvents(content.events);
  const events: TimelineEvent[] = sorted.map((e) => ({
    ...e,
    path: eventPath(e.id),
    html: render(e.body),
    dateLabel: formatEventDate(e.date, e.end, e.approximate),
    timeLabel: formatTime(e.date, e.approximate),
    timeNote: timeNote(e.date, e.end, e.approximate),
    shortDate: formatShortDate(e.date),
    datetime: e.date.raw,
    era: firstDay(e.date) < eraStart ? 'background' : 'main',
    categoryLabel: categoryById.get(e.category)!.label,
    actorRefs: e.actors.map((id) => actorById.get(id)!),
    placeRefs: e.places.map((id) => placeById.get(id)!),
    citations: e.sources.map(cite),
    claimViews: e.claims.map((c) => {
      const source = sourceById.get(c.source)!;
      return {
        ...c,
        measureLabel: MEASURES[c.measure],
        figureLabel: figureLabel(c),
        claimantName: actorById.get(c.claimant)!.name,
        claimantKind: actorById.get(c.claimant)!.kind ?? null,
        sourceTitle: source.title,
        sourcePath: sourcePath(source.id),
        ...claimReport(c, source.published, site.timeZone),
      };
    }),
    firstReport: firstReport(e, sourceById, site.timeZone),
    updateViews: updateViews(e.updates),
    modified: lastModified(e.updates),
    sourceCount: new Set(e.sources.map((s) => s.source)).size,
    sourceRefs: sourceRefs(e.sources, sourceById),
    timelinePath: `/#${e.id}`,
    prev: null,
    next: null,
  }));
  events.forEach((e, i) => {
    const link = (o: TimelineEvent | undefined) => (o ? { id: o.id, title: o.title, path: o.path } : null);
    e.prev = link(events[i - 1]);
    e.next = link(events[i + 1]);
  });

  const eras = groupEras(events, site);
  const periods = planPeriods(events, (list) => groupEras(list, site));
  const periodOf = new Map(periods.flatMap((p) => p.eventIds.map((id) => [id, p.path] as const)));
  for (const e of events) e.timelinePath = `${periodOf.get(e.id) ?? '/'}#${e.id}`;

  const citedBy = new Map<string, Map<string, { event: TimelineEvent; quotes: string[] }>>();
  for (const event of events) {
    for (const c of [...event.sources, ...event.claims]) {
      const bySource = citedBy.get(c.source) ?? new Map();
      citedBy.set(c.source, bySource);
      const entry = bySource.get(event.id) ?? { event, quotes: [] };
      if (!entry.quotes.includes(c.quote)) entry.quotes.push(c.quote);
      bySource.set(event.id, entry);
    }
  }
  const sources: SourceView[] = [...content.sources]
    .sort((a, b) => (a.published.local < b.published.local ? -1 : a.published.local > b.published.local ? 1 : a.id < b.id ? -1 : 1))
    .map((s) => ({
      ...s,
      path: sourcePath(s.id),
      publishedLabel: formatCalendarDate(s.published),
      citedBy: [...(citedBy.get(s.id)?.values() ?? [])],
    }));

  return { site, events, eras, periods, sources, categories: content.categories, actors: content.actors, places: content.places };
}
