import { describe, expect, it } from 'vitest';
import { indexedPages, inSequence, parseUsage } from '../../bench/measure.ts';

describe('parseUsage: /usr/bin/time -f "%M %U %S" (or bench/rss.mjs) as MB and CPU seconds', () => {
  it.each<[string, string, { rssMb: number | null; cpuS: number | null }]>([
    ['a plain line', '204800 12.34 1.66\n', { rssMb: 200, cpuS: 14 }],
    ['a failed command’s status line first', 'Command exited with non-zero status 1\n1024 0.50 0.25\n', { rssMb: 1, cpuS: 0.75 }],
    ['rss.mjs’s microsecond-exact seconds', '51200 3.000123 0.5\n', { rssMb: 50, cpuS: 3.500123 }],
    ['the old RSS-only form', '204800\n', { rssMb: 200, cpuS: null }],
    ['nothing (no file)', '', { rssMb: null, cpuS: null }],
    ['garbage', 'x y z', { rssMb: null, cpuS: null }],
  ])('%s', (_, text, expected) => {
    const usage = parseUsage(text);
    expect(usage.rssMb).toBe(expected.rssMb);
    if (expected.cpuS === null) expect(usage.cpuS).toBeNull();
    else expect(usage.cpuS).toBeCloseTo(expected.cpuS, 9);
  });
});

describe('indexedPages: Pagefind’s count of indexed pages', () => {
  it('reads the pages line of its summary, not the languages or words', () => {
    expect(indexedPages('Total: \n  Indexed 1 language\n  Indexed 10001 pages\n  Indexed 5234 words\n')).toBe(10001);
    expect(indexedPages('  Indexed 1 page\n')).toBe(1);
    expect(indexedPages('Error: no pages\n')).toBeNull();
  });
});

describe('inSequence: Eleventy, then Pagefind, as one build', () => {
  it('adds times and CPU, and keeps the larger peak RSS', () => {
    expect(inSequence([{ seconds: 6.5, cpuS: 9, rssMb: 700 }, { seconds: 3.5, cpuS: 4.5, rssMb: 900 }])).toEqual({ seconds: 10, cpuS: 13.5, rssMb: 900 });
  });

  it('does not make up a figure that a step lacks', () => {
    expect(inSequence([{ seconds: 1, cpuS: null, rssMb: 10 }, { seconds: 2, cpuS: 1, rssMb: null }])).toEqual({ seconds: 3, cpuS: null, rssMb: null });
  });
});
