import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/views/atlas.ts';
import { drawLocatorMap, labelBox, placeLabels, prepareAtlas, regionalCluster, type MapLabel, type MapPoint } from '../../src/views/map.ts';
import { ROOT } from '../helpers/project.ts';
import { textWidth } from '../../src/views/svg-text.ts';

/**
 * Two square countries sharing a border along 45° E, drawn by hand as TopoJSON (absolute coordinates, rings
 * clockwise as d3-geo expects): West spans 43–45° E, East 45–47° E, both 39–41° N.
 */
const TOPOLOGY = {
  type: 'Topology',
  objects: {
    countries: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[-1, 1]], properties: { name: 'West' } },
        { type: 'Polygon', arcs: [[2, 0]], properties: { name: 'East' } },
      ],
    },
  },
  arcs: [
    [
      [45, 39],
      [45, 41],
    ],
    [
      [45, 39],
      [43, 39],
      [43, 41],
      [45, 41],
    ],
    [
      [45, 41],
      [47, 41],
      [47, 39],
      [45, 39],
    ],
  ],
} as unknown as Topology;

const atlas = prepareAtlas(TOPOLOGY);
const place = (id: string, lat: number, lon: number): MapPoint => ({ id, name: id[0]!.toUpperCase() + id.slice(1), coordinates: [lat, lon] });
const westTown = place('westtown', 40, 44);
const eastTown = place('easttown', 40, 46);

describe('prepareAtlas', () => {
  it('keeps each country with its name and bounds, and the shared border as one line', () => {
    expect(atlas.countries.map((c) => c.name)).toEqual(['West', 'East']);
    const [[west, south], [east, north]] = atlas.countries[0]!.bounds;
    expect([west, south, east]).toEqual([43, 39, 45]);
    // Edges are great-circle arcs, which bulge towards the pole: the northern edge peaks just above 41° N.
    expect(north).toBeGreaterThan(41);
    expect(north).toBeLessThan(41.01);
    expect(atlas.borders).toHaveLength(1);
    // The mesh may run the shared arc either way.
    const line = atlas.borders[0]!.geometry.geometry.coordinates.map((p) => p.join(',')).sort();
    expect(line).toEqual(['45,39', '45,41']);
  });
});

describe('drawLocatorMap with a country of several parts', () => {
  // One country: a mainland (43–45° E), a small island close by (46–46.3° E) and one far away (100–101° E).
  const square = (w: number, s: number, e: number, n: number) => [[[w, s], [w, n], [e, n], [e, s], [w, s]]];
  const islands = prepareAtlas({
    type: 'Topology',
    objects: {
      countries: {
        type: 'GeometryCollection',
        geometries: [{ type: 'MultiPolygon', arcs: [[[0]], [[1]], [[2]]], properties: { name: 'Isles' } }],
      },
    },
    arcs: [square(43, 39, 45, 41)[0], square(46, 40, 46.3, 40.3)[0], square(100, 10, 101, 11)[0]],
  } as unknown as Topology);
  // The same atlas with every part's bounds covering the world: nothing is left out before projecting.
  const unfiltered = {
    ...islands,
    countries: islands.countries.map((c) => ({
      ...c,
      parts: c.parts.map((p) => ({ ...p, bounds: [[-180, -90], [180, 90]] as [[number, number], [number, number]] })),
    })),
  };
  const options = { id: 'm', title: 'Isles', places: [westTown], minSpanKm: 400 };

  it('keeps each polygon as a part with its own bounds', () => {
    expect(islands.countries[0]!.parts.map((p) => p.bounds.map(([lon]) => Math.round(lon)))).toEqual([
      [43, 45],
      [46, 46],
      [100, 101],
    ]);
  });

  it('draws what the whole country would draw: the mainland and the island in view, not the one far away', () => {
    const map = drawLocatorMap(islands, options);
    expect(map.land).toBe(drawLocatorMap(unfiltered, options).land);
    expect(map.land.match(/M/g)).toHaveLength(2);
  });
});

