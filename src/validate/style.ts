import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../diagnostics/make.ts';
import type { RawContent } from '../load/content.ts';
import type { FrontMatterFile } from '../load/front-matter.ts';
import type { EventDate } from '../schema/dates.ts';
import type { EventRecord } from '../schema/records.ts';
import { styleSchema } from '../schema/style.ts';
import { zodIssuesToDiagnostics } from './zod-issues.ts';

/**
 * House-style checks on what editors write themselves (an event's title and summary), as warnings that never stop
 * a build. Quotes from the articles keep their own wording, so text inside quotation marks (“…”, "…", ‘…’, '…',
 * «…») and Markdown blockquotes is left alone by every check but the figure check.
 *
 * - `style/unattributed-figure`: a number (written in digits) in the summary that no claim of the event gives as
 *   its value or upper bound, and no quote of the event contains; or that only a quote contains while its sentence
 *   names no one giving it (no "said", "according to", "puts" …): a figure stated as fact. Years (1800 to 2100, no thousands separator),
 *   dates (`20 September`, `20 and 21 September`, `September 20`), times, UTC offsets, ordinals, the event's own
 *   date parts (year, month, day, hour, minute) and list numbers are not figures.
 * - `style/time-format`: a time not on the 24-hour clock of the house style: `1 p.m.`, `1pm`, `0900 GMT`,
 *   `13.00 GMT`, `9:00` (write `13:00`, `09:00 GMT`).
 * - `style/verbatim-summary`: a summary copied from a quote: 90% or more of it (and at least 40 characters) is one
 *   run of a quote's words, or it contains a whole quote of 60 characters or more outside quotation marks.
 *   Compared after normalising spaces, Markdown emphasis and links, and curly quotes.
 * - `style/loaded-term`: a term from `loaded_terms` in `content/style.yml`, as a whole word (a hyphen separates
 *   words), in any case, in the title or the summary.
 * - `style/house-spelling`: a variant from `spellings` in `content/style.yml` (`Defense` for the house `Defence`),
 *   as a whole word with its case, in the title or the summary.
 */

export interface LoadedTerm {
  term: string;
  suggestion: string;
}

export interface Spelling {
  use: string;
  not: string[];
}

export interface StyleConfig {
  loadedTerms: LoadedTerm[];
  spellings?: Spelling[];
}

/** One finding, at an offset into the text it was found in. */
export interface StyleFinding {
  ruleId: 'style/unattributed-figure' | 'style/time-format' | 'style/verbatim-summary' | 'style/loaded-term' | 'style/house-spelling';
  where: 'title' | 'body';
  offset: number;
  message: string;
  expected?: string;
}

type StyleEvent = Pick<EventRecord, 'title' | 'body' | 'date' | 'end' | 'sources' | 'claims'>;

// --- spans that the checks skip -------------------------------------------------------------------------------

type Span = [number, number];

const inside = (spans: readonly Span[], at: number) => spans.some(([a, b]) => at >= a && at < b);

