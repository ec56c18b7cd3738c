import { afterAll, describe, expect, it } from 'vitest';
import { loadAndValidate } from '../../src/pipeline.ts';
import { placeAncestors, placeScope } from '../../src/schema/places.ts';
import type { Place } from '../../src/schema/records.ts';
import { indexFacets, viaRuns } from '../../src/views/facets.ts';
import { contentProject, eventWith, removeProject } from './support/content-project.ts';
import { eventRecord } from './support/records.ts';

/** Issue 17: a place can lie within another; filtering by the larger finds the smaller's events. */

const place = (id: string, within?: string): Place => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  description: null,
  aliases: [],
  coordinates: [40, 46],
  timeZone: '+04:00',
  ...(within ? { within } : {}),
});

// A region, a town in it, an airport in the town; a city elsewhere.
const PLACES = [place('region'), place('town', 'region'), place('airport', 'town'), place('city')];

describe('placeAncestors and placeScope', () => {
  it('gives each place the places it lies within, nearest first', () => {
    expect(Object.fromEntries(placeAncestors(PLACES))).toEqual({ region: [], town: ['region'], airport: ['town', 'region'], city: [] });
  });

  it('stops at an unknown parent and where a loop comes back round, instead of running on', () => {
    const broken = [place('a', 'b'), place('b', 'a'), place('c', 'nowhere'), place('d', 'd')];
    expect(Object.fromEntries(placeAncestors(broken))).toEqual({ a: ['b'], b: ['a'], c: [], d: [] });
  });

  it("widens an event's places by what they lie within, each once, in the order listed", () => {
    const ancestors = placeAncestors(PLACES);
    expect(placeScope(['airport'], ancestors)).toEqual(['airport', 'town', 'region']);
    expect(placeScope(['city', 'town'], ancestors)).toEqual(['city', 'town', 'region']);
    expect(placeScope(['town', 'airport'], ancestors)).toEqual(['town', 'region', 'airport']);
    expect(placeScope([], ancestors)).toEqual([]);
  });
});

describe('indexFacets: places within places', () => {
  const events = [
    eventRecord('in-region', '2023-09-19', { places: ['region'] }),
    eventRecord('at-airport', '2023-09-20', { places: ['airport'] }),
    eventRecord('in-town', '2023-09-20', { places: ['town', 'city'] }),
    eventRecord('town-and-region', '2023-09-21', { places: ['town', 'region'] }),
  ];
  const facets = indexFacets(events, { categories: [], actors: [], places: PLACES });
  const byId = (id: string) => facets.places.find((p) => p.id === id)!;

  it("lists and counts the events of the places within a place, once each, in timeline order", () => {
    expect(byId('region').events.map((e) => e.id)).toEqual(['in-region', 'at-airport', 'in-town', 'town-and-region']);
    expect(byId('region').count).toBe(4);
    expect(byId('town').events.map((e) => e.id)).toEqual(['at-airport', 'in-town', 'town-and-region']);
    expect(byId('airport').events.map((e) => e.id)).toEqual(['at-airport']);
    expect(byId('city').events.map((e) => e.id)).toEqual(['in-town']);
  });

  it('says which contained place brought each event in, and nothing for an event naming the place itself', () => {
    const link = (id: string) => ({ id, name: id[0]!.toUpperCase() + id.slice(1), path: `/places/${id}/` });
    expect(byId('region').via).toEqual({ 'at-airport': [link('airport')], 'in-town': [link('town')] });
    expect(byId('town').via).toEqual({ 'at-airport': [link('airport')] });
    expect(byId('airport').via).toEqual({});
  });

  it('runs a page\'s events by the place that brought them in, keeping their order', () => {
    const region = byId('region');
    expect(viaRuns(region.events, region.via).map((r) => [r.via?.map((l) => l.id) ?? null, r.events.map((e) => e.id)])).toEqual([
      [null, ['in-region']],
      [['airport'], ['at-airport']],
      [['town'], ['in-town']],
      [null, ['town-and-region']],
    ]);
  });
});

describe('validation of the place hierarchy', () => {
  const roots: string[] = [];
  afterAll(async () => {
    await Promise.all(roots.map(removeProject));
  });
  const PLACES_YML = [
    'stepanakert:', //                     1
    '  name: Stepanakert',
    '  coordinates: [39.815, 46.752]',
    '  within: nagorno-karabakh', //       4
    'nagorno-karabakh:', //                5
    '  name: Nagorno-Karabakh',
    '  coordinates: [39.82, 46.75]',
    '',
  ];
  async function placeFindings(placesYml: string, event?: string) {
    const root = await contentProject({ 'places.yml': placesYml, ...(event ? { 'events/bad.md': event } : {}) });
    roots.push(root);
    const { diagnostics } = await loadAndValidate(root);
    return diagnostics
      .filter((d) => d.ruleId.startsWith('place/'))
      .map((d) => ({ ruleId: d.ruleId, severity: d.severity, file: d.file, line: d.line, field: d.field, message: d.message }));
  }

  it('accepts a place within a defined one', async () => {
    expect(await placeFindings(PLACES_YML.join('\n'))).toEqual([]);
  });

  it('reports an unknown parent at its `within`, suggesting the closest id', async () => {
    const yml = PLACES_YML.map((l) => l.replace('within: nagorno-karabakh', 'within: nagorno-karabah')).join('\n');
    expect(await placeFindings(yml)).toEqual([
      {
        ruleId: 'place/unknown-within',
        severity: 'error',
        file: 'content/places.yml',
        line: 4,
        field: 'stepanakert.within',
        message: 'Unknown place `nagorno-karabah` in `within`. Did you mean `nagorno-karabakh`?',
      },
    ]);
  });

  it('reports every place of a loop at its own `within`, and a place within itself', async () => {
    const yml = [...PLACES_YML.slice(0, 7), '  within: stepanakert', 'airport:', '  name: Airport', '  coordinates: [39.9, 46.78]', '  within: airport', ''].join('\n');
    expect(await placeFindings(yml)).toEqual([
      {
        ruleId: 'place/within-cycle',
        severity: 'error',
        file: 'content/places.yml',
        line: 4,
        field: 'stepanakert.within',
        message: 'Unexpected loop of places: `stepanakert` within `nagorno-karabakh` within `stepanakert`.',
      },
      {
        ruleId: 'place/within-cycle',
        severity: 'error',
        file: 'content/places.yml',
        line: 8,
        field: 'nagorno-karabakh.within',
        message: 'Unexpected loop of places: `nagorno-karabakh` within `stepanakert` within `nagorno-karabakh`.',
      },
      { ruleId: 'place/within-cycle', severity: 'error', file: 'content/places.yml', line: 12, field: 'airport.within', message: 'Unexpected loop of places: `airport` is within itself.' },
    ]);
  });

  it('warns where an event lists a region beside a town within it, at the region', async () => {
    const event = (places: string) => eventWith({ 6: `places: [${places}]` });
    const expected = [
      {
        ruleId: 'place/implied',
        severity: 'warning',
        file: 'content/events/bad.md',
        line: 6,
        field: 'places[1]',
        message: 'Unexpected `nagorno-karabakh` beside `stepanakert`, which lies within it: the larger place is implied.',
      },
    ];
    expect(await placeFindings(PLACES_YML.join('\n'), event('stepanakert, nagorno-karabakh'))).toEqual(expected);
    expect(await placeFindings(PLACES_YML.join('\n'), event('stepanakert'))).toEqual([]);
  });
});
