import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { AXIS, drawTimeAxis, wrapText, type AxisEvent, type AxisInput } from '../../src/views/time-axis.ts';
import { textWidth } from '../../src/views/svg-text.ts';
import { date } from './support/dates.ts';
import { ROOT } from '../helpers/project.ts';

const ev = (id: string, raw: string, headline = false, title = `Title of ${id}`): AxisEvent => ({ id, title, headline, date: date(raw) });

const day = (key: string, heading: string, events: AxisEvent[]) => ({ key, heading, anchor: `d-${key}`, events });

/** The shape of the real content: a collapsed background, a month-precision day, then three busy days. */
const INPUT: AxisInput = {
  eras: [
    {
      id: 'background',
      title: 'Background: 1991 to August 2023',
      anchor: 'era-background',
      days: [day('1991', '1991', [ev('independence', '1991'), ev('collapse', '1991')]), day('2020', '2020', [ev('war', '2020')])],
    },
    {
      id: 'main',
      title: 'From September 2023',
      anchor: 'era-main',
      days: [
        day('2023-09', 'September 2023', [ev('tensions', '2023-09')]),
        day('2023-09-19', 'Tuesday 19 September 2023', [ev('launch', '2023-09-19', true, 'Azerbaijan launches a military operation in Nagorno-Karabakh'), ev('b', '2023-09-19')]),
        day('2023-09-20', 'Wednesday 20 September 2023', [ev('c', '2023-09-20'), ev('ceasefire', '2023-09-20', true, 'Ceasefire takes effect'), ev('d', '2023-09-20'), ev('e', '2023-09-20')]),
      ],
    },
  ],
};

describe('drawTimeAxis', () => {
  const axis = drawTimeAxis(INPUT);

  it('draws one row for the background and one per day of the main era, each a link to its heading, named in words', () => {
    expect(axis.rows.map((r) => [r.href, r.name, r.label.text, r.count.text])).toEqual([
      ['#era-background', 'Background: 1991 to August 2023: 3 events', 'Background', '3 events'],
      ['#d-2023-09', 'September 2023: 1 event', 'Sep 2023', '1 event'],
      ['#d-2023-09-19', 'Tuesday 19 September 2023: 2 events', '19 Sep 2023', '2 events'],
      ['#d-2023-09-20', 'Wednesday 20 September 2023: 4 events', '20 Sep 2023', '4 events'],
    ]);
    expect(axis.rows.map((r) => r.background)).toEqual([true, false, false, false]);
    expect(axis.title).toBe('10 events by day, with the key events');
  });

  it('makes bars proportional to the number of events, the busiest day the longest', () => {
    const widths = axis.rows.map((r) => r.bar.width);
    expect(widths[3]).toBe(Math.max(...widths));
    expect(widths[2]! / widths[3]!).toBeCloseTo(2 / 4, 1);
    expect(widths[1]! / widths[3]!).toBeCloseTo(1 / 4, 1);
    // All bars start at one x, after the widest label, and every count fits inside the drawing.
    expect(new Set(axis.rows.map((r) => r.bar.x)).size).toBe(1);
    for (const r of axis.rows) {
      expect(r.bar.x).toBeGreaterThan(r.label.x + textWidth(r.label.text, AXIS.fontSize, true));
      expect(r.count.x).toBeGreaterThan(r.bar.x + r.bar.width);
      expect(r.count.x + textWidth(r.count.text, AXIS.fontSize)).toBeLessThanOrEqual(axis.width);
    }
  });

  it('marks the key events under their day, each a link to the event, wrapped to the drawing', () => {
    const marks = axis.rows.map((r) => r.headlines.map((h) => [h.href, h.name]));
    expect(marks).toEqual([
      [],
      [],
      [['#launch', 'Key event, Tuesday 19 September 2023: Azerbaijan launches a military operation in Nagorno-Karabakh']],
      [['#ceasefire', 'Key event, Wednesday 20 September 2023: Ceasefire takes effect']],
    ]);
    const launch = axis.rows[2]!.headlines[0]!;
    expect(launch.lines.map((l) => l.text).join(' ')).toBe('Azerbaijan launches a military operation in Nagorno-Karabakh');
    expect(launch.lines.length).toBeGreaterThan(1);
    for (const l of launch.lines) expect(l.x + textWidth(l.text, AXIS.headlineSize)).toBeLessThanOrEqual(axis.width);
    // Rows and marks go down the page in order, and the drawing is tall enough for the last line.
    const ys = axis.rows.flatMap((r) => [r.label.y, ...r.headlines.flatMap((h) => h.lines.map((l) => l.y))]);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(axis.height).toBeGreaterThan(Math.max(...ys));
  });

  it('leaves out an empty background, and draws nothing but the frame for no events', () => {
    expect(drawTimeAxis({ eras: [INPUT.eras[1]!] }).rows.map((r) => r.href)).toEqual(['#d-2023-09', '#d-2023-09-19', '#d-2023-09-20']);
    expect(drawTimeAxis({ eras: [] }).rows).toEqual([]);
  });

  it('keeps its text at 11 px or more at the smallest scale the page allows', () => {
    expect(Math.min(AXIS.fontSize, AXIS.headlineSize) * AXIS.minScale).toBeGreaterThanOrEqual(11);
  });
});

describe('wrapText', () => {
  it.each<[string, number, string[]]>([
    ['one two three', 1000, ['one two three']],
    ['one two three', textWidth('one two', 10), ['one two', 'three']],
    ['supercalifragilistic word', 10, ['supercalifragilistic', 'word']],
    ['  spaced   out ', 1000, ['spaced out']],
  ])('%j in %d → %j', (text, width, lines) => {
    expect(wrapText(text, width, 10)).toEqual(lines);
  });
});

describe('templates/_includes/time-axis.njk', () => {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(join(ROOT, 'templates/_includes')), { autoescape: true });

  it('escapes every text from content: titles, headings and anchors', () => {
    const hostile = '<script>alert(1)</script> & "quoted" \'single\'';
    const axis = drawTimeAxis({
      eras: [{ id: 'main', title: 'Main', anchor: 'era-main', days: [day('2023-09-20', hostile, [ev('x"><script>', '2023-09-20', true, hostile)])] }],
    });
    const svg = env.render('time-axis.njk', { ax: axis });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('"quoted"');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;');
    expect(svg).toContain('href="#x&quot;&gt;&lt;script&gt;"');
    // One link per row and per key event, each carrying its name.
    expect(svg.match(/<a /g)).toHaveLength(2);
    expect(svg).toContain('aria-label="Key event, &lt;script&gt;');
  });
});
