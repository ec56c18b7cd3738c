/** One sentence of a source's body, with where it sits. `text` is an exact slice of the body. */
export interface Sentence {
  text: string;
  /** Offsets into the body. */
  start: number;
  end: number;
  /** 1-based line of the file on which the sentence starts. */
  line: number;
}

/** Words that end in a full stop without ending a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen lt col maj capt sgt cpl st rev gov sen rep pres jan feb mar apr jun jul aug sep sept oct nov dec no nos vs approx est dept fig ca jr sr'.split(' '),
);

/**
 * Splits article text into sentences: paragraphs at blank lines, Markdown headings skipped, then sentence ends
 * at `.`, `!` or `?` (with any closing quote or bracket) followed by a capital or an opening quote. Abbreviations
 * (`Gen.`, `Sept.`) and initials (`U.S.`, `A.`) do not end a sentence. A paragraph without end punctuation is
 * one sentence.
 */
export function splitSentences(body: string, bodyLine = 1): Sentence[] {
  const out: Sentence[] = [];
  // Sentences come in body order, so their lines are counted on from the last one's: one pass over the body.
  let counted = 0;
  let lines = 0;
  const paragraph = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
  for (const p of body.matchAll(paragraph)) {
    const text = p[0];
    const offset = p.index;
    if (/^\s*(#|<!--|---\s*$)/.test(text) || text.trim() === '') continue;
    let start = 0;
    // A sentence ends before a capital, a digit or an opening quote; not before a bracket (`1 p.m. (0900 GMT)`).
    const boundary = /[.!?]+["”’')\]]*(?=\s+["“‘]?[\p{Lu}\d])/gu;
    for (const m of text.matchAll(boundary)) {
      const end = m.index + m[0].length;
      if (!endsSentence(text.slice(start, end), m[0])) continue;
      push(text, offset, start, end);
      start = end;
    }
    push(text, offset, start, text.length);
  }
  return out;

  function push(paragraphText: string, offset: number, from: number, to: number) {
    const raw = paragraphText.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) return;
    const start = offset + from + lead;
    lines += countNewlines(body, counted, start);
    counted = start;
    out.push({ text: trimmed, start, end: start + trimmed.length, line: bodyLine + lines });
  }
}

function endsSentence(sentence: string, punctuation: string): boolean {
  if (!punctuation.startsWith('.') || punctuation.length > 1) return true;
  const word = /(\S+)\.$/.exec(sentence)?.[1] ?? '';
  if (/^(?:a\.m|p\.m)$/i.test(word)) return true;
  // Initials and dotted abbreviations: `U.S`, `U.N`, `A` (a middle initial).
  if (/^(?:\p{L}\.)*\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  return !ABBREVIATIONS.has(word.replace(/^[("“‘]+/, '').toLowerCase());
}

function countNewlines(text: string, from: number, before: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < before; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
