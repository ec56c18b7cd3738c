import { otherNames } from '../model/labels.ts';
import { placeAncestors } from '../schema/places.ts';
import type { Actor, Category, EventRecord, Place } from '../schema/records.ts';

export type FacetKind = 'category' | 'actor' | 'place';

/** One value a reader can filter the timeline by (a category, an actor, a place), with its events. */
export interface Facet<E> {
  kind: FacetKind;
  id: string;
  name: string;
  description: string | null;
  aliases: string[];
  /** `also called Artsakh or Karabakh`: the names shown beside its own, never the matching aids; null when none. */
  otherNames: string | null;
  /** [latitude, longitude] for places; null for categories and actors. */
  coordinates: [number, number] | null;
  /** `39.815° N, 46.752° E`, for places. */
  coordinatesLabel: string | null;
  /** Site-relative address of its own page, `/places/stepanakert/`. */
  path: string;
  /** Its events, in timeline order: the same objects as the timeline's, never copies. */
  events: E[];
  count: number;
  /**
   * Places only: for each event listed here because it names a place lying within this one (and not this one
   * itself), by event id, those places: the place page labels these events with them.
   */
  via: Record<string, PlaceLink[]>;
}

export interface PlaceLink {
  id: string;
  name: string;
  path: string;
}

export interface Facets<E> {
  /** In the order of categories.yml (the filter order). */
  categories: Facet<E>[];
  /** By name, for the filter lists. */
  actors: Facet<E>[];
  places: Facet<E>[];
}

export const FACET_FOLDERS: Record<FacetKind, string> = { category: 'categories', actor: 'actors', place: 'places' };

export const facetPath = (kind: FacetKind, id: string) => `/${FACET_FOLDERS[kind]}/${id}/`;

type Indexed = Pick<EventRecord, 'id' | 'category' | 'actors' | 'places'>;

/**
 * Indexes already-sorted events by category, actor and place in one pass over the events, so each facet page
 * lists its own events without scanning the whole timeline. Values no event uses get no facet (and no page). A
 * place also lists the events of every place lying within it (`within` in places.yml), once each, with `via`
 * saying which: Nagorno-Karabakh's page and count include Stepanakert's events.
 */
export function indexFacets<E extends Indexed>(
  events: readonly E[],
  vocabulary: { categories: readonly Category[]; actors: readonly Actor[]; places: readonly Place[] },
): Facets<E> {
  const byCategory = new Map<string, E[]>();
  const byActor = new Map<string, E[]>();
  const byPlace = new Map<string, E[]>();
  const via = new Map<string, Record<string, PlaceLink[]>>();
  const ancestors = placeAncestors(vocabulary.places);
  const placeLink = new Map(vocabulary.places.map((p) => [p.id, { id: p.id, name: p.name, path: facetPath('place', p.id) }]));
  const add = (map: Map<string, E[]>, key: string, event: E) => {
    const list = map.get(key);
    if (list) list.push(event);
    else map.set(key, [event]);
  };
  for (const event of events) {
    add(byCategory, event.category, event);
    // An event naming the same actor twice is listed once on its page.
    for (const id of new Set(event.actors)) add(byActor, id, event);
    const own = new Set(event.places);
    for (const id of own) add(byPlace, id, event);
    // The places the event's places lie within, each once, with the listed places inside each.
    const inside = new Map<string, PlaceLink[]>();
    for (const id of own)
      for (const up of ancestors.get(id) ?? [])
        if (!own.has(up)) inside.set(up, [...(inside.get(up) ?? []), placeLink.get(id)!]);
    for (const [up, links] of inside) {
      add(byPlace, up, event);
      const record = via.get(up) ?? {};
      record[event.id] = links;
      via.set(up, record);
    }
  }

  const facets = <V extends { id: string; description: string | null; aliases?: string[]; alsoCalled?: string[]; alsoSpelled?: string[]; coordinates?: [number, number] }>(kind: FacetKind, values: readonly V[], name: (v: V) => string, index: Map<string, E[]>) =>
    values.flatMap((v): Facet<E>[] => {
      const list = index.get(v.id);
      if (!list) return [];
      return [
        {
          kind,
          id: v.id,
          name: name(v),
          description: v.description ?? null,
          aliases: v.aliases ?? [],
          otherNames: otherNames(v.alsoCalled, v.alsoSpelled),
          coordinates: v.coordinates ?? null,
          coordinatesLabel: v.coordinates ? formatCoordinates(v.coordinates) : null,
          path: facetPath(kind, v.id),
          events: list,
          count: list.length,
          via: kind === 'place' ? (via.get(v.id) ?? {}) : {},
        },
      ];
    });

  return {
    categories: facets('category', vocabulary.categories, (c) => c.label, byCategory),
    actors: facets('actor', vocabulary.actors, (a) => a.name, byActor).sort(byName),
    places: facets('place', vocabulary.places, (p) => p.name, byPlace).sort(byName),
  };
}

/** `[38.898, -77.037]` → `38.898° N, 77.037° W`. */
export function formatCoordinates([lat, lon]: [number, number]): string {
  return `${Math.abs(lat)}° ${lat < 0 ? 'S' : 'N'}, ${Math.abs(lon)}° ${lon < 0 ? 'W' : 'E'}`;
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A page's events in runs of the same `via` (null for the facet's own events), in order, to label each run. */
export function viaRuns<E extends { id: string }>(events: readonly E[], via: Readonly<Record<string, PlaceLink[]>>): { via: PlaceLink[] | null; events: E[] }[] {
  const runs: { via: PlaceLink[] | null; events: E[] }[] = [];
  const key = (links: PlaceLink[] | null) => (links ? links.map((l) => l.id).join(' ') : '');
  for (const event of events) {
    const links = via[event.id] ?? null;
    const last = runs[runs.length - 1];
    if (last && key(last.via) === key(links)) last.events.push(event);
    else runs.push({ via: links, events: [event] });
  }
  return runs;
}

/** The `n` facets with the most events (ties by name), for the short lists on the home page. */
export function mostUsed<E>(facets: readonly Facet<E>[], n: number): Facet<E>[] {
  return [...facets].sort((a, b) => b.count - a.count || byName(a, b)).slice(0, n);
}
