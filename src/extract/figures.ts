import type { Measure, Qualifier } from '../schema/vocabulary.ts';

/** A number an article gives, with how it hedges it and, where the words say, what it counts. */
export interface Figure {
  /** The words, e.g. `at least 200 people have been killed` is found as `at least 200`. */
  text: string;
  index: number;
  value: number | null;
  max: number | null;
  /** The article's words where it gives no number: `dozens`, `hundreds`, `thousands`. */
  figure: string | null;
  qualifier: Qualifier | null;
  measure: Measure | null;
}

const UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};

const QUALIFIER_WORDS: [RegExp, Qualifier][] = [
  [/^at least$/i, 'at-least'],
  [/^(?:more than|over|upwards of)$/i, 'more-than'],
  [/^(?:close to|nearly|almost)$/i, 'close-to'],
  [/^(?:about|around|approximately|some|roughly|an estimated)$/i, 'about'],
];

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:${Object.keys(UNITS).join('|')})(?:[- ](?:${Object.keys(UNITS).slice(0, 9).join('|')}))?`;
const VAGUE = String.raw`(?:tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions)`;
const QUAL = String.raw`(?:at least|more than|over|upwards of|close to|nearly|almost|about|around|approximately|some|roughly|an estimated)`;
/** What a counted number is usually followed by; a number word alone (`two wars`) is not a figure. */
const COUNTED = String.raw`(?:more\s+|other\s+|others\s+|of\s+(?:them|whom)\s+|people\s+|Armenian\s+|Azerbaijani\s+|Russian\s+|ethnic\s+Armenian\s+)?(?:people|persons|civilians|children|soldiers|servicemen|troops|fighters|residents|refugees|peacekeepers|men|women|positions|killed|dead|deaths|injured|wounded|evacuated|were|had|have|of)`;

const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N},.])(?:(${QUAL})\s+)?(?:(${VAGUE})|(${NUMBER})(?:\s*(?:to|-|–)\s*(${NUMBER}))?)(?![\p{L}\p{N}]|,\d|-(?:day|year|month|week|hour)|\s+(?:day|week|month|year|hour|minute|decade|century)s?\b|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|%|per cent|percent))`,
  'giu',
);

/**
 * Finds the figures in a sentence: numbers (`3,154`, `32`, `ten`), ranges (`200 to 250`) and the vague counts
 * articles use (`dozens`, `thousands`), with a qualifier (`at least`, `more than`, `close to`, `about`) and a
 * measure guessed from the words of the sentence. Years, clock times and durations are not figures; pass the
 * spans of the sentence's date expressions as `exclude`.
 */
export function findFigures(sentence: string, exclude: readonly (readonly [number, number])[] = []): Figure[] {
  const out: Figure[] = [];
  for (const m of sentence.matchAll(FIGURE)) {
    const [whole, qualifierText, vague, first, second] = m;
    const index = m.index;
    if (exclude.some(([s, e]) => index < e && index + whole.length > s)) continue;
    const after = sentence.slice(index + whole.length);
    if (!vague && /^[\p{L}]/u.test(first!) && !new RegExp(`^\\s+${COUNTED}\\b`, 'iu').test(after)) continue;
    if (first && /^\d{4}$/.test(first) && Number(first) >= 1800 && Number(first) <= 2100 && !new RegExp(`^\\s+${COUNTED}\\b`, 'iu').test(after)) continue;
    const value = first ? toNumber(first) : null;
    if (value === null && !vague) continue;
    const qualifier = qualifierText ? (QUALIFIER_WORDS.find(([re]) => re.test(qualifierText.replace(/\s+/g, ' ')))?.[1] ?? null) : null;
    out.push({
      text: whole,
      index,
      value,
      max: second ? toNumber(second) : null,
      figure: vague ? vague.toLowerCase() : null,
      qualifier,
      measure: guessMeasure(sentence, index + whole.length),
    });
  }
  return out;
}

function toNumber(text: string): number | null {
  if (/^\d/.test(text)) return Number(text.replace(/,/g, ''));
  const parts = text.toLowerCase().split(/[- ]/);
  let total = 0;
  for (const part of parts) {
    const n = UNITS[part];
    if (n === undefined) return null;
    total += n;
  }
  return total;
}

/**
 * What the figure counts, from the words right after it (`1,428 children`), else from the clause around it
 * (`brought 3,154 people to safety`). Null when nothing says.
 */
export function guessMeasure(sentence: string, afterIndex: number): Measure | null {
  const next = sentence.slice(afterIndex, afterIndex + 40).toLowerCase();
  const clause = sentence.toLowerCase();
  const killed = /\b(?:killed|dead|deaths|died|lost their lives)\b/;
  const injured = /\b(?:injured|wounded|injuries)\b/;
  const evacuated = /\b(?:evacuat\w*|to safety|rescued)\b/;
  if (/^\s+(?:more\s+)?(?:positions|military positions)\b/.test(next)) return 'positions-taken';
  if (/^\s+(?:of them\s+)?(?:were\s+)?children\b/.test(next)) return evacuated.test(clause) ? 'children-evacuated' : killed.test(clause) ? 'children-killed' : null;
  if (/^\s+(?:of them\s+)?(?:were\s+)?civilians\b/.test(next) && killed.test(clause)) return 'civilians-killed';
  const nearKilled = killed.exec(next);
  const nearInjured = injured.exec(next);
  if (nearKilled && (!nearInjured || nearKilled.index < nearInjured.index)) return 'killed';
  if (nearInjured) return 'injured';
  if (evacuated.test(clause)) return 'evacuated';
  if (/\bpositions\b/.test(clause)) return 'positions-taken';
  if (killed.test(clause) && !injured.test(clause)) return 'killed';
  if (injured.test(clause) && !killed.test(clause)) return 'injured';
  return null;
}