describe('drawLocatorMap on the real atlas', () => {
  const real = loadAtlas();
  const world: [[number, number], [number, number]] = [
    [-180, -90],
    [180, 90],
  ];
  // The same atlas with every part's bounds covering the world: every part of every country in frame is projected.
  const whole = { ...real, countries: real.countries.map((c) => ({ ...c, parts: c.parts.map((p) => ({ ...p, bounds: world })) })) };

  it.each([
    ['Nagorno-Karabakh', 39.82, 46.75],
    ['Chukotka, by the antimeridian', 66.0, 179.5],
    ['Fiji, across the antimeridian', -17.8, 178.1],
    ['Svalbard, near the pole', 78.2, 15.6],
    ['Anchorage', 61.2, -149.9],
  ])('%s: draws what projecting every part would draw', (_, lat, lon) => {
    const options = { id: 'm', title: 'T', places: [place('here', lat, lon)], minSpanKm: 700 };
    const [filtered, all] = [drawLocatorMap(real, options), drawLocatorMap(whole, options)];
    expect(filtered.land.length).toBeGreaterThan(0);
    expect(filtered).toEqual(all);
  });
});

describe('drawLocatorMap', () => {
  const map = drawLocatorMap(atlas, { id: 'm', title: 'Two towns', places: [westTown, eastTown], minSpanKm: 50 });

  it('frames every place inside the drawing, west to the left of east', () => {
    expect(map.markers.map((m) => m.ids)).toEqual([['westtown'], ['easttown']]);
    for (const m of map.markers) {
      expect(m.x).toBeGreaterThan(0);
      expect(m.x).toBeLessThan(map.width);
      expect(m.y).toBeGreaterThan(0);
      expect(m.y).toBeLessThan(map.height);
    }
    const [w, e] = map.markers;
    expect(w!.x).toBeLessThan(e!.x);
    expect(Math.abs(w!.y - e!.y)).toBeLessThan(1);
  });

  it('draws the land and the border as SVG path data, and nothing else', () => {
    expect(map.land).toMatch(/^M[\d.,LMZ]+$/);
    expect(map.borders).toMatch(/^M[\d.,L]+$/);
  });

  it('labels each place with its name, and says in words what the map shows', () => {
    expect(map.markers.map((m) => m.label?.lines.map((l) => l.text))).toEqual([['Westtown'], ['Easttown']]);
    expect(map.title).toBe('Two towns');
    expect(map.desc).toMatch(/^Marked: Westtown, Easttown\. Countries in view: (West, East|East, West)\. Scale: the bar is [\d,]+ km\.$/);
    expect(map.countryLabels.map((c) => c.name).sort()).toEqual(['EAST', 'WEST']);
  });

  it('draws a scale bar of a round distance, 15–30 % of the width', () => {
    expect(map.scale.label).toMatch(/^(1|2|5|10|20|25|50|100|200|250|500|1,000) km$/);
    const length = map.scale.x2 - map.scale.x1;
    expect(length).toBeGreaterThanOrEqual(map.width * 0.15);
    expect(length).toBeLessThanOrEqual(map.width * 0.3 + 1);
  });

  it('widens the frame to at least minSpanKm around a single place', () => {
    // A town 100 km east of the subject: outside a 50 km frame, inside a 600 km one.
    const near = place('neighbour', 40, 44 + 100 / 85.2);
    const small = drawLocatorMap(atlas, { id: 's', title: 't', places: [westTown], focus: ['westtown'], context: [near], minSpanKm: 50 });
    const large = drawLocatorMap(atlas, { id: 'l', title: 't', places: [westTown], focus: ['westtown'], context: [near], minSpanKm: 600 });
    expect(small.markers.map((m) => m.ids[0])).toEqual(['westtown']);
    expect(large.markers.map((m) => [m.ids[0], m.focus])).toEqual([
      ['westtown', true],
      ['neighbour', false],
    ]);
    expect(large.markers[0]!.r).toBeGreaterThan(large.markers[1]!.r);
    expect(large.desc).toMatch(/^Marked: Westtown\. Also shown: Neighbour\./);
  });

  it('gives places on the same spot one marker, a name per line', () => {
    const city = place('city', 40, 46);
    const region = place('region', 40.001, 46.001);
    const merged = drawLocatorMap(atlas, { id: 'x', title: 't', places: [region, city, westTown], minSpanKm: 50 });
    expect(merged.markers.map((m) => m.names)).toEqual([['Region', 'City'], ['Westtown']]);
    expect(merged.markers[0]!.label?.lines.map((l) => l.text)).toEqual(['Region', 'City']);
  });

  it('leaves out context places hidden under the subject, and those outside the frame', () => {
    const underneath = place('underneath', 40.01, 44.01);
    const far = place('far', 60, 100);
    const m = drawLocatorMap(atlas, { id: 'c', title: 't', places: [westTown], focus: ['westtown'], context: [underneath, far, westTown], minSpanKm: 600 });
    expect(m.markers.map((k) => k.ids)).toEqual([['westtown']]);
  });

  it('refuses a map without places', () => {
    expect(() => drawLocatorMap(atlas, { id: 'e', title: 't', places: [], minSpanKm: 50 })).toThrow(/Internal error/);
  });
});

