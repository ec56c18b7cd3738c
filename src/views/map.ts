import { geoAzimuthalEqualArea, geoBounds, geoCentroid, geoCircle, geoContains, geoDistance, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { placeAncestors } from '../schema/places.ts';
import { textWidth } from './svg-text.ts';

/**
 * Locator maps, drawn at build time as plain data (path strings, points, labels) that a template prints as SVG:
 * no tiles, no script, no network when a reader opens the page. Borders come from Natural Earth via world-atlas.
 * Everything here is pure: the atlas is prepared once per build and passed in.
 */

const EARTH_RADIUS_KM = 6371;

type LonLatBox = [[number, number], [number, number]];

interface Shape<G extends Geometry> {
  geometry: Feature<G>;
  /** `geoBounds`: [[west, south], [east, north]]; west > east when it crosses the antimeridian. */
  bounds: LonLatBox;
}

export interface Atlas {
  /**
   * `parts`: each polygon of the country (mainland, islands) with its own bounds, so a map projects only those
   * near its frame: Russia or Canada would otherwise be projected whole, Arctic islands and all, for every map.
   */
  countries: (Shape<Polygon | MultiPolygon> & { name: string; parts: Shape<Polygon>[] })[];
  /** Borders between countries, one line each, so a map only projects the ones it shows. */
  borders: Shape<LineString>[];
}

/** Splits a world-atlas topology (`countries-50m.json`) into countries and border lines with their bounds. */
export function prepareAtlas(topology: Topology): Atlas {
  const object = topology.objects.countries as GeometryCollection<{ name?: string }>;
  const countries = (feature(topology, object) as FeatureCollection<Polygon | MultiPolygon, { name?: string }>).features.map((f) => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const parts = polygons.map((coordinates) => {
      const geometry: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
      return { geometry, bounds: vertexBounds(coordinates[0]!) };
    });
    return { name: f.properties?.name ?? '', geometry: f as Feature<Polygon | MultiPolygon>, bounds: geoBounds(f) as LonLatBox, parts };
  });
  const lines = mesh(topology, object, (a, b) => a !== b) as MultiLineString;
  const borders = lines.coordinates.map((coordinates) => {
    const geometry: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } };
    return { geometry, bounds: geoBounds(geometry) as LonLatBox };
  });
  return { countries, borders };
}

export interface MapPoint {
  id: string;
  name: string;
  /** [latitude, longitude], as in places.yml. */
  coordinates: [number, number];
  /** The place it lies within (places.yml): a place holding another on the same map is named as an area, without a dot. */
  within?: string;
}

export interface LabelLine {
  text: string;
  x: number;
  y: number;
}

export interface MapLabel {
  anchor: 'start' | 'middle' | 'end';
  lines: LabelLine[];
  /** A line from the marker to a label set further away, or null for a label beside its marker. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
  /** Set where no name fitted: the label is this number, and the map's key below it gives the name. */
  key?: number;
}

export interface MapMarker {
  ids: string[];
  names: string[];
  x: number;
  y: number;
  r: number;
  focus: boolean;
  /** An area that holds other places on the map (Nagorno-Karabakh around Stepanakert): named, not dotted. */
  region: boolean;
  label: MapLabel | null;
}

export interface LocatorMap {
  /** Prefix for ids inside the SVG (`title`, `desc`), unique on its page. */
  id: string;
  width: number;
  height: number;
  title: string;
  desc: string;
  /** Font sizes in map units, for place names and for country names and the scale. */
  fontSize: number;
  smallFontSize: number;
  land: string;
  borders: string;
  countryLabels: { name: string; x: number; y: number }[];
  markers: MapMarker[];
  /** The names of markers labelled with a number where no name fitted, in number order. */
  key: { n: number; names: string[] }[];
  /** A scale bar at the bottom left: the line from x1 to x2 at y, its label at (x1, labelY). */
  scale: { x1: number; x2: number; y: number; labelY: number; label: string };
}

