import { describe, expect, it } from 'vitest';
import { formatScore, sameDate, scoreArticle, totalRow, type ScoredEvent } from '../../src/extract/score.ts';

/** A small article's drafts and the events citing it, with every count worked out by hand below. */
const DRAFTS = [
  { sentence: 'One day after the ceasefire, a delegation came to Yevlax.', date: '2023-09-21' },
  { sentence: 'One day after the ceasefire, a delegation came to Yevlax.', date: '2023-09-20' },
  { sentence: 'A day later, the sides negotiated a ceasefire.', date: '2023-09-20' },
  { sentence: 'On Tuesday, Azerbaijan attacked.', date: '2023-09-19' },
  { sentence: 'Thousands protested on Wednesday.', date: '2023-09-20' },
];
const EVENTS: ScoredEvent[] = [
  // Right: the second draft of its sentence has its day.
  { id: 'talks', date: '2023-09-20', citations: [{ source: 'a', quote: 'a delegation came to Yevlax' }] },
  // Right: a timed date is on its local day.
  { id: 'ceasefire', date: '2023-09-20T13:00+04:00', citations: [{ source: 'a', quote: 'A day later, the sides negotiated a ceasefire.' }] },
  // Wrong: drafted on the 19th. Its quote runs over two sentences, the first with a draft.
  { id: 'offensive', date: '2023-09-18', citations: [{ source: 'a', quote: 'On Tuesday, Azerbaijan attacked. It said so.' }] },
  // No draft: its sentence has none. It cites another article too, which does not count here.
  { id: 'background', date: '1991', citations: [{ source: 'a', quote: 'The region is disputed.' }, { source: 'b', quote: 'Thousands protested on Wednesday.' }] },
];

describe('scoreArticle', () => {
  it('counts events citing the article, those with a draft, those on the right day, and drafts matching no event', () => {
    const row = scoreArticle('a', DRAFTS, EVENTS);
    expect(row).toEqual({
      source: 'a',
      events: 4,
      drafted: 3,
      rightDay: 2,
      drafts: 5,
      // `Thousands protested` is quoted only by a citation of article b.
      unmatched: 1,
      wrong: [{ event: 'offensive', expected: '2023-09-18', proposed: ['2023-09-19'] }],
    });
  });

  it('judges an event by the first sentence of its quote that gives drafts, not by any later one', () => {
    const later = { id: 'late', date: '2023-09-20', citations: [{ source: 'a', quote: 'On Tuesday, Azerbaijan attacked. Thousands protested on Wednesday.' }] };
    expect(scoreArticle('a', DRAFTS, [later])).toMatchObject({ drafted: 1, rightDay: 0 });
  });

  it('adds up the rows into the total', () => {
    const rows = [scoreArticle('a', DRAFTS, EVENTS), scoreArticle('b', DRAFTS, EVENTS)];
    // Article b: one event (background) whose quote is the protest sentence, drafted on the 20th, not in 1991.
    expect(rows[1]).toMatchObject({ events: 1, drafted: 1, rightDay: 0, drafts: 5, unmatched: 4 });
    expect(totalRow(rows)).toMatchObject({ source: 'total', events: 5, drafted: 4, rightDay: 2, drafts: 10, unmatched: 5 });
  });

  it('prints a Markdown table with a total row', () => {
    const table = formatScore([scoreArticle('a', DRAFTS, EVENTS)]).split('\n');
    expect(table[0]).toBe('| article | events citing it | with a draft | right day | right day / with a draft | drafts | drafts matching no event |');
    expect(table[2]).toBe('| `a` | 4 | 3 | 2 | 67% | 5 | 1 |');
    expect(table[3]).toBe('| **total** | 4 | 3 | 2 | 67% | 5 | 1 |');
  });
});

describe('sameDate', () => {
  it.each<[string, string, boolean]>([
    ['2023-09-20', '2023-09-20', true],
    ['2023-09-20T13:00+04:00', '2023-09-20', true],
    ['2023-09-20', '2023-09-20T23:30+04:00', true],
    ['2023-09-20', '2023-09-21', false],
    ['2023-09-20', '2023-09', false],
    ['2022-12', '2022-12', true],
    ['2020', '2020-11-10', true],
    ['1991', '2020', false],
  ])('event %s, draft %s → %s', (expected, proposed, same) => {
    expect(sameDate(expected, proposed)).toBe(same);
  });
});