describe('placeLabels', () => {
  const size = { width: 200, height: 100, fontSize: 10 };
  const box = (l: MapLabel, lines: string[]) => {
    const w = Math.max(...lines.map((t) => textWidth(t, 10)));
    const x0 = l.anchor === 'start' ? l.lines[0]!.x : l.anchor === 'end' ? l.lines[0]!.x - w : l.lines[0]!.x - w / 2;
    return { x0, x1: x0 + w, y0: l.lines[0]!.y - 8, y1: l.lines.at(-1)!.y + 2.5 };
  };

  it('puts a label to the right of its marker where there is room', () => {
    const [label] = placeLabels([{ x: 20, y: 50, r: 3, lines: ['Town'] }], size);
    expect(label).toMatchObject({ anchor: 'start', leader: null });
    expect(label!.lines[0]!.x).toBeGreaterThan(23);
  });

  it('puts it to the left near the right edge', () => {
    const [label] = placeLabels([{ x: 190, y: 50, r: 3, lines: ['Town'] }], size);
    expect(label!.anchor).toBe('end');
    expect(label!.lines[0]!.x).toBeLessThan(187);
  });

  it('keeps labels clear of each other and of other markers, moving one out on a leader line when needed', () => {
    const markers = [
      { x: 86, y: 51, r: 3, lines: ['Alpha'] },
      { x: 112, y: 41, r: 3, lines: ['Beta'] },
      { x: 101, y: 50, r: 3, lines: ['Gamma'] },
      { x: 118, y: 55, r: 3, lines: ['Delta'] },
    ];
    const labels = placeLabels(markers, size);
    expect(labels.every((l) => l !== null)).toBe(true);
    const boxes = labels.map((l, i) => box(l!, [...markers[i]!.lines]));
    const overlap = (a: { x0: number; x1: number; y0: number; y1: number }, b: typeof a) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    const dot = (m: (typeof markers)[number]) => ({ x0: m.x - m.r, x1: m.x + m.r, y0: m.y - m.r, y1: m.y + m.r });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = 0; j < boxes.length; j++) {
        if (i === j) continue;
        expect(overlap(boxes[i]!, boxes[j]!), `labels ${i} and ${j}`).toBe(false);
        expect(overlap(boxes[i]!, dot(markers[j]!)), `label ${i} on marker ${j}`).toBe(false);
      }
    }
    // Gamma, hemmed in between Alpha and Delta, goes up and left on a leader that crosses no other marker.
    const leader = labels[2]!.leader!;
    expect(leader).not.toBeNull();
    for (let t = 0; t <= 1; t += 0.1) {
      const [x, y] = [leader.x1 + (leader.x2 - leader.x1) * t, leader.y1 + (leader.y2 - leader.y1) * t];
      for (const j of [0, 1, 3]) expect(overlap({ x0: x, x1: x, y0: y, y1: y }, dot(markers[j]!))).toBe(false);
    }
    expect(labels.filter((l) => l!.leader)).toHaveLength(1);
  });

  it('labels with a number where the name fits nowhere, and gives no label where not even that fits', () => {
    const [numbered] = placeLabels([{ x: 10, y: 10, r: 3, lines: ['A name far too long for this map'] }], { width: 40, height: 20, fontSize: 10 });
    expect(numbered).toMatchObject({ key: 1, anchor: 'start', leader: null, lines: [{ text: '1' }] });
    const [none] = placeLabels([{ x: 4, y: 4, r: 3, lines: ['Town'] }], { width: 8, height: 8, fontSize: 10 });
    expect(none).toBeNull();
  });

  it('avoids reserved areas, falling back on a number that fits where the name does not', () => {
    // Everything right of x = 22 is reserved: "Town" fits neither right, left, above nor below; "1" fits on the left.
    const [moved] = placeLabels([{ x: 20, y: 50, r: 3, lines: ['Town'] }], { ...size, reserved: [{ x0: 22, y0: 0, x1: 200, y1: 100 }] });
    expect(moved).toMatchObject({ key: 1, anchor: 'end', lines: [{ text: '1' }] });
    const [blocked] = placeLabels([{ x: 20, y: 50, r: 3, lines: ['Town'] }], { ...size, reserved: [{ x0: 0, y0: 0, x1: 200, y1: 100 }] });
    expect(blocked).toBeNull();
  });
});