/** Quoted passages: paired quotation marks and Markdown blockquote lines. */
export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  const pairs: [RegExp][] = [[/“[^”]*(”|$)/g], [/«[^»]*(»|$)/g], [/"[^"]*("|$)/g]];
  for (const [re] of pairs) for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  // Single quotes double as apostrophes: a quote opens after a space or bracket and closes before a non-letter.
  for (const m of text.matchAll(/(?<=^|[\s([{—–-])(['‘])/gu)) {
    const close = m[1] === '‘' ? /[’'](?![\p{L}\p{N}])/gu : /'(?![\p{L}\p{N}])/gu;
    close.lastIndex = m.index + 1;
    const end = close.exec(text);
    if (end) spans.push([m.index, end.index + 1]);
  }
  for (const m of text.matchAll(/^[ \t]*>.*$/gm)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** Markup that is not prose: link destinations, autolinks, HTML comments, bare addresses, inline code (in one pass, so overlaps resolve one way). */
const MARKUP = /\]\([^)]*\)|<https?:[^>]*>|<!--[\s\S]*?-->|https?:\/\/\S+|`[^`]*`/g;

function markupSpans(text: string): Span[] {
  return [...text.matchAll(MARKUP)].map((m): Span => [m.index, m.index + m[0].length]);
}

// --- numbers ------------------------------------------------------------------------------------------------

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const DATE_PATTERNS = [
  new RegExp(String.raw`\b${DAY}(?:\s*(?:,|and|to|or|–|-)\s*${DAY})*\s+(?:of\s+)?(?:${MONTHS})\b`, 'gi'),
  new RegExp(String.raw`\b(?:${MONTHS})\.?\s+${DAY}(?:\s*(?:,|and|to|or|–|-)\s*${DAY})*\b`, 'gi'),
];
const TIME_LIKE = [
  /\b\d{1,2}[:.]\d{2}\b/g,
  /\b\d{1,2}(?:[:.]\d{2})?\s?(?:a\.?m\.?|p\.?m\.?)(?![\p{L}])/giu,
  /\b\d{4}\s?(?:GMT|UTC|Z\b|hrs\b|hours\b)/g,
  /(?:UTC|GMT)\s?[+−-]\s?\d{1,2}(?::\d{2})?/g,
  /[+−-]\d{2}:\d{2}\b/g,
];

export interface NumberToken {
  text: string;
  value: number;
  offset: number;
}

/** Numbers written in digits (`32`, `3,154`, `1.5`), with their offsets; not those glued to letters (`G7`, `21st`). */
export function numbersIn(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}_.,])\d+(?:[,.]\d+)*(?![\p{L}\p{N}_])/gu)) {
    const token = m[0];
    const value = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(token) ? Number(token.replace(/,/g, '')) : Number(token);
    if (Number.isFinite(value)) out.push({ text: token, value, offset: m.index });
  }
  return out;
}

const isYear = (t: NumberToken) => /^\d{4}$/.test(t.text) && t.value >= 1800 && t.value <= 2100;

function dateParts(date: EventDate | null): number[] {
  if (!date) return [];
  const parts = date.local.split('-').map(Number);
  if (date.localTime) parts.push(...date.localTime.split(':').map(Number));
  return parts;
}

/** Words by which a sentence says who gives its figures. */
const ATTRIBUTION = /\b(?:said|says|say|saying|according to|reported|reports|reporting|puts?|gave|gives|give|spoke of|speaks of|claimed|claims|estimated|estimates|told|tells|announced|stated|states|quoted|counted|cites?|cited)\b/i;

/** The sentence around an offset: from the end of the sentence before to the end of its own. */
function sentenceAt(text: string, offset: number): string {
  const ends = /[.!?;](?=\s|$)|\n\s*\n/g;
  let start = 0;
  for (const m of text.matchAll(ends)) {
    if (m.index >= offset) return text.slice(start, m.index);
    start = m.index + m[0].length;
  }
  return text.slice(start);
}

function unattributedFigures(event: StyleEvent, skip: readonly Span[]): StyleFinding[] {
  const body = event.body;
  const ignored: Span[] = [...skip];
  for (const re of [...DATE_PATTERNS, ...TIME_LIKE]) for (const m of body.matchAll(re)) ignored.push([m.index, m.index + m[0].length]);
  for (const m of body.matchAll(/^[ \t]*\d+[.)][ \t]/gm)) ignored.push([m.index, m.index + m[0].length]);
  const own = new Set([...dateParts(event.date), ...dateParts(event.end)]);
  const claimed = new Set<number>();
  for (const c of event.claims) {
    if (c.value !== null) claimed.add(c.value);
    if (c.max !== null) claimed.add(c.max);
  }
  const quoted = new Set<number>();
  for (const q of [...event.sources, ...event.claims]) for (const n of numbersIn(q.quote)) quoted.add(n.value);
  // Background events too: a war's death toll is as disputed as a week's.
  return numbersIn(body)
    .filter((n) => !inside(ignored, n.offset) && !isYear(n) && !own.has(n.value) && !claimed.has(n.value))
    .flatMap((n): StyleFinding[] => {
      if (!quoted.has(n.value)) {
        return [
          {
            ruleId: 'style/unattributed-figure',
            where: 'body',
            offset: n.offset,
            message: `The figure \`${n.text}\` in the summary is not given by any claim or quote of this event.`,
            expected: 'a figure that a quote or a claim of the event gives',
          },
        ];
      }
      if (ATTRIBUTION.test(sentenceAt(body, n.offset))) return [];
      return [
        {
          ruleId: 'style/unattributed-figure',
          where: 'body',
          offset: n.offset,
          message: `The figure \`${n.text}\` in the summary is stated as fact: a quote gives it, but no claim does, and its sentence does not say who gives it.`,
          expected: 'a claim with its claimant, or a sentence that says who gives the figure ("according to …", "… said")',
        },
      ];
    });
}

// --- times --------------------------------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');

/** Times not on the 24-hour clock, each with the house-style form. */
export function offStyleTimes(text: string): { offset: number; found: string; house: string }[] {
  const out: { offset: number; found: string; house: string }[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}:.])(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?\s?m(?:\.|(?![\p{L}]))/giu)) {
    const hour = Number(m[1]);
    if (hour < 1 || hour > 12) continue;
    const h = (hour % 12) + (m[3]!.toLowerCase() === 'p' ? 12 : 0);
    out.push({ offset: m.index, found: m[0], house: `${pad(h)}:${m[2] ?? '00'}` });
  }
  for (const m of text.matchAll(/(?<![\p{N}:.,])([01]\d|2[0-3])\.?([0-5]\d)(\s?(?:GMT|UTC|Z\b|hrs\b|hours\b|local time\b))/gu)) {
    out.push({ offset: m.index, found: m[0], house: `${m[1]}:${m[2]}${m[3]!.replace(/^\s?(hrs|hours)$/, '')}`.replace(/:(\d{2})Z$/, ':$1 GMT') });
  }
  for (const m of text.matchAll(/(?<![\p{N}:.,+−-])(\d):([0-5]\d)(?![\p{N}])/gu)) {
    out.push({ offset: m.index, found: m[0], house: `0${m[1]}:${m[2]}` });
  }
  // `9:00 a.m.` matches twice: keep the first, longest reading of each stretch of text.
  out.sort((a, b) => a.offset - b.offset || b.found.length - a.found.length);
  return out.filter((t, i) => i === 0 || t.offset >= out[i - 1]!.offset + out[i - 1]!.found.length);
}

