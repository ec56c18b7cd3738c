/** Runs of spaces and line breaks count as one space: a quote may be re-wrapped, never re-worded. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** An omission in a trimmed quote: `…`, `[…]` or `[...]`, with the spaces around it. */
const OMISSION = /\s*(?:\[(?:…|\.\.\.)\]|…)\s*/;

/**
 * The parts of a trimmed quote, split at each omission mark; a quote without one is a single part. An empty
 * first or last part means the quote is cut at its start or end (`…administration, told […]`).
 */
export function quoteParts(quote: string): string[] {
  return normaliseSpace(quote).split(OMISSION);
}

export type QuoteMatch =
  | { kind: 'found'; index: number }
  | { kind: 'missing' }
  /** A part of a trimmed quote (1-based) that does not follow the parts before it in the source. */
  | { kind: 'part-missing'; part: number; count: number; text: string }
  /** Two omission marks with nothing between them, or a quote that is nothing but marks. */
  | { kind: 'empty-part'; part: number }
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
  if (starts.length === 0) return quoteParts(quote).length > 1 ? findTrimmed(normalisedText, quoteParts(quote), prefix, suffix) : { kind: 'missing' };
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

/**
 * A trimmed quote: each part occurs in the source, in the quote's order, each after the end of the one before.
 * The prefix belongs before the first part and the suffix after the last. Every occurrence of the first part is
 * tried, each later part taken at its nearest occurrence after the part before.
 */
function findTrimmed(normalisedText: string, parts: readonly string[], prefix?: string | null, suffix?: string | null): QuoteMatch {
  const empty = parts.findIndex((p, i) => p === '' && i > 0 && i < parts.length - 1);
  const numbers = parts.flatMap((p, i) => (p === '' ? [] : [i + 1]));
  const words = parts.filter((p) => p !== '');
  if (empty !== -1 || words.length === 0) return { kind: 'empty-part', part: empty === -1 ? 1 : empty + 1 };
  const before = prefix ? normaliseSpace(prefix) : '';
  const after = suffix ? normaliseSpace(suffix) : '';
  const fits: number[] = [];
  let chains = 0;
  // The furthest any chain got: the part to report when none is complete.
  let reached = 0;
  for (let start = normalisedText.indexOf(words[0]!); start !== -1; start = normalisedText.indexOf(words[0]!, start + 1)) {
    let end = start + words[0]!.length;
    let i = 1;
    for (; i < words.length; i++) {
      const at = normalisedText.indexOf(words[i]!, end);
      if (at === -1) break;
      end = at + words[i]!.length;
    }
    reached = Math.max(reached, i);
    if (i < words.length) continue;
    chains += 1;
    if (normalisedText.slice(0, start).trimEnd().endsWith(before) && normalisedText.slice(end).trimStart().startsWith(after)) fits.push(start);
  }
  if (fits.length === 1) return { kind: 'found', index: fits[0]! };
  if (fits.length > 1) return { kind: 'ambiguous', occurrences: fits.length };
  if (chains > 0) return { kind: 'context-missing', occurrences: chains };
  return { kind: 'part-missing', part: numbers[reached]!, count: parts.length, text: words[reached]! };
}