describe('regionalCluster', () => {
  const places = [
    place('nagorno-karabakh', 39.82, 46.75),
    place('yerevan', 40.179, 44.499),
    place('moscow', 55.756, 37.617),
    place('washington', 38.898, -77.037),
  ];

  it('keeps the places near the anchor and sets the far ones apart', () => {
    // Yerevan is about 195 km from Nagorno-Karabakh, Moscow about 1,900 km.
    const { inside, outside } = regionalCluster(places, 'nagorno-karabakh', 800);
    expect(inside.map((p) => p.id)).toEqual(['nagorno-karabakh', 'yerevan']);
    expect(outside.map((p) => p.id)).toEqual(['moscow', 'washington']);
    expect(regionalCluster(places, 'nagorno-karabakh', 2500).outside.map((p) => p.id)).toEqual(['washington']);
  });

  it('keeps every place when the anchor is unknown', () => {
    expect(regionalCluster(places, 'nowhere', 10).inside).toHaveLength(4);
  });
});

describe('map labels never overlap (issue 17)', () => {
  const real = loadAtlas();
  const FONT = 14;
  type Entry = { name: string; coordinates: [number, number]; within?: string };
  const bundled = Object.entries(parseYaml(readFileSync(join(ROOT, 'content/places.yml'), 'utf8')) as Record<string, Entry>)
    // The home map's region: Moscow and Washington are named beside it.
    .filter(([id]) => id !== 'moscow' && id !== 'washington')
    .map(([id, p]): MapPoint => ({ id, name: p.name, coordinates: p.coordinates, ...(p.within ? { within: p.within } : {}) }));

  /** Every label's box, number labels included, checked pairwise and against the frame; each place named somewhere. */
  function expectClear(map: ReturnType<typeof drawLocatorMap>, names: readonly string[]) {
    const labelled = map.markers.filter((m) => m.label);
    const boxes = labelled.map((m) => ({ names: m.names.join('/'), ...labelBox(m.label!, map.fontSize, m.focus) }));
    for (const [i, a] of boxes.entries()) {
      expect(a.x0, a.names).toBeGreaterThanOrEqual(0);
      expect(a.x1, a.names).toBeLessThanOrEqual(map.width);
      expect(a.y0, a.names).toBeGreaterThanOrEqual(0);
      expect(a.y1, a.names).toBeLessThanOrEqual(map.height);
      for (const b of boxes.slice(i + 1)) expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1, `${a.names} and ${b.names}`).toBe(false);
    }
    // By name on the map, or by number with the name in the key: nobody is left out.
    const named = [...map.markers.filter((m) => m.label && m.label.key === undefined).flatMap((m) => m.names), ...map.key.flatMap((k) => k.names)];
    expect([...named].sort()).toEqual([...names].sort());
    expect(map.markers.filter((m) => m.label?.key !== undefined).map((m) => m.label!.lines[0]!.text)).toEqual(map.key.map((k) => String(k.n)));
  }

  it('names each bundled place once, Nagorno-Karabakh as an area without a dot, no two labels touching', () => {
    const map = drawLocatorMap(real, { id: 'home', title: 'T', places: bundled, minSpanKm: 150, fontSize: FONT });
    expectClear(map, bundled.map((p) => p.name));
    const region = map.markers.find((m) => m.ids.includes('nagorno-karabakh'))!;
    expect(region).toMatchObject({ region: true, r: 0, names: ['Nagorno-Karabakh'] });
    // Stepanakert and its airport, which lie within it, each have a dot of their own: no stack of names under one.
    expect(map.markers.filter((m) => !m.region).every((m) => m.names.length === 1)).toBe(true);
  });

  it('keeps a dense set of places apart, by name, leader line or number', () => {
    // Twenty places within about 35 km of each other, in a fixed scatter (7 and 3 are prime to 20: no two coincide).
    const dense = Array.from({ length: 20 }, (_, i) => place(`town${String.fromCharCode(97 + i)}`, 40 + ((i * 7) % 20) * 0.015, 45.9 + ((i * 3) % 20) * 0.02));
    const map = drawLocatorMap(real, { id: 'dense', title: 'T', places: dense, minSpanKm: 50, fontSize: FONT });
    expectClear(map, dense.map((p) => p.name));
    expect(map.key.length).toBeGreaterThan(0);
    expect(map.markers.some((m) => m.label?.leader)).toBe(true);
  });
});
