import { MEASURES, QUALIFIERS } from '../schema/vocabulary.ts';
import { firstDay } from './dates.ts';
import { formatCalendarDate, formatEventDate, formatShortDate, formatTime } from './labels.ts';
import { eventPath, sourcePath, textFragmentUrl } from './links.ts';
import { embedPages, type EmbedPage } from './embed.ts';
import { groupConsecutive, sortEvents } from './order.ts';
import type { Atlas } from './map.ts';
import { buildReader, sourceRefs, timeNote, type Reader, type SourceRef } from './pages.ts';
import type { Actor, Category, Citation, Claim, Content, EventRecord, Place, Site, Source } from './types.ts';

export interface CitationView extends Citation {
  sourceTitle: string;
  sourcePath: string;
  /** A link into the original article at the quoted passage, where its URL is known. */
  passageUrl: string | null;
}

export interface ClaimView extends Claim {
  measureLabel: string;
  /** `at least 200`, `hundreds`, `3,154` */
  figureLabel: string;
  claimantName: string;
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
  sources: SourceView[];
  categories: Category[];
  actors: Actor[];
  places: Place[];
  /** The embeddable timelines, `/embed/` and one per category, paged. */
  embeds: EmbedPage[];
  /** Category, actor and place pages, disputed figures, maps: see src/model/pages.ts. */
  reader: Reader<TimelineEvent>;
}

export function figureLabel(claim: Pick<Claim, 'value' | 'max' | 'figure' | 'qualifier'>): string {
  const number = (n: number) => n.toLocaleString('en-GB');
  const value = claim.value === null ? (claim.figure ?? '') : claim.max === null ? number(claim.value) : `${number(claim.value)}–${number(claim.max)}`;
  const qualified = claim.qualifier ? `${QUALIFIERS[claim.qualifier]} ${value}` : value;
  return claim.value !== null && claim.figure ? `${qualified} (${claim.figure})` : qualified;
}

/**
 * Builds the one sorted Timeline the templates render. Each body is rendered once here; every lookup is a map,
 * so the cost grows with the number of events, not its square.
 */
export function buildTimeline(content: Content, render: (markdown: string) => string, atlas: Atlas | null = null): Timeline {
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
        sourceTitle: source.title,
        sourcePath: sourcePath(source.id),
      };
    }),
    sourceCount: new Set(e.sources.map((s) => s.source)).size,
    sourceRefs: sourceRefs(e.sources, sourceById),
    prev: null,
    next: null,
  }));
  events.forEach((e, i) => {
    const link = (o: TimelineEvent | undefined) => (o ? { id: o.id, title: o.title, path: o.path } : null);
    e.prev = link(events[i - 1]);
    e.next = link(events[i + 1]);
  });

  const eras: Era[] = (['background', 'main'] as const)
    .map((id) => ({
      id,
      title: id === 'background' ? 'Background' : formatCalendarDate(site.eraStart),
      days: groupConsecutive(
        events.filter((e) => e.era === id),
        (e) => e.date.local,
      ).map((g) => ({ key: g.key, heading: formatCalendarDate(g.items[0]!.date), anchor: `d-${g.key}`, events: g.items })),
    }))
    .filter((era) => era.days.length > 0);

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

  const base = { site, events, eras, sources, categories: content.categories, actors: content.actors, places: content.places };
  return {
    ...base,
    embeds: embedPages(events, content.categories),
    reader: buildReader(base, atlas),
  };
}