function timeFormat(body: string, skip: readonly Span[]): StyleFinding[] {
  return offStyleTimes(body)
    .filter((t) => !inside(skip, t.offset))
    .map((t) => ({
      ruleId: 'style/time-format',
      where: 'body',
      offset: t.offset,
      message: `Unexpected time \`${t.found.trim()}\` in the summary, expected the house style \`${t.house}\` (24-hour clock).`,
      expected: `\`${t.house}\``,
    }));
}

// --- verbatim copies ----------------------------------------------------------------------------------------

const SKIPPED = new Set(['*', '_', '[', ']', '`', '>', '#']);
const STRAIGHT: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"', '«': '"', '»': '"' };

/** Text for comparison: Markdown emphasis and link destinations dropped, curly quotes straightened, spaces collapsed; with each character's offset in the original. */
export function comparable(text: string, withOffsets = true): { text: string; at: number[] } {
  const drop = new Uint8Array(text.length);
  for (const [a, b] of markupSpans(text)) if (text[a] !== '`' || b - a < 2) drop.fill(1, a, b);
  const chars: string[] = [];
  const at: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (drop[i]) continue;
    const ch = text[i]!;
    if (SKIPPED.has(ch)) continue;
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0') {
      space = chars.length > 0;
      continue;
    }
    if (space) {
      chars.push(' ');
      if (withOffsets) at.push(i);
      space = false;
    }
    chars.push(STRAIGHT[ch] ?? ch);
    if (withOffsets) at.push(i);
  }
  return { text: chars.join(''), at };
}

