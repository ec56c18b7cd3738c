import { findQuote, normaliseSpace } from '../validate/quotes.ts';
import { slugify, uniqueId } from '../scaffold/slug.ts';
import type { EventDraft } from '../scaffold/event-file.ts';
import type { Point } from './calendar.ts';
import { recognise, type Known } from './entities.ts';
import { findFigures, type Figure } from './figures.ts';
import { splitSentences } from './sentences.ts';
import { readTimes, type DateProposal } from './time.ts';

export interface ArticleInput {
  sourceId: string;
  body: string;
  /** File line on which the body starts, so drafts name the article's own lines. */
  bodyLine: number;
  published: Point;
  /** The site's clock (`site.yml` `time_zone`), for local times in sentences that name no place with a clock. */
  siteZone: string;
  actors: readonly Known[];
  places: readonly (Known & { timeZone: string | null })[];
}

/** One proposed event: a sentence with a time expression, its date, who and where, and its figures. */
export interface Draft {
  /** A proposed id (and file name), from the title; unique among the drafts of one article. */
  id: string;
  title: string;
  line: number;
  /** The sentence exactly as the article has it: the quote. */
  sentence: string;
  /** Context that picks the sentence where it occurs more than once in the article. */
  prefix: string | null;
  date: DateProposal;
  /** Other time expressions in the same sentence, for the editor to weigh. */
  alsoMentions: DateProposal[];
  actors: string[];
  places: string[];
  figures: Figure[];
}

/**
 * Proposes draft events from an article: every sentence with a time expression becomes a draft per date it
 * gives, resolved against the publication date and the dates the text has reached so far. Pure: the same
 * article and lists always give the same drafts.
 */
export function proposeDrafts(input: ArticleInput): Draft[] {
  const normalisedBody = normaliseSpace(input.body);
  const zones = new Map(input.places.map((p) => [p.id, p.timeZone]));
  const drafts: Draft[] = [];
  const ids = new Set<string>();
  let anchor: Parameters<typeof readTimes>[1]['anchor'] = null;
  const sentences = splitSentences(input.body, input.bodyLine);
  // Searching the whole body for every sentence made long articles quadratic; only a sentence the article
  // repeats needs words before it to pick one occurrence, and those are found by counting.
  const seen = new Map<string, number>();
  for (const s of sentences) seen.set(normaliseSpace(s.text), (seen.get(normaliseSpace(s.text)) ?? 0) + 1);
  for (const sentence of sentences) {
    const places = recognise(sentence.text, input.places);
    const actors = recognise(sentence.text, input.actors);
    const zone = places.map((p) => zones.get(p.id)).find((z): z is string => !!z) ?? input.siteZone;
    const read = readTimes(sentence.text, { published: input.published, zone, anchor });
    anchor = read.anchor;
    if (read.proposals.length === 0) continue;
    const spans = read.proposals.map((p) => [p.index, p.end] as const);
    const figures = findFigures(sentence.text, spans);
    const prefix = seen.get(normaliseSpace(sentence.text))! > 1 ? disambiguate(normalisedBody, sentence.text) : null;
    const title = titleFrom(sentence.text);
    for (const proposal of read.proposals) {
      const id = uniqueId(slugify(title, 50) || 'event', (candidate) => ids.has(candidate));
      ids.add(id);
      drafts.push({
        id,
        title,
        line: sentence.line,
        sentence: sentence.text,
        prefix,
        date: proposal,
        alsoMentions: read.proposals.filter((p) => p !== proposal),
        actors: actors.map((a) => a.id),
        places: places.map((p) => p.id),
        figures,
      });
    }
  }
  return drafts;
}

/** The event file a draft becomes: the scaffold with its date, who, where, quote and figures filled in. */
export function draftToEvent(draft: Draft, input: { sourceId: string; sourceFile: string }): EventDraft {
  const quote = normaliseSpace(draft.sentence);
  const others = draft.alsoMentions.map((m) => `'${m.text}' → ${m.date}${m.approximate ? ' (approximate)' : ''}`);
  return {
    title: draft.title,
    date: draft.date.date,
    ...(draft.date.approximate ? { approximate: true } : {}),
    dateInferred: draft.date.note,
    actors: draft.actors,
    places: draft.places,
    sources: [{ id: input.sourceId, quote, ...(draft.prefix ? { prefix: draft.prefix } : {}) }],
    claims: draft.figures
      .filter((f) => f.measure !== null)
      .map((f) => ({ measure: f.measure, value: f.value, max: f.max, figure: f.figure, qualifier: f.qualifier, source: input.sourceId, quote })),
    notes: [
      `Draft from ${input.sourceFile}, line ${draft.line}, by npm run extract. Check every field against the article,`,
      'write a neutral title and summary, and move the file to content/events/ to publish it.',
      ...(others.length > 0 ? [`The sentence also mentions ${others.join('; ')}.`] : []),
    ],
  };
}

/** A title to start from: the sentence, cut at a word boundary, without its full stop (a closing quote stays). */
export function titleFrom(sentence: string, max = 100): string {
  const flat = sentence.replace(/\s+/g, ' ').replace(/[.!?]+(["”’')\]]*)$/, '$1').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[,;:–—-]+$/, '')}…`;
}

/** Where a sentence occurs more than once in the article, the words before it that pick this occurrence. */
function disambiguate(normalisedBody: string, sentence: string): string | null {
  const match = findQuote(normalisedBody, sentence);
  if (match.kind !== 'ambiguous') return null;
  // The first occurrence: take words before it until they pick it alone.
  const at = normalisedBody.indexOf(normaliseSpace(sentence));
  for (let words = 3; words <= 30; words++) {
    const prefix = normalisedBody.slice(0, at).trimEnd().split(' ').slice(-words).join(' ');
    if (findQuote(normalisedBody, sentence, prefix).kind === 'found') return prefix;
  }
  return null;
}
