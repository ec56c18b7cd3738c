import type { Qualifier } from '../schema/vocabulary.ts';
import { textWidth } from './svg-text.ts';

/**
 * A build-time chart of one measure's figures (the disputed-figures page and the "what was known when" pages):
 * one block per claimant, one row per figure in the order it was reported, the value on a shared horizontal
 * axis. An exact figure is a dot, a lower bound (`at least`, `more than`) a triangle pointing to the larger
 * values it leaves open, an approximate one (`close to`, `about`) a ring, a range a bar from its value to its
 * `max`. Each row's label gives the figure with its qualifier as a sign (`≥ 200`) and the date it was reported;
 * a figure given only in words (`hundreds`) is named, not plotted.
 *
 * The axis is linear from 0, or logarithmic (powers of ten) where the figures span two orders of magnitude or
 * more, so that small and large figures both stay readable.
 *
 * The model is geometry and text only: `_includes/claims-chart.njk` prints it, escaping every text, and the
 * table beside it carries the same numbers for screen readers and for copying.
 */

export interface ChartFigure {
  value: number | null;
  max: number | null;
  qualifier: Qualifier | null;
  /** The source's words, where it gives no number. */
  figure: string | null;
  /** `20 Sep 2023` */
  reportedLabel: string;
  /** For ordering: the instant the figure counts as reported. */
  reportedInstant: string;
}

export interface ChartInput {
  /** Unique on its page: `chart-killed`. */
  id: string;
  /** What is counted: `Killed`. */
  label: string;
  claimants: readonly { name: string; figures: readonly ChartFigure[] }[];
}

export type MarkerShape = 'dot' | 'lower-bound' | 'ring';

export interface ChartLabel {
  x: number;
  y: number;
  anchor: 'start' | 'end';
  text: string;
}

export interface ChartRow {
  kind: 'claimant' | 'figure';
  /** Where a claimant's name starts. */
  x: number;
  y: number;
  /** The claimant's name, on a claimant row. */
  text: string | null;
  /** The name broken into lines that fit the chart's width (one line where it fits), each `lineHeight` below the last. */
  lines: string[];
  /** A marker's outline as an SVG path, or null (a range, or words only). */
  marker: { shape: MarkerShape; d: string } | null;
  /** A range, from `value` to `max`. */
  bar: { x: number; y: number; width: number; height: number } | null;
  label: ChartLabel | null;
}

export interface ClaimsChart {
  id: string;
  width: number;
  height: number;
  fontSize: number;
  title: string;
  desc: string;
  scale: 'linear' | 'log';
  axis: { y: number; x1: number; x2: number; ticks: { x: number; label: string; labelX: number; anchor: 'start' | 'middle' | 'end' }[]; labelY: number };
  lineHeight: number;
  /** Light vertical lines at the ticks, from the top to the axis. */
  grid: { x: number; y1: number; y2: number }[];
  rows: ChartRow[];
}

export const CHART = {
  width: 640,
  /**
   * The narrow variant's width, for containers under `wide * 11 / 13` px (the wide chart would render its 13-unit
   * text under 11 px there): 288 is the column at 320 px, so its text renders at 13 px on the smallest screens.
   */
  narrowWidth: 288,
  fontSize: 13,
  margin: 12,
  top: 8,
  claimantRow: 22,
  figureRow: 22,
  axisHeight: 34,
  markerRadius: 5,
  labelGap: 9,
  lineHeight: 16,
} as const;

const SIGN: Record<Qualifier, string> = { 'at-least': '≥ ', 'more-than': '> ', 'close-to': '≈ ', about: '~ ' };

const number = (n: number) => n.toLocaleString('en-GB');
const round = (n: number) => Math.round(n * 10) / 10;

