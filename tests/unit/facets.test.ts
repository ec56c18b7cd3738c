import { describe, expect, it } from 'vitest';
import { facetPath, formatCoordinates, indexFacets, mostUsed } from '../../src/views/facets.ts';
import type { Actor, Category, Place } from '../../src/schema/records.ts';
import { eventRecord } from './support/records.ts';

const categories: Category[] = [
  { id: 'military', label: 'Military', description: 'Fighting.' },
  { id: 'diplomacy', label: 'Diplomacy', description: null },
  { id: 'background', label: 'Background', description: null },
];
const actors: Actor[] = [
  { id: 'russia', name: 'Russia', description: null, aliases: ['Moscow'] },
  { id: 'armenia', name: 'Armenia', description: 'The government.', aliases: [] },
  { id: 'azerbaijan', name: 'azerbaijan (lower case)', description: null, aliases: [] },
  { id: 'unused', name: 'Unused', description: null, aliases: [] },
];
const places: Place[] = [
  { id: 'yevlakh', name: 'Yevlakh', description: null, aliases: ['Yevlax'], coordinates: [40.618, 47.15], timeZone: '+04:00' },
  { id: 'washington', name: 'Washington', description: null, aliases: [], coordinates: [38.898, -77.037], timeZone: 'America/New_York' },
];
// Already in timeline order, as the model hands them over.
const events = [
  eventRecord('a', '1991', { category: 'background', actors: ['armenia', 'azerbaijan'] }),
  eventRecord('b', '2023-09-19', { actors: ['azerbaijan', 'azerbaijan'], places: ['yevlakh'] }),
  eventRecord('c', '2023-09-20', { category: 'diplomacy', actors: ['russia', 'armenia'], places: ['yevlakh', 'washington'] }),
  eventRecord('d', '2023-09-21', { actors: ['russia'] }),
];

describe('indexFacets', () => {
  const facets = indexFacets(events, { categories, actors, places });
  const ids = (list: { events: { id: string }[] }) => list.events.map((e) => e.id);

  it('keeps the categories in vocabulary order, with their events in timeline order', () => {
    expect(facets.categories.map((c) => [c.id, c.name, ids(c)])).toEqual([
      ['military', 'Military', ['b', 'd']],
      ['diplomacy', 'Diplomacy', ['c']],
      ['background', 'Background', ['a']],
    ]);
  });

  it('sorts actors and places by name, ignoring case, and leaves out those no event uses', () => {
    expect(facets.actors.map((a) => a.id)).toEqual(['armenia', 'azerbaijan', 'russia']);
    expect(facets.places.map((p) => p.id)).toEqual(['washington', 'yevlakh']);
  });

  it('lists an event once on a page even when it names the actor twice', () => {
    const azerbaijan = facets.actors.find((a) => a.id === 'azerbaijan')!;
    expect(ids(azerbaijan)).toEqual(['a', 'b']);
    expect(azerbaijan.count).toBe(2);
  });

  it('hands over the same event objects, not copies', () => {
    expect(facets.actors.find((a) => a.id === 'russia')!.events[1]).toBe(events[3]);
  });

  it('gives each facet its page, description, aliases and, for places, coordinates', () => {
    const yevlakh = facets.places.find((p) => p.id === 'yevlakh')!;
    expect(yevlakh).toMatchObject({
      kind: 'place',
      path: '/places/yevlakh/',
      aliases: ['Yevlax'],
      coordinates: [40.618, 47.15],
      coordinatesLabel: '40.618° N, 47.15° E',
      count: 2,
    });
    expect(facets.actors.find((a) => a.id === 'armenia')).toMatchObject({
      kind: 'actor',
      path: '/actors/armenia/',
      description: 'The government.',
      coordinates: null,
      coordinatesLabel: null,
    });
    expect(facets.categories[0]).toMatchObject({ kind: 'category', path: '/categories/military/', description: 'Fighting.', aliases: [] });
  });

  it('gives nothing for an empty timeline', () => {
    expect(indexFacets([], { categories, actors, places })).toEqual({ categories: [], actors: [], places: [] });
  });
});

describe('facetPath', () => {
  it.each([
    ['category', 'military', '/categories/military/'],
    ['actor', 'russian-peacekeepers', '/actors/russian-peacekeepers/'],
    ['place', 'stepanakert', '/places/stepanakert/'],
  ] as const)('%s %s → %s', (kind, id, path) => {
    expect(facetPath(kind, id)).toBe(path);
  });
});

describe('formatCoordinates', () => {
  it.each<[[number, number], string]>([
    [[39.815, 46.752], '39.815° N, 46.752° E'],
    [[38.898, -77.037], '38.898° N, 77.037° W'],
    [[-33.9, 18.4], '33.9° S, 18.4° E'],
    [[0, 0], '0° N, 0° E'],
  ])('%j → %s', (coordinates, label) => {
    expect(formatCoordinates(coordinates)).toBe(label);
  });
});

describe('mostUsed', () => {
  it('takes the facets with most events, ties by name', () => {
    const facets = indexFacets(events, { categories, actors, places });
    // russia 2, armenia 2, azerbaijan 2: all tied, so by name.
    expect(mostUsed(facets.actors, 2).map((a) => a.id)).toEqual(['armenia', 'azerbaijan']);
    expect(mostUsed(facets.places, 5).map((p) => p.id)).toEqual(['yevlakh', 'washington']);
    expect(facets.places.map((p) => p.id)).toEqual(['washington', 'yevlakh']);
  });
});
