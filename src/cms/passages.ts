import { splitSentences } from '../extract/sentences.ts';

/** A passage an editor can pick as a quote: one sentence of the article, as the check will find it. */
export interface Passage {
  text: string;
  /** The words just before it, where the same sentence occurs more than once in the article. */
  prefix?: string;
  /** The words just after it, for such a sentence at the very start of the article. */
  suffix?: string;
}

export interface SourcePassages {
  id: string;
  title: string;
  passages: Passage[];
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The sentences of an article, each a passage the quote check finds word for word (they are slices of the body,
 * and the check compares text with runs of spaces squashed). A sentence that occurs more than once carries the
 * words before it as `prefix` (or, first in the article, those after it as `suffix`), so the pick is never ambiguous.
 */
export function passagesOf(body: string): Passage[] {
  const text = squash(body);
  const seen = new Map<string, number>();
  const out: Passage[] = [];
  for (const sentence of splitSentences(body)) {
    const passage = squash(sentence.text);
    if (passage === '') continue;
    const nth = seen.get(passage) ?? 0;
    seen.set(passage, nth + 1);
    const first = text.indexOf(passage);
    if (text.indexOf(passage, first + 1) === -1) {
      out.push({ text: passage });
      continue;
    }
    // The nth occurrence: the words before it tell it apart, or, at the very start, the words after it.
    let at = first;
    for (let i = 0; i < nth; i++) at = text.indexOf(passage, at + 1);
    const before = text.slice(Math.max(0, at - 60), at).trimEnd();
    const prefix = at <= 60 ? before : before.replace(/^\S*\s/, '');
    if (prefix) {
      out.push({ text: passage, prefix });
      continue;
    }
    const from = at + passage.length;
    const after = text.slice(from, from + 60).trimStart();
    const suffix = from + 60 >= text.length ? after : after.replace(/\s\S*$/, '');
    out.push(suffix ? { text: passage, suffix } : { text: passage });
  }
  return out;
}