/** `≥ 200`, `200–250`, `“hundreds”` */
export function chartValueLabel(f: Pick<ChartFigure, 'value' | 'max' | 'qualifier' | 'figure'>): string {
  if (f.value === null) return `“${f.figure ?? ''}” (in words)`;
  const value = f.max === null ? number(f.value) : `${number(f.value)}–${number(f.max)}`;
  return `${f.qualifier ? SIGN[f.qualifier] : ''}${value}`;
}

/** The smallest "nice" number (1, 2, 2.5 or 5 times a power of ten) at or above `x`. */
export function niceStep(x: number): number {
  if (x <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= x - 1e-9) return m * power;
  return 10 * power;
}

export interface Scale {
  kind: 'linear' | 'log';
  min: number;
  max: number;
  ticks: number[];
}

/** The axis for a set of values: see the module comment. At most six ticks on a linear axis. */
export function chooseScale(values: readonly number[]): Scale {
  const largest = Math.max(0, ...values);
  const positive = values.filter((v) => v > 0);
  const smallest = positive.length ? Math.min(...positive) : 0;
  if (positive.length === values.length && smallest > 0 && largest / smallest >= 100) {
    const lo = Math.floor(Math.log10(smallest));
    const hi = Math.ceil(Math.log10(largest));
    const ticks = Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
    return { kind: 'log', min: 10 ** lo, max: 10 ** hi, ticks };
  }
  const step = niceStep(largest / 5);
  // A little room beyond the largest figure, so that a marker (a lower bound points right) never sits on the edge.
  const max = Math.max(step, Math.ceil((largest + step / 10) / step - 1e-9) * step);
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => round(i * step));
  return { kind: 'linear', min: 0, max, ticks };
}

/** Where a value falls between `x1` and `x2` on a scale. */
export function position(scale: Scale, value: number, x1: number, x2: number): number {
  const t =
    scale.kind === 'log'
      ? (Math.log10(value) - Math.log10(scale.min)) / (Math.log10(scale.max) - Math.log10(scale.min))
      : (value - scale.min) / (scale.max - scale.min);
  return round(x1 + t * (x2 - x1));
}

