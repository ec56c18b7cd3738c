import { describe, expect, it } from 'vitest';
import { curlyQuotes } from '../../src/lib/quotation-marks.ts';

describe('curlyQuotes: one style of quotation marks on the page', () => {
  it.each([
    // The article of 21 September, in straight quotes.
    ['the region should now become a "paradise," Aliyev promised.', 'the region should now become a “paradise,” Aliyev promised.'],
    ['"They are our citizens," Aliyev said.', '“They are our citizens,” Aliyev said.'],
    ['Baku spoke of "local anti-terror measures" against', 'Baku spoke of “local anti-terror measures” against'],
    // Apostrophes close; a single quote opens after a space or a bracket.
    ["Karabakh's capital ('Stepanakert')", 'Karabakh’s capital (‘Stepanakert’)'],
    ["the 'ideal world' of it", 'the ‘ideal world’ of it'],
    // After a dash or an opening mark.
    ['ended —"no", he said', 'ended —“no”, he said'],
    // Curly marks and text without quotes are left as they are.
    ['called the operation “justified” while', 'called the operation “justified” while'],
    ['no quotation marks at all', 'no quotation marks at all'],
  ])('%s', (input, expected) => {
    expect(curlyQuotes(input)).toBe(expected);
  });
});
