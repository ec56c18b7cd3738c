import type { EventDate } from '../schema/dates.ts';
import { formatShortDate } from '../model/labels.ts';
import { textWidth } from './svg-text.ts';

/**
 * The home page's story at a glance, drawn at build time: one row per day of the main era (and one for the
 * collapsed background), each with a bar as long as its number of events, and under it the day's key events
 * (`importance: headline`). Every row and every key event is a link into the list below, named in words
 * ("Wednesday 20 September 2023: 23 events"), so that the axis needs no JavaScript and reads as a list of links.
 *
 * It is drawn in columns for a narrow width (it stays the same picture beside the story on a wide screen): the
 * SVG is never scaled below `AXIS.minScale`, so that no text renders smaller than 11 px. The model is geometry
 * and text only; `_includes/time-axis.njk` prints it, escaping every text.
 */

export interface AxisEvent {
  id: string;
  title: string;
  headline: boolean;
  date: EventDate;
}

export interface AxisInput {
  eras: readonly {
    id: string;
    /** The era's heading on the page, for the background row's name. */
    title: string;
    /** The anchor of the era's heading. */
    anchor: string;
    days: readonly { key: string; heading: string; anchor: string; events: readonly AxisEvent[] }[];
  }[];
}

export interface AxisText {
  x: number;
  y: number;
  text: string;
}

export interface AxisRow {
  href: string;
  /** The link's accessible name: `Wednesday 20 September 2023: 23 events`. */
  name: string;
  label: AxisText;
  count: AxisText;
  bar: { x: number; y: number; width: number; height: number };
  /** The row's dot on the axis line. */
  dot: { cx: number; cy: number; r: number };
  /** The background row is told apart by its muted style. */
  background: boolean;
  /** The day's key events, drawn under it. */
  headlines: AxisHeadline[];
}

export interface AxisHeadline {
  href: string;
  name: string;
  /** A diamond on the axis line. */
  marker: string;
  lines: AxisText[];
}

export interface TimeAxis {
  width: number;
  height: number;
  fontSize: number;
  title: string;
  line: { x: number; y1: number; y2: number };
  rows: AxisRow[];
}

export const AXIS = {
  width: 320,
  fontSize: 14,
  /** Key event titles are a little smaller than the day labels. */
  headlineSize: 13,
  /** The smallest scale the page may show the SVG at (`min-width` in site.css): 13 px × 0.9 ≥ 11 px. */
  minScale: 0.9,
  rowHeight: 26,
  lineHeight: 17,
  axisX: 7,
  labelX: 20,
  barHeight: 12,
  gap: 8,
} as const;

const plural = (n: number) => `${n} event${n === 1 ? '' : 's'}`;

/** Splits a title into lines no wider than `width` at `size`, breaking between words (a long word stands alone). */
export function wrapText(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, size) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function drawTimeAxis(input: AxisInput): TimeAxis {
  const A = AXIS;
  type Entry = { href: string; heading: string; name: string; label: string; count: number; background: boolean; headlines: AxisEvent[] };
  const entries: Entry[] = input.eras.flatMap((era): Entry[] => {
    const count = era.days.reduce((n, d) => n + d.events.length, 0);
    if (era.id === 'background') {
      // The background is collapsed on the page: one row for all of it, pointing at its heading.
      return count ? [{ href: `#${era.anchor}`, heading: era.title, name: `${era.title}: ${plural(count)}`, label: 'Background', count, background: true, headlines: [] }] : [];
    }
    return era.days.map((day) => ({
      href: `#${day.anchor}`,
      heading: day.heading,
      name: `${day.heading}: ${plural(day.events.length)}`,
      label: formatShortDate(day.events[0]!.date),
      count: day.events.length,
      background: false,
      headlines: day.events.filter((e) => e.headline),
    }));
  });

  const most = Math.max(1, ...entries.map((e) => e.count));
  const labelWidth = Math.max(0, ...entries.map((e) => textWidth(e.label, A.fontSize, true)));
  const barX = round(A.labelX + labelWidth + A.gap);
  const countWidth = textWidth(plural(most), A.fontSize);
  const barSpace = A.width - barX - A.gap - countWidth;
  const textWidthAvailable = A.width - A.labelX;

  const rows: AxisRow[] = [];
  let y = 0;
  let lastMark = 0;
  for (const entry of entries) {
    const mid = y + A.rowHeight / 2;
    const baseline = mid + A.fontSize * 0.35;
    const width = Math.max(2, Math.round((entry.count / most) * barSpace));
    const headlines: AxisHeadline[] = [];
    rows.push({
      href: entry.href,
      name: entry.name,
      label: { x: A.labelX, y: round(baseline), text: entry.label },
      count: { x: round(barX + width + A.gap / 2), y: round(baseline), text: plural(entry.count) },
      bar: { x: barX, y: round(mid - A.barHeight / 2), width, height: A.barHeight },
      dot: { cx: A.axisX, cy: round(mid), r: 4.5 },
      background: entry.background,
      headlines,
    });
    lastMark = mid;
    y += A.rowHeight;
    for (const e of entry.headlines) {
      const lines = wrapText(e.title, textWidthAvailable, A.headlineSize);
      const first = y + A.lineHeight / 2;
      lastMark = first;
      headlines.push({
        href: `#${e.id}`,
        name: `Key event, ${entry.heading}: ${e.title}`,
        marker: diamond(A.axisX, round(first), 4.5),
        lines: lines.map((text, i) => ({ x: A.labelX, y: round(first + A.headlineSize * 0.35 + i * A.lineHeight), text })),
      });
      y += lines.length * A.lineHeight + 4;
    }
  }
  const height = Math.max(y, A.rowHeight);
  const total = entries.reduce((n, e) => n + e.count, 0);
  return {
    width: A.width,
    height: round(height + 2),
    fontSize: A.fontSize,
    title: `${plural(total)} by day, with the key events`,
    line: { x: A.axisX, y1: rows[0]?.dot.cy ?? 0, y2: round(lastMark) },
    rows,
  };
}

function diamond(x: number, y: number, r: number): string {
  return `M${x} ${round(y - r)}L${round(x + r)} ${y}L${x} ${round(y + r)}L${round(x - r)} ${y}Z`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