export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  if (shape === 'lower-bound') return `M${round(x - r)} ${round(y - r)}L${round(x + r)} ${y}L${round(x - r)} ${round(y + r)}Z`;
  // A circle as two arcs; the ring's hole is drawn by the stylesheet (no fill).
  return `M${round(x - r)} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
}

export function markerShape(qualifier: Qualifier | null): MarkerShape {
  if (qualifier === 'at-least' || qualifier === 'more-than') return 'lower-bound';
  if (qualifier === 'close-to' || qualifier === 'about') return 'ring';
  return 'dot';
}

/**
 * The chart, or null when no figure of the measure is a number. `width` is the viewBox's: the page draws a wide
 * and a narrow variant and shows the one whose text renders at 11 px or more in the space it has. Every text stays
 * inside the width by its estimated size: a figure's label goes right of its marker, else left, else on a line of
 * its own above it; a claimant's name wraps; the end ticks' labels are anchored to stay in.
 */
export function drawClaimsChart(input: ChartInput, width: number = CHART.width): ClaimsChart | null {
  const numbers = input.claimants.flatMap((c) => c.figures.flatMap((f) => (f.value === null ? [] : [f.value, ...(f.max === null ? [] : [f.max])])));
  if (numbers.length === 0) return null;
  const scale = chooseScale(numbers);
  const { fontSize, margin, markerRadius: r, labelGap, lineHeight } = CHART;
  const x1 = margin + r;
  const x2 = width - margin - r;
  const rows: ChartRow[] = [];
  let y = CHART.top;
  let count = 0;
  for (const claimant of input.claimants) {
    const lines = wrap(claimant.name, width - 2 * margin, fontSize);
    y += CHART.claimantRow + (lines.length - 1) * lineHeight;
    rows.push({ kind: 'claimant', x: margin, y: y - 6 - (lines.length - 1) * lineHeight, text: claimant.name, lines, marker: null, bar: null, label: null });
    const ordered = [...claimant.figures].sort(
      (a, b) => (a.reportedInstant < b.reportedInstant ? -1 : a.reportedInstant > b.reportedInstant ? 1 : (a.value ?? -1) - (b.value ?? -1)),
    );
    for (const f of ordered) {
      count += 1;
      y += CHART.figureRow;
      const text = `${chartValueLabel(f)} · ${f.reportedLabel}`;
      const w = textWidth(text, fontSize);
      if (f.value === null) {
        const mid = y - 10;
        rows.push({ kind: 'figure', x: margin, y: mid, text: null, lines: [], marker: null, bar: null, label: { x: x1 - r, y: mid + 4, anchor: 'start', text } });
        continue;
      }
      const from = position(scale, f.value, x1, x2);
      const to = f.max === null ? from : position(scale, f.max, x1, x2);
      const right = to + r + labelGap;
      const left = from - r - labelGap;
      let place: Pick<ChartLabel, 'x' | 'anchor'>;
      let above = false;
      if (right + w <= width - margin) place = { x: round(right), anchor: 'start' };
      else if (left - w >= margin) place = { x: round(left), anchor: 'end' };
      else {
        // Neither side has room: the label on a line of its own, centred over the marker as far as the edges allow.
        place = { x: round(Math.min(Math.max((from + to) / 2 - w / 2, margin), width - margin - w)), anchor: 'start' };
        above = true;
        y += lineHeight;
      }
      const mid = y - 10;
      const label: ChartLabel = { ...place, y: mid + 4 - (above ? lineHeight : 0), text };
      const shape = markerShape(f.qualifier);
      const marker = f.max === null ? { shape, d: markerPath(shape, from, mid, r) } : null;
      const bar = f.max === null ? null : { x: from, y: mid - 4, width: round(Math.max(2, to - from)), height: 8 };
      rows.push({ kind: 'figure', x: from, y: mid, text: null, lines: [], marker, bar, label });
    }
  }
  const axisY = y + 8;
  const height = axisY + CHART.axisHeight;
  const ticks = scale.ticks.map((t) => {
    const x = position(scale, t, x1, x2);
    const label = number(t);
    const half = textWidth(label, fontSize) / 2;
    // Centred under its tick unless that runs past an edge: then flush with the edge, whatever the font's widths.
    if (x + half > width - 1) return { x, label, labelX: width - 1, anchor: 'end' as const };
    if (x - half < 1) return { x, label, labelX: 1, anchor: 'start' as const };
    return { x, label, labelX: x, anchor: 'middle' as const };
  });
  const claimants = input.claimants.length;
  const words = input.claimants.reduce((n, c) => n + c.figures.filter((f) => f.value === null).length, 0);
  const desc = [
    `${count} figure${count === 1 ? '' : 's'} from ${claimants} claimant${claimants === 1 ? '' : 's'}, one row each in the order reported,`,
    `on a ${scale.kind === 'log' ? 'logarithmic' : 'linear'} scale from ${number(scale.min)} to ${number(scale.max)}.`,
    'Dots are exact figures, triangles lower bounds (at least, more than), rings approximate figures (close to, about), bars ranges.',
    words ? `${words} figure${words === 1 ? ' is' : 's are'} given in words only and not plotted.` : '',
    'The table lists every figure with its source.',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    id: input.id,
    width,
    height,
    fontSize,
    title: `${input.label}: figures by claimant and date reported`,
    desc,
    scale: scale.kind,
    axis: { y: axisY, x1, x2, ticks, labelY: axisY + 18 },
    lineHeight,
    grid: ticks.map((t) => ({ x: t.x, y1: CHART.top, y2: axisY })),
    rows,
  };
}

/** A text broken at spaces into lines no wider than `max` by the bold estimate; a single word longer than that stays whole. */
export function wrap(text: string, max: number, fontSize: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, fontSize, true) <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