/** `comparable(text).text`, without the offsets and much faster: for every quote, and to find candidates. */
export function comparableText(text: string): string {
  return text
    .replace(MARKUP, (m) => (m.startsWith('`') ? m : ''))
    .replace(/[*_[\]`>#]/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export const VERBATIM = { share: 0.9, minShareLength: 40, wholeQuote: 60 } as const;

function verbatimSummary(event: StyleEvent, quoted: readonly Span[]): StyleFinding[] {
  const text = comparableText(event.body);
  const n = text.length;
  const passages = [...event.sources, ...event.claims].map((q) => ({ source: q.source, quote: q.quote, text: comparableText(q.quote) }));
  const shown = (q: string) => (q.length > 60 ? `${q.slice(0, 59)}…` : q);
  const window = Math.ceil(n * VERBATIM.share);
  if (window >= VERBATIM.minShareLength) {
    for (const p of passages) {
      if (p.text.length < window) continue;
      for (let i = 0; i + window <= n; i++) {
        if (p.text.includes(text.slice(i, i + window))) {
          return [
            {
              ruleId: 'style/verbatim-summary',
              where: 'body',
              offset: Math.max(0, event.body.search(/\S/)),
              message: `The summary is a word-for-word copy of the quote “${shown(p.quote)}” from \`${p.source}\`.`,
              expected: 'a summary in your own words',
            },
          ];
        }
      }
    }
  }
  for (const p of passages) {
    if (p.text.length < VERBATIM.wholeQuote || !text.includes(p.text)) continue;
    // A candidate: only now work out where each character came from, to skip copies in quotation marks.
    const body = comparable(event.body);
    for (let i = body.text.indexOf(p.text); i !== -1; i = body.text.indexOf(p.text, i + 1)) {
      if (inside(quoted, body.at[i]!)) continue;
      return [
        {
          ruleId: 'style/verbatim-summary',
          where: 'body',
          offset: body.at[i]!,
          message: `The summary copies the whole quote “${shown(p.quote)}” from \`${p.source}\` without quotation marks.`,
          expected: 'a summary in your own words, or the passage in quotation marks',
        },
      ];
    }
  }
  return [];
}

// --- loaded terms -------------------------------------------------------------------------------------------

export function termPattern(term: string): RegExp {
  const words = term.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
}

function loadedTerms(text: string, where: 'title' | 'body', skip: readonly Span[], terms: readonly { term: LoadedTerm; re: RegExp }[]): StyleFinding[] {
  const out: StyleFinding[] = [];
  for (const { term, re } of terms) {
    for (const m of text.matchAll(re)) {
      if (inside(skip, m.index)) continue;
      out.push({
        ruleId: 'style/loaded-term',
        where,
        offset: m.index,
        message: `The loaded term \`${m[0]}\` in the ${where === 'title' ? 'title' : 'summary'}; suggested: ${term.suggestion}.`,
        expected: term.suggestion,
      });
    }
  }
  return out;
}

// --- house spellings ---------------------------------------------------------------------------------------

type SpellingPattern = { use: string; re: RegExp };

/** One pattern per variant: whole words, case-sensitive (`defense` and `Defense` are separate entries). */
function spellingPatterns(spellings: readonly Spelling[]): SpellingPattern[] {
  return spellings.flatMap((s) => s.not.map((variant) => ({ use: s.use, re: new RegExp(termPattern(variant).source, 'gu') })));
}

