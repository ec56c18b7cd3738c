import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { CSV_COLUMNS, csvCell, eventsCsv } from '../../src/exports/csv.ts';
import { eventsJson } from '../../src/exports/events-json.ts';
import { buildFeed, jsonFeed } from '../../src/exports/feeds.ts';
import { cleanDeep, cleanText, escapeHtml } from '../../src/lib/html-text.ts';
import { buildTimeline } from '../../src/views/site.ts';
import { timelineJs } from '../../src/exports/timelinejs.ts';
import { exportContent } from './support/export-timeline.ts';

/** Issue 18: control characters, lone surrogates and bidi overrides never reach an export. */

// What no export may contain: C0 but tab, LF and CR; DEL and C1; bidi embeddings, overrides, isolates;
// U+FFFE and U+FFFF; and surrogates without their other half.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const hostile = () => {
  const content = exportContent();
  content.categories[0]!.label = 'Mili\u0001tary\u0085';
  content.site.title = 'Site\u202e reversed\u2066';
  const ceasefire = content.events.find((e) => e.id === 'ceasefire')!;
  ceasefire.title = '=HYPERLINK("https://evil.example") \u0007bell \ud800lone \u202eevil';
  return buildTimeline(content, renderMarkdown);
};

/** Every string in a parsed value, keys included. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)])
        : [];

describe('cleanText', () => {
  it.each([
    ['Mili\u0001tary', 'Military'],
    ['tab\tline\nreturn\r', 'tab\tline\nreturn\r'],
    ['del\u007f c1\u0085\u009f', 'del c1'],
    ['a\u202eb\u202ac\u2066d\u2069e', 'abcde'],
    ['lone \ud800 high, lone \udc00 low', 'lone \ufffd high, lone \ufffd low'],
    ['pair 😀 stays', 'pair 😀 stays'],
    ['\ufffe\uffffnon', 'non'],
    ['אבג and left-to-right mark \u200e stay', 'אבג and left-to-right mark \u200e stay'],
  ])('%j → %j', (input, output) => {
    expect(cleanText(input)).toBe(output);
  });

  it('cleanDeep cleans strings at any depth and leaves other values', () => {
    expect(cleanDeep({ a: ['x\u0001', { b: 'y\u202e', n: 3, z: null }], ['k\u0002']: true })).toEqual({ a: ['x', { b: 'y', n: 3, z: null }], k: true });
  });

  it('escapeHtml cleans as it escapes, for attributes and content', () => {
    expect(escapeHtml('"Mili\u0001tary" \u202e<b>')).toBe('&quot;Military&quot; &lt;b&gt;');
  });
});

describe('every export of a hostile timeline', () => {
  const timeline = hostile();

  it('the Atom feed data holds no unsafe character, category labels included', () => {
    const feed = buildFeed(timeline);
    expect(strings(feed).filter((s) => UNSAFE.test(s))).toEqual([]);
    expect(feed.entries.map((e) => e.category.label)).toContain('Military');
  });

  it.each([
    ['feed.json', jsonFeed],
    ['events.json', eventsJson],
    ['timeline.json', timelineJs],
  ])('%s is valid JSON without unsafe characters, escaped or not', (_, serialise) => {
    const text = serialise(timeline);
    expect(UNSAFE.test(text)).toBe(false);
    expect(text).not.toMatch(/\\u(?:00[01][0-8b-f]|d[89a-f][0-9a-f]{2}|202[a-e]|206[6-9])/i);
    const parsed = JSON.parse(text);
    expect(strings(parsed).filter((s) => UNSAFE.test(s))).toEqual([]);
    expect(text).toContain('HYPERLINK');
  });
});

describe('events.csv', () => {
  const timeline = hostile();
  const rows: Record<string, string>[] = parse(eventsCsv(timeline), { columns: true });

  it('parses, has no unsafe characters, and guards a title that starts like a formula', () => {
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows.flatMap((r) => Object.values(r)).filter((s) => UNSAFE.test(s))).toEqual([]);
    const ceasefire = rows.find((r) => r.id === 'ceasefire')!;
    expect(ceasefire.title).toBe('\'=HYPERLINK("https://evil.example") bell \ufffdlone evil');
    expect(ceasefire.utc_offset_minutes).toBe('240');
    expect(ceasefire.claims).toBe('1');
    expect(rows.find((r) => r.id === 'war')!.title).toBe('The 2020 war');
  });

  it.each([
    ['=1+1', false, "'=1+1"],
    ['+44 20', false, "'+44 20"],
    ['-1', false, "'-1"],
    ['@SUM(A1)', false, "'@SUM(A1)"],
    ['\tindent', false, "'\tindent"],
    ['\rreturn', false, "'\rreturn"],
    ['\u0001=hidden', false, "'=hidden"],
    ['plain - text', false, 'plain - text'],
    ['-240', true, '-240'],
    ['12', true, '12'],
    ['-12; DROP', true, "'-12; DROP"],
    ['', true, ''],
  ])('csvCell(%j, numeric %s) → %j', (value, numeric, cell) => {
    expect(csvCell(value, numeric)).toBe(cell);
  });
});