export interface MapOptions {
  id: string;
  title: string;
  /** Places framed and labelled, most important first: they win when labels compete. */
  places: readonly MapPoint[];
  /** Ids among `places` drawn as the map's subject (larger marker, bold label). */
  focus?: readonly string[];
  /** Other places, drawn small where they fall inside the frame, without moving it. */
  context?: readonly MapPoint[];
  /** The frame spans at least this distance, so a single place still shows its surroundings. */
  minSpanKm: number;
  width?: number;
  height?: number;
  fontSize?: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Draws a locator map: the frame fits the places (and at least `minSpanKm`), projected around their centre. */
export function drawLocatorMap(atlas: Atlas, options: MapOptions): LocatorMap {
  const { places, id, title } = options;
  if (places.length === 0) throw new Error('Internal error: a locator map needs at least one place');
  const width = options.width ?? 340;
  const height = options.height ?? 260;
  const fontSize = options.fontSize ?? 14;
  const focus = new Set(options.focus ?? []);

  const lonLat = (p: MapPoint): [number, number] => [p.coordinates[1], p.coordinates[0]];
  const points = places.map(lonLat);
  const centre = geoCentroid({ type: 'MultiPoint', coordinates: points });
  const span = geoCircle()
    .center(centre)
    .radius((options.minSpanKm / 2 / EARTH_RADIUS_KM) * (180 / Math.PI))();
  // Room around the frame for labels: more at the sides, where they usually go.
  const padX = width * 0.2;
  const padY = height * 0.14;
  const projection = geoAzimuthalEqualArea()
    .rotate([-centre[0], -centre[1]])
    // Natural Earth's vertices are dense enough at this scale: adaptive resampling would only cost time.
    .precision(0)
    .fitExtent(
      [
        [padX, padY],
        [width - padX, height - padY],
      ],
      { type: 'GeometryCollection', geometries: [{ type: 'MultiPoint', coordinates: points }, span] },
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const path = geoPath(projection).digits(1);
  const frame = frameBounds(projection, width, height);

  // What the frame shows, with the parts of each country that reach it (a wider box for parts: the frame's
  // edges are sampled, and a small island just beyond a sampled box must not go missing).
  const near = frame && widen(frame, 2);
  const countries = atlas.countries
    .filter((c) => frame === null || overlaps(c.bounds, frame))
    .map((c) => ({ ...c, shown: near === null ? c.geometry : onlyParts(c.parts.filter((p) => overlaps(p.bounds, near))) }));
  const land = countries.map((c) => path(c.shown) ?? '').join('');
  const borders = atlas.borders
    .filter((b) => frame === null || overlaps(b.bounds, frame))
    .map((b) => path(b.geometry) ?? '')
    .join('');

  // Markers: places first, merging those that would sit on the same spot; context places only where visible
  // and clear of the subject.
  const markers: MapMarker[] = [];
  const project = (p: MapPoint) => projection(lonLat(p));
  // A place that lies within none and holds another place on the map is an area (a region, not a town): its name
  // goes near its point, without a dot that would sit on its towns' (Nagorno-Karabakh's centre is by Stepanakert).
  const ancestors = placeAncestors(places);
  const topLevel = new Set(places.filter((p) => p.within === undefined).map((p) => p.id));
  const regions = new Set(places.flatMap((p) => ancestors.get(p.id) ?? []).filter((id) => topLevel.has(id) && !focus.has(id)));
  for (const p of places) {
    const xy = project(p);
    if (!xy) continue;
    const [x, y] = [round(xy[0]), round(xy[1])];
    const region = regions.has(p.id);
    // Places on the same spot share one marker and one label, a name per line; places merely close get their own.
    const same = region ? undefined : markers.find((m) => !m.region && Math.hypot(m.x - x, m.y - y) < 3);
    if (same) {
      same.ids.push(p.id);
      same.names.push(p.name);
      same.focus ||= focus.has(p.id);
    } else markers.push({ ids: [p.id], names: [p.name], x, y, r: 0, focus: focus.has(p.id), region, label: null });
  }
  const framed = new Set(places.map((p) => p.id));
  for (const p of options.context ?? []) {
    if (framed.has(p.id)) continue;
    const xy = project(p);
    if (!xy || xy[0] < 4 || xy[1] < 4 || xy[0] > width - 4 || xy[1] > height - 4) continue;
    const [x, y] = [round(xy[0]), round(xy[1])];
    if (markers.some((m) => Math.hypot(m.x - x, m.y - y) < (m.focus ? 14 : 5))) continue;
    markers.push({ ids: [p.id], names: [p.name], x, y, r: 0, focus: false, region: false, label: null });
  }
  for (const m of markers) m.r = m.region ? 0 : m.focus ? 6 : focus.size > 0 ? 3 : 4.5;
  const scale = scaleBar(projection, centre, width, height);
  const scaleBox = box(0, scale.labelY - fontSize, scale.x2 + 4, height);
  const labels = placeLabels(
    markers.map((m) => ({ x: m.x, y: m.y, r: m.r, lines: m.names, bold: m.focus, area: m.region })),
    { width, height, fontSize, reserved: [scaleBox] },
  );
  markers.forEach((m, i) => (m.label = labels[i] ?? null));
  const key = markers.flatMap((m) => (m.label?.key === undefined ? [] : [{ n: m.label.key, names: m.names }])).sort((a, b) => a.n - b.n);

  // Country names where a country fills a fair share of the frame and its name fits clear of the places.
  const taken = [
    scaleBox,
    ...markers.map((m) => box(m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r)),
    ...labels.flatMap((l) => (l ? [labelBox(l, fontSize)] : [])),
  ];
  // 95 % of the place names: a 340-unit map is 288 px wide at 320 px, where this still renders at 11 px.
  const countryFont = round(fontSize * 0.95);
  const visible = countries
    .map((c) => ({ name: c.name, geometry: c.shown, area: path.area(c.shown), centroid: path.centroid(c.shown) }))
    .filter((c) => c.area > 0 && c.name)
    .sort((a, b) => b.area - a.area || (a.name < b.name ? -1 : 1));
  const countryLabels: LocatorMap['countryLabels'] = [];
  const nudges = [0, 1, -1, 2, -2, 3, -3].flatMap((i) => [0, 1, -1, 2, -2].map((j) => [i * fontSize * 2, j * fontSize] as const));
  for (const c of visible) {
    if (c.area < width * height * 0.02 || !Number.isFinite(c.centroid[0])) continue;
    const text = c.name.toUpperCase();
    const w = textWidth(text, countryFont) * 1.15;
    // The centroid first, then nearby spots that are still inside the country.
    for (const [dx, dy] of nudges) {
      const [cx, cy] = [c.centroid[0] + dx, c.centroid[1] + dy];
      const b = box(cx - w / 2, cy - countryFont * 0.8, cx + w / 2, cy + countryFont * 0.3);
      if (b.x0 < 2 || b.y0 < 2 || b.x1 > width - 2 || b.y1 > height - 2 || taken.some((t) => intersects(t, b, 3))) continue;
      const at = projection.invert?.([cx, cy]);
      if (!at || !geoContains(c.geometry, at)) continue;
      taken.push(b);
      countryLabels.push({ name: text, x: round(cx), y: round(cy) });
      break;
    }
  }

  const named = (list: readonly { name: string }[]) => list.map((p) => p.name);
  const shown = markers.flatMap((m) => m.names);
  const subject = markers.filter((m) => m.focus).flatMap((m) => m.names);
  const others = shown.filter((n) => !subject.includes(n));
  const desc = [
    subject.length ? `Marked: ${subject.join(', ')}.` : '',
    others.length ? `${subject.length ? 'Also shown' : 'Marked'}: ${others.join(', ')}.` : '',
    visible.length ? `Countries in view: ${named(visible.slice(0, 8)).join(', ')}.` : '',
    `Scale: the bar is ${scale.label}.`,
  ]
    .filter(Boolean)
    .join(' ');

  return { id, width, height, title, desc, fontSize, smallFontSize: countryFont, land, borders, countryLabels, markers, key, scale };
}

/** The longitude/latitude box a frame covers, or null when it wraps (antimeridian, poles): then draw all. */
function frameBounds(projection: GeoProjection, width: number, height: number): LonLatBox | null {
  const edge: [number, number][] = [];
  for (let i = 0; i <= 8; i++) {
    const t = i / 8;
    edge.push([t * width, 0], [t * width, height], [0, t * height], [width, t * height]);
  }
  const corners = edge.map((p) => projection.invert?.(p) ?? null);
  if (corners.some((c) => c === null)) return null;
  const lons = corners.map((c) => c![0]);
  const lats = corners.map((c) => c![1]);
  const box: LonLatBox = [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
  if (box[1][0] - box[0][0] > 180 || box[1][1] > 85 || box[0][1] < -85) return null;
  return box;
}

/** The box grown by `degrees` on every side, or null if it would then cross the antimeridian or reach a pole. */
function widen([[west, south], [east, north]]: LonLatBox, degrees: number): LonLatBox | null {
  const box: LonLatBox = [
    [west - degrees, south - degrees],
    [east + degrees, north + degrees],
  ];
  return box[0][0] < -180 || box[1][0] > 180 || box[0][1] < -90 || box[1][1] > 90 ? null : box;
}

/**
 * The box of a ring's vertices: cheaper than `geoBounds`, and close enough for a part tested against a widened
 * frame (an edge's great-circle bulge is far less than the margin). A ring across the antimeridian spans all
 * longitudes, so it is always drawn.
 */
function vertexBounds(ring: readonly number[][]): LonLatBox {
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const [lon, lat] of ring) {
    west = Math.min(west, lon!);
    east = Math.max(east, lon!);
    south = Math.min(south, lat!);
    north = Math.max(north, lat!);
  }
  return east - west > 180
    ? [
        [-180, south],
        [180, north],
      ]
    : [
        [west, south],
        [east, north],
      ];
}

/** Polygons as one MultiPolygon feature: its path is theirs, in the same order. */
function onlyParts(parts: readonly Shape<Polygon>[]): Feature<MultiPolygon> {
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: parts.map((p) => p.geometry.geometry.coordinates) } };
}

