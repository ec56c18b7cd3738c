import { describe, expect, it } from 'vitest';
import { CHART, chartValueLabel, chooseScale, drawClaimsChart, markerPath, markerShape, niceStep, position, wrap, type ChartFigure, type ClaimsChart } from '../../src/views/claims-chart.ts';
import { textWidth } from '../../src/views/svg-text.ts';

const fig = (value: number | null, reported: string, extra: Partial<ChartFigure> = {}): ChartFigure => ({
  value,
  max: null,
  qualifier: null,
  figure: null,
  reportedLabel: `${reported} Sep 2023`,
  reportedInstant: `2023-09-${reported}T20:00:00Z`,
  ...extra,
});

describe('chartValueLabel', () => {
  it.each<[Partial<ChartFigure>, string]>([
    [{ value: 32 }, '32'],
    [{ value: 3154 }, '3,154'],
    [{ value: 200, qualifier: 'at-least' }, '≥ 200'],
    [{ value: 400, qualifier: 'more-than' }, '> 400'],
    [{ value: 100, qualifier: 'close-to' }, '≈ 100'],
    [{ value: 50, qualifier: 'about' }, '~ 50'],
    [{ value: 200, max: 250 }, '200–250'],
    [{ value: null, figure: 'hundreds' }, '“hundreds” (in words)'],
  ])('%j → %s', (f, label) => {
    expect(chartValueLabel({ value: null, max: null, qualifier: null, figure: null, ...f })).toBe(label);
  });
});

describe('scales', () => {
  it.each([
    [0.3, 0.5],
    [1, 1],
    [7, 10],
    [40, 50],
    [41, 50],
    [80, 100],
    [130, 200],
    [220, 250],
    [630.8, 1000],
  ])('niceStep(%d) → %d', (x, step) => {
    expect(niceStep(x)).toBe(step);
  });

  it('is linear from 0 with room beyond the largest figure, and at most six ticks', () => {
    // 200 / 5 = 40 → a step of 50; 200 sits on a tick, so one more step of room.
    expect(chooseScale([32, 200, 100])).toEqual({ kind: 'linear', min: 0, max: 250, ticks: [0, 50, 100, 150, 200, 250] });
    // 60 / 5 = 12 → a step of 20.
    expect(chooseScale([60])).toEqual({ kind: 'linear', min: 0, max: 80, ticks: [0, 20, 40, 60, 80] });
    expect(chooseScale([190])).toEqual({ kind: 'linear', min: 0, max: 200, ticks: [0, 50, 100, 150, 200] });
    expect(chooseScale([0])).toEqual({ kind: 'linear', min: 0, max: 1, ticks: [0, 1] });
  });

  it('turns logarithmic where the figures span two orders of magnitude', () => {
    expect(chooseScale([10, 3154])).toEqual({ kind: 'log', min: 10, max: 10000, ticks: [10, 100, 1000, 10000] });
    expect(chooseScale([31, 3154]).kind).toBe('log');
    // Under a hundredfold (3,154 / 32 is 98.6): linear.
    expect(chooseScale([32, 3154]).kind).toBe('linear');
    // A zero cannot go on a logarithmic axis.
    expect(chooseScale([0, 10, 3154]).kind).toBe('linear');
  });

  it('places values between the axis ends', () => {
    const linear = chooseScale([200]);
    expect(position(linear, 0, 10, 260)).toBe(10);
    expect(position(linear, 125, 10, 260)).toBe(135);
    expect(position(linear, 250, 10, 260)).toBe(260);
    const log = chooseScale([10, 3154]);
    expect(position(log, 100, 0, 300)).toBe(100);
    expect(position(log, 1000, 0, 300)).toBe(200);
  });
});

describe('markers', () => {
  it.each([
    [null, 'dot'],
    ['at-least', 'lower-bound'],
    ['more-than', 'lower-bound'],
    ['close-to', 'ring'],
    ['about', 'ring'],
  ] as const)('%s → %s', (qualifier, shape) => {
    expect(markerShape(qualifier)).toBe(shape);
  });

  it('draws a lower bound as a triangle pointing to the larger values, a dot as a circle', () => {
    expect(markerPath('lower-bound', 100, 50, 5)).toBe('M95 45L105 50L95 55Z');
    expect(markerPath('dot', 100, 50, 5)).toBe('M95 50a5 5 0 1 0 10 0a5 5 0 1 0 -10 0Z');
  });
});

