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
  axis: { y: number; x1: number; x2: number; ticks: { x: number; label: string }[]; labelY: number };
  /** Light vertical lines at the ticks, from the top to the axis. */
  grid: { x: number; y1: number; y2: number }[];
  rows: ChartRow[];
}

export const CHART = {
  width: 640,
  fontSize: 13,
  margin: 12,
  top: 8,
  claimantRow: 22,
  figureRow: 22,
  axisHeight: 34,
  markerRadius: 5,
  labelGap: 9,
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

/** The chart, or null when no figure of the measure is a number. */
export function drawClaimsChart(input: ChartInput): ClaimsChart | null {
  const numbers = input.claimants.flatMap((c) => c.figures.flatMap((f) => (f.value === null ? [] : [f.value, ...(f.max === null ? [] : [f.max])])));
  if (numbers.length === 0) return null;
  const scale = chooseScale(numbers);
  const { width, fontSize, margin, markerRadius: r, labelGap } = CHART;
  const x1 = margin + r;
  const x2 = width - margin - r;
  const rows: ChartRow[] = [];
  let y = CHART.top;
  let count = 0;
  for (const claimant of input.claimants) {
    y += CHART.claimantRow;
    rows.push({ kind: 'claimant', x: margin, y: y - 6, text: claimant.name, marker: null, bar: null, label: null });
    const ordered = [...claimant.figures].sort(
      (a, b) => (a.reportedInstant < b.reportedInstant ? -1 : a.reportedInstant > b.reportedInstant ? 1 : (a.value ?? -1) - (b.value ?? -1)),
    );
    for (const f of ordered) {
      count += 1;
      y += CHART.figureRow;
      const mid = y - 10;
      const text = `${chartValueLabel(f)} · ${f.reportedLabel}`;
      if (f.value === null) {
        rows.push({ kind: 'figure', x: margin, y: mid, text: null, marker: null, bar: null, label: { x: x1 - r, y: mid + 4, anchor: 'start', text } });
        continue;
      }
      const from = position(scale, f.value, x1, x2);
      const to = f.max === null ? from : position(scale, f.max, x1, x2);
      const shape = markerShape(f.qualifier);
      const marker = f.max === null ? { shape, d: markerPath(shape, from, mid, r) } : null;
      const bar = f.max === null ? null : { x: from, y: mid - 4, width: round(Math.max(2, to - from)), height: 8 };
      const w = textWidth(text, fontSize);
      const right = to + r + labelGap;
      const label: ChartLabel =
        right + w <= width - margin || from - r - labelGap - w < margin
          ? { x: round(right), y: mid + 4, anchor: 'start', text }
          : { x: round(from - r - labelGap), y: mid + 4, anchor: 'end', text };
      rows.push({ kind: 'figure', x: from, y: mid, text: null, marker, bar, label });
    }
  }
  const axisY = y + 8;
  const height = axisY + CHART.axisHeight;
  const ticks = scale.ticks.map((t) => ({ x: position(scale, t, x1, x2), label: number(t) }));
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
    grid: ticks.map((t) => ({ x: t.x, y1: CHART.top, y2: axisY })),
    rows,
  };
}
