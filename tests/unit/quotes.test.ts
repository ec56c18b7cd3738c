import { describe, expect, it } from 'vitest';
import { findQuote, normaliseSpace, quoteParts, type QuoteMatch } from '../../src/validate/quotes.ts';

describe('normaliseSpace', () => {
  it.each([
    ['one  two', 'one two'],
    ['  one\n\ntwo\t three \n', 'one two three'],
    ['one\u00a0two', 'one two'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(normaliseSpace(input)).toBe(output);
  });
});

// `Alpha` starts at 0 and 33, `Delta` at 18, `epsilon.` at 24.
const TEXT = normaliseSpace('Alpha beta gamma. Delta epsilon.\n\nAlpha   beta gamma again.');
// `said` starts at 3, 16 and 28.
const SAID = 'He said no. She said no. He said no.';

describe('findQuote', () => {
  it('works on the normalised text the fixtures assume', () => {
    expect(TEXT).toBe('Alpha beta gamma. Delta epsilon. Alpha beta gamma again.');
  });

  it.each<[string, string, string, string | null, string | null, QuoteMatch]>([
    ['an exact quote', TEXT, 'Delta epsilon.', null, null, { kind: 'found', index: 18 }],
    ['a quote at the start', TEXT, 'Alpha beta gamma. Delta', null, null, { kind: 'found', index: 0 }],
    ['a quote re-wrapped over lines', TEXT, 'Delta\n    epsilon.', null, null, { kind: 'found', index: 18 }],
    ['a quote with extra spaces round it', TEXT, '  Delta  epsilon. ', null, null, { kind: 'found', index: 18 }],
    ['a quote across a paragraph break', TEXT, 'epsilon.\n\nAlpha', null, null, { kind: 'found', index: 24 }],
    ['a quote in another case', TEXT, 'delta epsilon', null, null, { kind: 'missing' }],
    ['a quote with a word changed', TEXT, 'Delta omega.', null, null, { kind: 'missing' }],
    ['a quote with its spaces removed', TEXT, 'Deltaepsilon', null, null, { kind: 'missing' }],
    ['a quote that occurs twice', TEXT, 'Alpha beta gamma', null, null, { kind: 'ambiguous', occurrences: 2 }],
    ['a prefix picks the second', TEXT, 'Alpha beta gamma', 'epsilon.', null, { kind: 'found', index: 33 }],
    ['a re-wrapped prefix picks the second', TEXT, 'Alpha beta gamma', 'Delta\nepsilon. ', null, { kind: 'found', index: 33 }],
    ['a suffix picks the second', TEXT, 'Alpha beta gamma', null, 'again', { kind: 'found', index: 33 }],
    ['a suffix picks the first', TEXT, 'Alpha beta gamma', null, '. Delta', { kind: 'found', index: 0 }],
    ['prefix and suffix together', TEXT, 'Alpha beta gamma', 'Delta epsilon.', 'again.', { kind: 'found', index: 33 }],
    ['a suffix found nowhere', TEXT, 'Alpha beta gamma', null, 'omega', { kind: 'context-missing', occurrences: 2 }],
    ['a prefix found nowhere', TEXT, 'Alpha beta gamma', 'Omega', null, { kind: 'context-missing', occurrences: 2 }],
    ['prefix and suffix that never meet', TEXT, 'Alpha beta gamma', 'epsilon.', '. Delta', { kind: 'context-missing', occurrences: 2 }],
    ['a wrong prefix on a single quote', TEXT, 'Delta epsilon.', 'Omega', null, { kind: 'context-missing', occurrences: 1 }],
    ['a right prefix on a single quote', TEXT, 'Delta epsilon.', 'gamma.', null, { kind: 'found', index: 18 }],
    ['a prefix that still fits twice', SAID, 'said no', 'He', null, { kind: 'ambiguous', occurrences: 2 }],
    ['a prefix that fits once', SAID, 'said no', 'She', null, { kind: 'found', index: 16 }],
    ['a suffix that fits once', SAID, 'said no', 'She', '. He', { kind: 'found', index: 16 }],
    ['three occurrences', SAID, 'said no.', null, null, { kind: 'ambiguous', occurrences: 3 }],
  ])('%s', (_, text, quote, prefix, suffix, expected) => {
    expect(findQuote(text, quote, prefix, suffix)).toEqual(expected);
  });
});

describe('findQuote: a trimmed quote, part by part', () => {
  it.each<[string, string, string | null, string | null, QuoteMatch]>([
    ['two parts in order', 'Alpha beta … epsilon.', null, null, { kind: 'found', index: 0 }],
    ['parts written with […]', 'Alpha beta […] Delta epsilon.', null, null, { kind: 'found', index: 0 }],
    ['parts written with [...]', 'Delta [...] gamma again.', null, null, { kind: 'found', index: 18 }],
    ['a quote cut at its end', 'Delta epsilon. Alpha […]', null, null, { kind: 'found', index: 18 }],
    ['a quote cut at its start', '… gamma again.', null, null, { kind: 'found', index: 44 }],
    // The second part occurs only before the first.
    ['parts out of order', 'Delta epsilon. … beta gamma.', null, null, { kind: 'part-missing', part: 2, count: 2, text: 'beta gamma.' }],
    ['a part with a word changed', 'Alpha beta … omega.', null, null, { kind: 'part-missing', part: 2, count: 2, text: 'omega.' }],
    ['a first part found nowhere', 'Omega … epsilon.', null, null, { kind: 'part-missing', part: 1, count: 2, text: 'Omega' }],
    ['the third part of three, after a leading cut', '… Delta … Alpha … omega', null, null, { kind: 'part-missing', part: 4, count: 4, text: 'omega' }],
    ['two marks with nothing between', 'Alpha … … epsilon.', null, null, { kind: 'empty-part', part: 2 }],
    ['nothing but a mark', '[…]', null, null, { kind: 'empty-part', part: 1 }],
    ['a first part that occurs twice, both chains complete', 'Alpha beta … again.', null, null, { kind: 'ambiguous', occurrences: 2 }],
    ['a prefix picks the second chain', 'Alpha beta … again.', 'epsilon.', null, { kind: 'found', index: 33 }],
    ['a suffix after the last part', 'Alpha … Delta', null, 'epsilon', { kind: 'found', index: 0 }],
    ['a suffix found nowhere', 'Alpha … Delta', null, 'omega', { kind: 'context-missing', occurrences: 1 }],
  ])('%s', (_, quote, prefix, suffix, expected) => {
    expect(findQuote(TEXT, quote, prefix, suffix)).toEqual(expected);
  });

  it('keeps an exact quote that holds an ellipsis of its own as one passage', () => {
    expect(findQuote('He paused… and went on.', 'He paused… and went on.')).toEqual({ kind: 'found', index: 0 });
    expect(quoteParts('He paused…  and\nwent on.')).toEqual(['He paused', 'and went on.']);
  });
});
