import { createHash } from 'node:crypto';
import { curlyQuotes } from '../lib/quotation-marks.ts';
import { splitSentences } from '../lib/sentences.ts';
import { findQuote, normaliseSpace, quoteParts } from '../validate/quotes.ts';

/** A run of a passage's context: the quoted words are `marked`, the rest is the sentence around them. */
export interface PassageRun {
  text: string;
  marked: boolean;
}

export interface PassageEvent {
  id: string;
  title: string;
  path: string;
}

/** One passage an event quotes, as its source's page shows it: in its sentence, with the events quoting it. */
export interface Passage<E extends PassageEvent = PassageEvent> {
  /** `q-1a2b3c4d`: from the quoted words alone, so it survives rebuilds and edits elsewhere in the article. */
  anchor: string;
  /** Where the quote starts in the article's text (spaces collapsed): the page lists passages in this order. */
  offset: number;
  /** The whole sentence or sentences the quote sits in, with typographic quotation marks, as runs. */
  context: PassageRun[];
  /** The events quoting this passage, each once, in the order they were given. */
  events: E[];
}

export interface QuotedPassage<E extends PassageEvent> {
  quote: string;
  prefix: string | null;
  suffix: string | null;
  event: E;
}

/** The key under which `passages` files a citation's anchor. */
export const citationKey = (c: { quote: string; prefix: string | null; suffix: string | null }) => [c.quote, c.prefix ?? '', c.suffix ?? ''].join('\u0000');

/**
 * The article's text with runs of white space collapsed, exactly as `normaliseSpace` does (the text quotes are
 * matched against), and for each character of the raw text the offset it lands on: sentences are found in the
 * raw text, where paragraph breaks still end them, and quotes in the collapsed one.
 */
export function collapseSpace(raw: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = new Array<number>(raw.length + 1);
  let space = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (/\s/.test(ch)) {
      space = true;
      at[i] = text.length;
      continue;
    }
    if (space && text.length > 0) text += ' ';
    space = false;
    at[i] = text.length;
    text += ch;
  }
  at[raw.length] = text.length;
  return { text, at };
}

/** The ranges a found quote covers in the collapsed text: one, or one per part of a trimmed quote. */
function quoteRanges(text: string, start: number, quote: string): [number, number][] {
  const exact = normaliseSpace(quote);
  if (text.startsWith(exact, start)) return [[start, start + exact.length]];
  const ranges: [number, number][] = [];
  let from = start;
  for (const part of quoteParts(quote).filter((p) => p !== '')) {
    const at = text.indexOf(part, from);
    ranges.push([at, at + part.length]);
    from = at + part.length;
  }
  return ranges;
}

/**
 * Every passage of one article that events quote, in article order (ties: the shorter first, then by anchor),
 * each with its sentence of context and the quote marked. Citations of the same words (the same ranges of the
 * article) share a passage.
 */
export function passages<E extends PassageEvent>(raw: string, quoted: readonly QuotedPassage<E>[]): { passages: Passage<E>[]; anchors: Map<string, string> } {
  const { text, at } = collapseSpace(raw);
  const sentences = splitSentences(raw).map((s) => [at[s.start]!, at[s.end - 1]! + 1] as const);
  const byRanges = new Map<string, { ranges: [number, number][]; events: E[]; keys: string[] }>();
  for (const q of quoted) {
    const match = findQuote(text, q.quote, q.prefix, q.suffix);
    // Validation rejects content with such a quote, so a built site never has one; a citation without an
    // anchor links to the source's page.
    if (match.kind !== 'found') continue;
    const ranges = quoteRanges(text, match.index, q.quote);
    const key = ranges.map((r) => r.join('-')).join(' ');
    const entry = byRanges.get(key) ?? { ranges, events: [], keys: [] };
    byRanges.set(key, entry);
    if (!entry.events.some((e) => e.id === q.event.id)) entry.events.push(q.event);
    entry.keys.push(citationKey(q));
  }

  const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 8);
  const found = [...byRanges.values()].map((p) => ({ ...p, words: p.ranges.map(([a, b]) => text.slice(a, b)).join(' … ') }));
  found.sort((a, b) => a.ranges[0]![0] - b.ranges[0]![0] || a.ranges.at(-1)![1] - b.ranges.at(-1)![1] || (a.words < b.words ? -1 : a.words > b.words ? 1 : 0));

  const used = new Map<string, number>();
  const anchors = new Map<string, string>();
  const list = found.map((p): Passage<E> => {
    const base = `q-${hash(p.words)}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const anchor = n === 1 ? base : `${base}-${n}`;
    for (const k of p.keys) anchors.set(k, anchor);
    const qStart = p.ranges[0]![0];
    const qEnd = p.ranges.at(-1)![1];
    const around = sentences.filter(([s, e]) => s < qEnd && e > qStart);
    const from = Math.min(qStart, ...around.map(([s]) => s));
    const to = Math.max(qEnd, ...around.map(([, e]) => e));
    // Curly marks replace straight ones one for one, so the ranges still fit the display text.
    const shown = curlyQuotes(text.slice(from, to));
    const context: PassageRun[] = [];
    let pos = from;
    for (const [a, b] of p.ranges) {
      if (a > pos) context.push({ text: shown.slice(pos - from, a - from), marked: false });
      context.push({ text: shown.slice(a - from, b - from), marked: true });
      pos = b;
    }
    if (to > pos) context.push({ text: shown.slice(pos - from), marked: false });
    return { anchor, offset: qStart, context, events: p.events };
  });
  return { passages: list, anchors };
}