describe('drawClaimsChart', () => {
  const chart = drawClaimsChart({
    id: 'chart-killed',
    label: 'Killed',
    claimants: [
      // Listed out of report order: the chart orders each claimant's rows by when they were reported.
      { name: 'Armenia', figures: [fig(32, '21'), fig(32, '20', { qualifier: 'at-least' })] },
      { name: 'Vardanyan', figures: [fig(100, '20', { qualifier: 'close-to' }), fig(null, '20', { figure: 'hundreds' })] },
      { name: 'Range', figures: [fig(150, '21', { max: 200 })] },
    ],
  })!;

  it('has a title, a description in words and a linear axis with its ticks', () => {
    expect(chart.id).toBe('chart-killed');
    expect(chart.title).toBe('Killed: figures by claimant and date reported');
    expect(chart.desc).toBe(
      '5 figures from 3 claimants, one row each in the order reported, on a linear scale from 0 to 250. Dots are exact figures, triangles lower bounds (at least, more than), rings approximate figures (close to, about), bars ranges. 1 figure is given in words only and not plotted. The table lists every figure with its source.',
    );
    expect(chart.scale).toBe('linear');
    expect(chart.axis.ticks.map((t) => t.label)).toEqual(['0', '50', '100', '150', '200', '250']);
    // The axis runs between the margins, leaving room for a marker's radius at either end.
    expect(chart.axis.x1).toBe(CHART.margin + CHART.markerRadius);
    expect(chart.axis.x2).toBe(CHART.width - CHART.margin - CHART.markerRadius);
  });

  it('gives each claimant a heading row and each figure a row, in the order reported', () => {
    const rows = chart.rows.map((r) => (r.kind === 'claimant' ? r.text : `${r.marker?.shape ?? (r.bar ? 'bar' : 'words')}: ${r.label!.text}`));
    expect(rows).toEqual([
      'Armenia',
      'lower-bound: ≥ 32 · 20 Sep 2023',
      'dot: 32 · 21 Sep 2023',
      'Vardanyan',
      'words: “hundreds” (in words) · 20 Sep 2023',
      'ring: ≈ 100 · 20 Sep 2023',
      'Range',
      'bar: 150–200 · 21 Sep 2023',
    ]);
    const ys = chart.rows.map((r) => r.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(chart.height).toBeGreaterThan(ys.at(-1)! + CHART.axisHeight);
  });

  it('places markers and bars by value, and labels inside the chart', () => {
    const { x1, x2 } = chart.axis;
    const at = (v: number) => Math.round((x1 + (v / 250) * (x2 - x1)) * 10) / 10;
    const figures = chart.rows.filter((r) => r.kind === 'figure');
    expect(figures[0]!.x).toBe(at(32));
    expect(figures[3]!.x).toBe(at(100));
    expect(figures[4]!.bar).toEqual({ x: at(150), y: figures[4]!.y - 4, width: Math.round((at(200) - at(150)) * 10) / 10, height: 8 });
    for (const r of figures) {
      if (r.label!.anchor === 'start') expect(r.label!.x).toBeGreaterThan(0);
      else expect(r.label!.x).toBeLessThan(chart.width);
    }
    // A label that would run off the right edge goes to the left of its marker.
    const wide = drawClaimsChart({ id: 'c', label: 'Killed', claimants: [{ name: 'A', figures: [fig(200, '20'), fig(10, '21')] }] })!;
    const [near, far] = wide.rows.filter((r) => r.kind === 'figure');
    expect(near!.label!.anchor).toBe('end');
    expect(near!.label!.x).toBeLessThan(near!.x);
    expect(far!.label!.anchor).toBe('start');
    expect(far!.label!.x).toBeGreaterThan(far!.x);
  });

  it('turns logarithmic for figures two orders apart, and is null when no figure is a number', () => {
    const log = drawClaimsChart({ id: 'c', label: 'Evacuated', claimants: [{ name: 'Russia', figures: [fig(3154, '21'), fig(12, '20')] }] })!;
    expect(log.scale).toBe('log');
    expect(log.axis.ticks.map((t) => t.label)).toEqual(['10', '100', '1,000', '10,000']);
    expect(log.desc).toContain('on a logarithmic scale from 10 to 10,000');
    expect(drawClaimsChart({ id: 'c', label: 'Injured', claimants: [{ name: 'V', figures: [fig(null, '20', { figure: 'hundreds' })] }] })).toBeNull();
  });
});

/** Every text's estimated box, as [left, right], by its anchor: the claimant lines bold. */
function textBoxes(chart: ClaimsChart): { text: string; left: number; right: number }[] {
  const box = (text: string, x: number, anchor: string, bold = false) => {
    const w = textWidth(text, chart.fontSize, bold);
    const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    return { text, left, right: left + w };
  };
  return [
    ...chart.axis.ticks.map((t) => box(t.label, t.labelX, t.anchor)),
    ...chart.rows.flatMap((r) => (r.kind === 'claimant' ? r.lines.map((l) => box(l, r.x, 'start', true)) : [box(r.label!.text, r.label!.x, r.label!.anchor)])),
  ];
}

describe('drawClaimsChart: nothing outside the chart, at either width', () => {
  const input = {
    id: 'chart-killed',
    label: 'Killed',
    claimants: [
      { name: 'A human rights activist from the separatist camp', figures: [fig(200, '20', { qualifier: 'at-least' as const })] },
      { name: 'Armenia', figures: [fig(32, '20'), fig(120, '21', { qualifier: 'close-to' as const }), fig(60, '21', { max: 90 })] },
      { name: 'Russia', figures: [fig(null, '20', { figure: 'hundreds' }), fig(4000, '21')] },
    ],
  };

  it.each([CHART.width, CHART.narrowWidth])('keeps every label, name and tick inside a %d-wide chart', (width) => {
    const chart = drawClaimsChart(input, width)!;
    expect(chart.width).toBe(width);
    for (const b of textBoxes(chart)) {
      expect(b.left, b.text).toBeGreaterThanOrEqual(0);
      expect(b.right, b.text).toBeLessThanOrEqual(width);
    }
  });

  it('anchors the last tick\'s label to the right edge when centring it would run past', () => {
    // The evacuation figure of the issue: 3,154 on a 0–4,000 axis, whose 4,000 sits 17 units from the edge.
    const ticks = drawClaimsChart({ id: 'c', label: 'Evacuated', claimants: [{ name: 'Russia', figures: [fig(3154, '20')] }] })!.axis.ticks;
    expect(ticks.map((t) => t.label)).toEqual(['0', '1,000', '2,000', '3,000', '4,000']);
    expect(ticks.at(-1)).toMatchObject({ label: '4,000', anchor: 'end', labelX: CHART.width - 1 });
    expect(ticks[1]).toMatchObject({ label: '1,000', anchor: 'middle' });
    expect(ticks[1]!.labelX).toBe(ticks[1]!.x);
  });

  it('wraps a long claimant name in the narrow chart and pushes the rows below it down', () => {
    // A figure near 0, whose label fits right of its marker at either width.
    const long = { id: 'c', label: 'Killed', claimants: [{ name: input.claimants[0]!.name, figures: [fig(10, '20'), fig(200, '21')] }] };
    const wide = drawClaimsChart(long)!;
    const narrow = drawClaimsChart(long, CHART.narrowWidth)!;
    expect(wide.rows[0]!.lines).toEqual(['A human rights activist from the separatist camp']);
    expect(narrow.rows[0]!.lines).toEqual(['A human rights activist from the', 'separatist camp']);
    expect(narrow.rows[1]!.y - narrow.rows[0]!.y).toBe(wide.rows[1]!.y - wide.rows[0]!.y + CHART.lineHeight);
  });

  it('puts a label that fits on neither side of its marker on a line of its own above it', () => {
    // 2,500 of 5,000 sits mid-axis: "2,500 · 20 Sep 2023" (about 139 units) fits neither side of 288.
    const chart = drawClaimsChart({ id: 'c', label: 'Evacuated', claimants: [{ name: 'Russia', figures: [fig(2500, '20'), fig(4000, '21')] }] }, CHART.narrowWidth)!;
    const mid = chart.rows[1]!;
    expect(mid.label!.y).toBeLessThan(mid.y - CHART.markerRadius);
    const w = textWidth(mid.label!.text, CHART.fontSize);
    expect(mid.label!.x).toBeCloseTo(mid.x - w / 2, 0);
    // The next row starts a line further down than it would have.
    expect(chart.rows[2]!.y - mid.y).toBe(CHART.figureRow);
    expect(mid.y - chart.rows[0]!.y).toBe(CHART.figureRow + CHART.lineHeight - 4);
  });
});

describe('wrap', () => {
  it('breaks at spaces within the width and keeps an over-long word whole', () => {
    expect(wrap('aaa bbb ccc', textWidth('aaa bbb', 13, true), 13)).toEqual(['aaa bbb', 'ccc']);
    expect(wrap('Azerbaijan', 10, 13)).toEqual(['Azerbaijan']);
    expect(wrap('Armenia', 300, 13)).toEqual(['Armenia']);
  });
});