function overlaps(shape: LonLatBox, frame: LonLatBox): boolean {
  const [[west, south], [east, north]] = shape;
  if (north < frame[0][1] || south > frame[1][1]) return false;
  const lonRanges: [number, number][] = west <= east ? [[west, east]] : [[west, 180], [-180, east]];
  return lonRanges.some(([a, b]) => b >= frame[0][0] && a <= frame[1][0]);
}

/** A round distance whose bar is 15–30 % of the map's width, drawn at the bottom left. */
function scaleBar(projection: GeoProjection, centre: [number, number], width: number, height: number): LocatorMap['scale'] {
  const a = projection(centre)!;
  const eastward: [number, number] = [centre[0] + 1, centre[1]];
  const km = geoDistance(centre, eastward) * EARTH_RADIUS_KM;
  const b = projection(eastward)!;
  const perKm = Math.hypot(b[0] - a[0], b[1] - a[1]) / km;
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000];
  const fit = steps.find((s) => s * perKm >= width * 0.15) ?? steps[steps.length - 1]!;
  return { x1: 10, x2: round(10 + fit * perKm), y: height - 10, labelY: height - 16, label: `${fit.toLocaleString('en-GB')} km` };
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const box = (x0: number, y0: number, x1: number, y1: number): Box => ({ x0, y0, x1, y1 });
const intersects = (a: Box, b: Box, margin = 1) =>
  a.x0 < b.x1 + margin && b.x0 < a.x1 + margin && a.y0 < b.y1 + margin && b.y0 < a.y1 + margin;

