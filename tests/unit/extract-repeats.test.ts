import { describe, expect, it } from 'vitest';
import { pointFromIso } from '../../src/extract/calendar.ts';
import { proposeDrafts } from '../../src/extract/drafts.ts';
import { findQuote, normaliseSpace } from '../../src/validate/quotes.ts';

/** Issue 18: only repeated sentences are searched for a prefix; they still get one, unique ones do not. */
describe('proposeDrafts and repeated sentences', () => {
  const body = [
    'The army moved first. Troops crossed the line on Tuesday. Officials in the capital met on Wednesday.',
    '',
    'A second report came in. Troops crossed the line on Tuesday.',
    '',
  ].join('\n');
  const drafts = proposeDrafts({
    sourceId: 'a',
    body,
    bodyLine: 1,
    published: pointFromIso('2023-09-20')!,
    siteZone: '+04:00',
    actors: [],
    places: [],
  });

  // Both drafts of a repeated sentence cite its first occurrence, which is why the first needs a sentence before it.
  it('gives a repeated sentence words before it that pick one occurrence, and a unique one none', () => {
    const repeated = drafts.filter((d) => d.sentence === 'Troops crossed the line on Tuesday.');
    expect(repeated).toHaveLength(2);
    for (const d of repeated) {
      expect(d.prefix).not.toBeNull();
      expect(findQuote(normaliseSpace(body), d.sentence, d.prefix).kind).toBe('found');
    }
    expect(drafts.find((d) => d.sentence.startsWith('Officials'))!.prefix).toBeNull();
    expect(drafts.map((d) => d.line)).toEqual([1, 1, 3]);
  });
});
