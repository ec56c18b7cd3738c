/** Runs of spaces and line breaks count as one space: a quote may be re-wrapped, never re-worded. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export type QuoteMatch =
  | { kind: 'found'; index: number }
  | { kind: 'missing' }
  | { kind: 'context-missing'; occurrences: number }
  | { kind: 'ambiguous'; occurrences: number };

/**
 * Finds a quote in a source's normalised text, after the W3C TextQuoteSelector: `exact`, disambiguated by the
 * text just before (`prefix`) or after (`suffix`) where it occurs more than once.
 */
export function findQuote(normalisedText: string, quote: string, prefix?: string | null, suffix?: string | null): QuoteMatch {
  const exact = normaliseSpace(quote);
  const starts: number[] = [];
  for (let i = normalisedText.indexOf(exact); i !== -1; i = normalisedText.indexOf(exact, i + 1)) starts.push(i);
  if (starts.length === 0) return { kind: 'missing' };
  const before = prefix ? normaliseSpace(prefix) : '';
  const after = suffix ? normaliseSpace(suffix) : '';
  const fits = starts.filter((start) => {
    const head = normalisedText.slice(0, start).trimEnd();
    const tail = normalisedText.slice(start + exact.length).trimStart();
    return head.endsWith(before) && tail.startsWith(after);
  });
  if (fits.length === 0) return { kind: 'context-missing', occurrences: starts.length };
  if (fits.length > 1) return { kind: 'ambiguous', occurrences: fits.length };
  return { kind: 'found', index: fits[0]! };
}