function houseSpellings(text: string, where: 'title' | 'body', skip: readonly Span[], patterns: readonly SpellingPattern[]): StyleFinding[] {
  return patterns.flatMap(({ use, re }) =>
    [...text.matchAll(re)]
      .filter((m) => !inside(skip, m.index))
      .map(
        (m): StyleFinding => ({
          ruleId: 'style/house-spelling',
          where,
          offset: m.index,
          message: `Unexpected \`${m[0]}\` in the ${where === 'title' ? 'title' : 'summary'}, expected the house spelling \`${use}\`.`,
          expected: `\`${use}\``,
        }),
      ),
  );
}

// --- all together -------------------------------------------------------------------------------------------

/** Every style finding for one event, in the order of the checks. Pure: for unit tests and the checker. */
export function styleFindings(event: StyleEvent, config: StyleConfig): StyleFinding[] {
  const terms = config.loadedTerms.map((term) => ({ term, re: termPattern(term.term) }));
  return findings(event, terms, spellingPatterns(config.spellings ?? []));
}

function findings(event: StyleEvent, terms: readonly { term: LoadedTerm; re: RegExp }[], spellings: readonly SpellingPattern[]): StyleFinding[] {
  const quoted = quotedSpans(event.body);
  const markup = markupSpans(event.body);
  const skip = [...quoted, ...markup];
  return [
    ...unattributedFigures(event, markup),
    ...timeFormat(event.body, skip),
    ...verbatimSummary(event, quoted),
    ...loadedTerms(event.title, 'title', quotedSpans(event.title), terms),
    ...loadedTerms(event.body, 'body', skip, terms),
    ...houseSpellings(event.title, 'title', quotedSpans(event.title), spellings),
    ...houseSpellings(event.body, 'body', skip, spellings),
  ];
}

/** `content/style.yml` read into settings, with any problem in it as a diagnostic. */
export function readStyleConfig(raw: Pick<RawContent, 'style'>): { config: StyleConfig; diagnostics: Diagnostic[] } {
  if (!raw.style) return { config: { loadedTerms: [], spellings: [] }, diagnostics: [] };
  const result = styleSchema.safeParse(raw.style.yaml.value);
  if (!result.success) {
    const keys = (path: readonly (string | number)[]) =>
      path.length === 0 ? Object.keys(styleSchema.shape) : path.length === 2 ? (path[0] === 'spellings' ? ['use', 'not'] : ['term', 'suggestion']) : [];
    return { config: { loadedTerms: [], spellings: [] }, diagnostics: zodIssuesToDiagnostics(result.error, raw.style.file, raw.style.yaml, keys) };
  }
  return { config: { loadedTerms: result.data.loaded_terms, spellings: result.data.spellings }, diagnostics: [] };
}

/** Where an offset into a file's body falls in the file; a title's findings point at the title itself. */
function position(file: FrontMatterFile, where: 'title' | 'body', offset: number): { line: number; column: number } {
  if (where === 'title') return file.yaml.locate(['title']);
  const lines = file.body.slice(0, offset).split('\n');
  return { line: file.bodyLine + lines.length - 1, column: lines[lines.length - 1]!.length + 1 };
}

/** The style checks over every valid event, as warnings placed on their file, line and column. */
export function checkStyle(raw: Pick<RawContent, 'style' | 'events'>, events: readonly EventRecord[]): Diagnostic[] {
  const { config, diagnostics } = readStyleConfig(raw);
  const fileOf = new Map(raw.events.map((f) => [f.file, f]));
  const terms = config.loadedTerms.map((term) => ({ term, re: termPattern(term.term) }));
  const spellings = spellingPatterns(config.spellings ?? []);
  for (const event of events) {
    const file = fileOf.get(event.file);
    if (!file) continue;
    for (const f of findings(event, terms, spellings)) {
      diagnostics.push(
        makeDiagnostic(f.ruleId, event.file, position(file, f.where, f.offset), {
          field: f.where === 'title' ? 'title' : 'body',
          message: f.message,
          ...(f.expected ? { expected: f.expected } : {}),
        }),
      );
    }
  }
  return diagnostics;
}
