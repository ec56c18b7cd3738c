import { findQuote, normaliseSpace } from '../validate/quotes.ts';
import { slugify, uniqueId } from '../scaffold/slug.ts';
import type { EventDraft } from '../scaffold/event-file.ts';
import { pointFromIso, type Point } from './calendar.ts';
import { recognise, type Known } from './entities.ts';
import { findFigures, type Figure } from './figures.ts';
import { happeningKinds, happeningPattern, pickHappening, type Happening } from './happenings.ts';
import { splitSentences, type Sentence } from './sentences.ts';
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
  /** The bundled events, for `one day after the ceasefire` where the article does not date the ceasefire itself. */
  timeline?: readonly TimelineEvent[];
}

/** An event of the timeline as an anchor: what it is called, when it was, and the passages it rests on. */
export interface TimelineEvent {
  id: string;
  title: string;
  date: Point;
  headline: boolean;
  quotes: readonly string[];
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
 * gives, resolved against the publication date, the dates the text has reached so far, and the happenings the
 * article and the timeline date (`one day after the ceasefire`). Pure: the same article, lists and timeline always
 * give the same drafts.
 */
export function proposeDrafts(input: ArticleInput): Draft[] {
  const normalisedBody = normaliseSpace(input.body);
  const zones = new Map(input.places.map((p) => [p.id, p.timeZone]));
  const drafts: Draft[] = [];
  const ids = new Set<string>();
  let anchor: Parameters<typeof readTimes>[1]['anchor'] = null;
  const sentences = splitSentences(input.body, input.bodyLine);
  const zoneOf = (text: string) => recognise(text, input.places).map((p) => zones.get(p.id)).find((z): z is string => !!z) ?? input.siteZone;
  const dated = articleHappenings(sentences, input.published, zoneOf);
  const timeline = (input.timeline ?? []).map((e) => ({ event: e, quotes: e.quotes.map(normaliseSpace), happenings: timelineHappenings(e) }));
  // Searching the whole body for every sentence made long articles quadratic; only a sentence the article
  // repeats needs words before it to pick one occurrence, and those are found by counting.
  const seen = new Map<string, number>();
  for (const s of sentences) seen.set(normaliseSpace(s.text), (seen.get(normaliseSpace(s.text)) ?? 0) + 1);
  for (const sentence of sentences) {
    const places = recognise(sentence.text, input.places);
    const actors = recognise(sentence.text, input.actors);
    const zone = places.map((p) => zones.get(p.id)).find((z): z is string => !!z) ?? input.siteZone;
    // A sentence is never its own anchor: not its own words, nor an event that already quotes it.
    const flat = normaliseSpace(sentence.text);
    // Worked out only for the few sentences that ask: every sentence against every quote would grow with both.
    let candidates: Parameters<typeof pickHappening>[1] | undefined;
    const happening = (phrase: string, needsDay: boolean, fits?: (h: Happening) => boolean) => {
      candidates ??= {
        article: dated.filter((h) => h.sentence !== sentence).map((h) => h.happening),
        timeline: timeline.filter((t) => !t.quotes.some((q) => q.includes(flat) || flat.includes(q))).flatMap((t) => t.happenings),
      };
      return pickHappening(phrase, candidates, { published: input.published, needsDay, ...(fits ? { fits } : {}) });
    };
    const read = readTimes(sentence.text, { published: input.published, zone, anchor, happening });
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

/** Rules whose date is not the date of a happening the sentence names. */
const NOT_THE_HAPPENING = new Set(['refers-back', 'since', 'duration', 'reported-on-publication', 'announced-on-publication']);

/**
 * The happenings an article dates itself: `A day later, the two sides negotiated a ceasefire` dates the ceasefire.
 * Each kind of happening a sentence names takes the nearest date the sentence gives it, leaving out what follows
 * `after`, `before`, `since` and `following` (`three years after the last conflict` does not date the conflict).
 */
function articleHappenings(sentences: readonly Sentence[], published: Point, zoneOf: (text: string) => string): { sentence: Sentence; happening: Happening }[] {
  const out: { sentence: Sentence; happening: Happening }[] = [];
  let anchor: Parameters<typeof readTimes>[1]['anchor'] = null;
  for (const sentence of sentences) {
    const read = readTimes(sentence.text, { published, zone: zoneOf(sentence.text), anchor });
    anchor = read.anchor;
    const own = read.proposals.filter((p) => !NOT_THE_HAPPENING.has(p.rule));
    if (own.length === 0) continue;
    const main = sentence.text.replace(/\b(?:after|before|since|following)\b[^,;:.!?]*/gi, (m) => ' '.repeat(m.length));
    for (const kind of new Set(happeningKinds(main))) {
      const at = main.search(new RegExp(happeningPattern(kind).source, 'i'));
      const nearest = [...own].sort((a, b) => distance(a, at) - distance(b, at))[0]!;
      const point = pointFromIso(nearest.date);
      if (point) out.push({ sentence, happening: { kind, point, from: `the article ('${nearest.text}', line ${sentence.line})`, event: null, headline: false } });
    }
  }
  return out;
}

const distance = (p: { index: number; end: number }, at: number) => (at < p.index ? p.index - at : at >= p.end ? at - p.end : 0);

/** The kinds of happening an event's title names, each dated by the event. */
function timelineHappenings(e: TimelineEvent): Happening[] {
  return happeningKinds(e.title).map((kind) => ({ kind, point: e.date, from: `the timeline event ${e.id} (“${e.title}”)`, event: e.id, headline: e.headline }));
}

/** The event file a draft becomes: the scaffold with its date, who, where, quote and figures filled in. */
export function draftToEvent(draft: Draft, input: { sourceId: string; sourceFile: string }): EventDraft {
  const quote = normaliseSpace(draft.sentence);
  const others = draft.alsoMentions.map((m) => `'${m.text}' → ${m.date}${m.approximate ? ' (approximate)' : ''}`);
  return {
    title: draft.title,
    date: draft.date.date,
    ...(draft.date.approximate ? { approximate: true } : {}),
    ...(draft.date.partOfDay ? { partOfDay: draft.date.partOfDay } : {}),
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
