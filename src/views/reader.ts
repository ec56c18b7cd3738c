import type { EventDate } from '../schema/dates.ts';
import { groupFigures, splitByDispute, type FigureEvent, type FigureGroup } from './figures.ts';
import { facetPath, indexFacets, mostUsed, viaRuns, type Facet, type Facets, type PlaceLink } from './facets.ts';
import { formatCalendarDate } from '../model/labels.ts';
import { drawLocatorMap, regionalCluster, type Atlas, type LocatorMap } from './map.ts';
import type { Actor, Category, EventRecord, Place } from '../schema/records.ts';

/**
 * What the reader-facing pages need beyond the Timeline itself, computed once per build: the per-category, per-
 * actor and per-place lists (from maps, never a scan of all events per page), their pages, the disputed figures,
 * the locator maps and the home page's facts. Pure: the atlas comes in as an argument.
 */

/** The day before a date at its precision, as a label: the era start `2023-09` → `August 2023`. */
export function periodBefore(date: EventDate): string {
  const [y, m = 1, d = 1] = date.local.split('-').map(Number) as [number, number?, number?];
  if (date.precision === 'year') return String(y - 1);
  if (date.precision === 'month') {
    const prev = m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
    return formatCalendarDate({ ...date, precision: 'month', local: `${prev.y}-${String(prev.m).padStart(2, '0')}` });
  }
  const day = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
  return formatCalendarDate({ ...date, precision: 'day', local: day, utc: null, localTime: null, offsetMinutes: null });
}

export interface ListingPage<E> {
  facet: Facet<E>;
  /** This page's slice of the facet's events. */
  events: E[];
  pageNumber: number;
  pageCount: number;
  path: string;
  prevPath: string | null;
  nextPath: string | null;
  /** Place pages carry a locator map on their first page. */
  map: LocatorMap | null;
  /** `events` in runs, each labelled with the places within this one that its events are in (src/views/facets.ts). */
  runs: { via: PlaceLink[] | null; events: E[] }[];
}

/** Splits each facet's events into pages of `size`: `/places/x/`, `/places/x/2/`, … so no page grows unbounded. */
export function paginate<E extends { id: string }>(facets: readonly Facet<E>[], size: number, map: (f: Facet<E>) => LocatorMap | null = () => null): ListingPage<E>[] {
  return facets.flatMap((facet) => {
    const pageCount = Math.max(1, Math.ceil(facet.events.length / size));
    const pathOf = (n: number) => (n === 1 ? facet.path : `${facet.path}${n}/`);
    return Array.from({ length: pageCount }, (_, i) => {
      const events = facet.events.slice(i * size, (i + 1) * size);
      return {
      facet,
      events,
      runs: viaRuns(events, facet.via),
      pageNumber: i + 1,
      pageCount,
      path: pathOf(i + 1),
      prevPath: i > 0 ? pathOf(i) : null,
      nextPath: i + 1 < pageCount ? pathOf(i + 2) : null,
      map: i === 0 ? map(facet) : null,
      };
    });
  });
}

export interface EraInfo {
  title: string;
  count: number;
}

export interface Reader<E> {
  facets: Facets<E>;
  /** The most frequent actors and places, for the home page; the full lists are on the index pages. */
  top: { actors: Facet<E>[]; places: Facet<E>[] };
  pages: { categories: ListingPage<E>[]; actors: ListingPage<E>[]; places: ListingPage<E>[] };
  figures: FigureGroup[];
  /** The figures page's parts: see splitByDispute. */
  figuresPage: ReturnType<typeof splitByDispute>;
  /** Keyed by era id. */
  eras: Record<string, EraInfo>;
  /** The latest publication date among the sources: what the site knows up to. Never the build clock. */
  lastUpdated: { datetime: string; label: string } | null;
  home: { map: LocatorMap; offMap: Facet<E>[] } | null;
  counts: { events: number; sources: number };
}

type ReaderEvent = EventRecord & FigureEvent & { era: string };

export interface ReaderInput<E extends ReaderEvent> {
  site: { eraStart: EventDate };
  events: readonly E[];
  eras: readonly { id: string; title: string; days: readonly { events: readonly E[] }[] }[];
  sources: readonly { id: string; published: EventDate }[];
  categories: readonly Category[];
  actors: readonly Actor[];
  places: readonly Place[];
}

export interface ReaderOptions {
  /** Events per category, actor or place page. */
  pageSize: number;
  /** Places further than this from the busiest place are named beside the home map, not framed by it. */
  regionKm: number;
}

export const READER_DEFAULTS: ReaderOptions = { pageSize: 100, regionKm: 800 };

export function buildReader<E extends ReaderEvent>(timeline: ReaderInput<E>, atlas: Atlas | null, options = READER_DEFAULTS): Reader<E> {
  const facets = indexFacets(timeline.events, timeline);
  const placeById = new Map(timeline.places.map((p) => [p.id, p]));
  const actorPages = new Set(facets.actors.map((a) => a.id));
  const busiest = mostUsed(facets.places, facets.places.length);

  const placeMap = (f: Facet<E>): LocatorMap | null =>
    atlas &&
    drawLocatorMap(atlas, {
      id: `map-${f.id}`,
      title: `Where ${f.name} is`,
      places: [placeById.get(f.id)!],
      focus: [f.id],
      context: busiest.map((b) => placeById.get(b.id)!),
      minSpanKm: 700,
    });

  let home: Reader<E>['home'] = null;
  if (atlas && busiest.length > 0) {
    const { inside, outside } = regionalCluster(busiest.map((b) => placeById.get(b.id)!), busiest[0]!.id, options.regionKm);
    const outsideIds = new Set(outside.map((p) => p.id));
    home = {
      map: drawLocatorMap(atlas, { id: 'map-home', title: 'Places on this timeline', places: inside, minSpanKm: 150 }),
      offMap: facets.places.filter((f) => outsideIds.has(f.id)),
    };
  }

  const eras: Record<string, EraInfo> = {};
  for (const era of timeline.eras) {
    const count = era.days.reduce((n, d) => n + d.events.length, 0);
    const first = era.days[0]?.events[0];
    const title =
      era.id === 'background' && first
        ? `Background: ${formatCalendarDate(first.date)} to ${periodBefore(timeline.site.eraStart)}`
        : `From ${formatCalendarDate(timeline.site.eraStart)}`;
    eras[era.id] = { title, count };
  }

  const latest = timeline.sources.reduce<EventDate | null>((max, s) => (max === null || s.published.local > max.local ? s.published : max), null);

  const figures = groupFigures(
    timeline.events,
    timeline.sources.map((s) => s.id),
    (id) => (actorPages.has(id) ? facetPath('actor', id) : null),
  );
  return {
    facets,
    top: { actors: mostUsed(facets.actors, 8), places: mostUsed(facets.places, 8) },
    pages: {
      categories: paginate(facets.categories, options.pageSize),
      actors: paginate(facets.actors, options.pageSize),
      places: paginate(facets.places, options.pageSize, placeMap),
    },
    figures,
    figuresPage: splitByDispute(figures),
    eras,
    lastUpdated: latest && { datetime: latest.raw, label: formatCalendarDate(latest) },
    home,
    counts: { events: timeline.events.length, sources: timeline.sources.length },
  };
}