/** The box a label's text covers, by the bold estimate (the wider) unless told the text is regular. */
export function labelBox(label: MapLabel, fontSize: number, bold = true): Box {
  const widths = label.lines.map((l) => textWidth(l.text, fontSize, bold));
  const w = Math.max(...widths);
  const first = label.lines[0]!;
  const last = label.lines[label.lines.length - 1]!;
  const x0 = label.anchor === 'start' ? first.x : label.anchor === 'end' ? first.x - w : first.x - w / 2;
  return box(x0, first.y - fontSize * 0.93, x0 + w, last.y + fontSize * 0.24);
}

export interface LabelRequest {
  x: number;
  y: number;
  r: number;
  lines: readonly string[];
  bold?: boolean;
  /** An area's name: placed after the dots' labels, near its point but never on a leader line. */
  area?: boolean;
}

/**
 * Greedy, deterministic label placement: each dot in turn (most important first), then each area, takes the
 * first position, right, left, above or below it and then further out with a leader line, that stays inside the
 * map and clear of every marker and placed label. A dot whose name fits nowhere is labelled with a number
 * instead, the map's key giving its name; one where not even that fits gets no label (its name is still in the
 * map's description and the page).
 */
export function placeLabels(
  markers: readonly LabelRequest[],
  { width, height, fontSize, reserved = [] }: { width: number; height: number; fontSize: number; reserved?: readonly Box[] },
): (MapLabel | null)[] {
  const lineHeight = fontSize * 1.15;
  const placed: Box[] = [...reserved];
  // An area has no dot: nothing to keep clear at its point.
  const dots = markers.map((m) => (m.area ? box(-Infinity, -Infinity, -Infinity, -Infinity) : box(m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r)));
  const directions: [number, number][] = [
    [1, 0],
    [-1, 0],
    [0, -1],
    [0, 1],
    [0.7, -0.7],
    [-0.7, -0.7],
    [0.7, 0.7],
    [-0.7, 0.7],
  ];
  let numbered = 0;
  const out: (MapLabel | null)[] = markers.map(() => null);
  const order = [...markers.keys()].sort((a, b) => Number(markers[a]!.area ?? false) - Number(markers[b]!.area ?? false) || a - b);
  for (const i of order) {
    const m = markers[i]!;
    out[i] = place(i, m.lines, m.area ? [m.r + 4, m.r + 12, m.r + 20, m.r + 30] : [m.r + 4, m.r + 20, m.r + 40], !m.area);
    if (out[i] === null && !m.area) {
      const label = place(i, [String(numbered + 1)], [m.r + 3, m.r + 12, m.r + 24, m.r + 36, m.r + 52], true);
      if (label) out[i] = { ...label, key: ++numbered };
    }
  }
  return out;

  function place(i: number, names: readonly string[], gaps: readonly number[], leaders: boolean): MapLabel | null {
    const m = markers[i]!;
    const w = Math.max(...names.map((l) => textWidth(l, fontSize, m.bold)));
    // A line of text as drawn: the font's ascent (0.93 em) above the baseline, its descent (0.24 em) below.
    const h = lineHeight * (names.length - 1) + fontSize * 1.17;
    for (const gap of gaps) {
      for (const [dx, dy] of directions) {
        const ax = m.x + dx * gap;
        const ay = m.y + dy * gap;
        const anchor: MapLabel['anchor'] = dx > 0.1 ? 'start' : dx < -0.1 ? 'end' : 'middle';
        const x0 = anchor === 'start' ? ax : anchor === 'end' ? ax - w : ax - w / 2;
        const y0 = dy < -0.1 ? ay - h : dy > 0.1 ? ay : ay - h / 2;
        const b = box(x0, y0, x0 + w, y0 + h);
        if (b.x0 < 2 || b.y0 < 2 || b.x1 > width - 2 || b.y1 > height - 2) continue;
        if (placed.some((p) => intersects(p, b)) || dots.some((d, j) => j !== i && intersects(d, b, 2))) continue;
        const leader =
          leaders && gap > m.r + 4
            ? {
                x1: round(m.x + dx * (m.r + 1)),
                y1: round(m.y + dy * (m.r + 1)),
                x2: round(m.x + dx * (gap - 3)),
                y2: round(m.y + dy * (gap - 3)),
              }
            : null;
        // A leader line must not run across another marker or label: it is checked, then kept clear, as a
        // string of small boxes along it.
        const trail = leader
          ? Array.from({ length: 8 }, (_, k) => {
              const t = k / 7;
              const [x, y] = [leader.x1 + (leader.x2 - leader.x1) * t, leader.y1 + (leader.y2 - leader.y1) * t];
              return box(x - 0.5, y - 0.5, x + 0.5, y + 0.5);
            })
          : [];
        if (trail.some((t) => placed.some((p) => intersects(p, t, 0)) || dots.some((d, j) => j !== i && intersects(d, t, 1)))) continue;
        placed.push(b, ...trail);
        const lines = names.map((text, k) => ({ text, x: round(ax), y: round(y0 + fontSize * 0.93 + k * lineHeight) }));
        return { anchor, lines, leader };
      }
    }
    return null;
  }
}

/**
 * The places a regional map should frame: those within `radiusKm` of the anchor (the place with most events),
 * and the rest, which would shrink the region to a dot, named beside the map instead.
 */
export function regionalCluster<P extends MapPoint>(places: readonly P[], anchorId: string, radiusKm: number): { inside: P[]; outside: P[] } {
  const anchor = places.find((p) => p.id === anchorId);
  if (!anchor) return { inside: [...places], outside: [] };
  const at = (p: MapPoint): [number, number] => [p.coordinates[1], p.coordinates[0]];
  const near = (p: P) => geoDistance(at(anchor), at(p)) * EARTH_RADIUS_KM <= radiusKm;
  return { inside: places.filter(near), outside: places.filter((p) => !near(p)) };
}
