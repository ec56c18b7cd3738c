import { atLeastDay, describePoint, type Point } from './calendar.ts';

/**
 * Kinds of happening an article refers to by a noun or a verb: `one day after the negotiated ceasefire`, `a day
 * after Azerbaijan launched an operation`. A phrase and an event title of the same kind are taken to name the same
 * happening; which one, where several fit, is chosen by date (see `pickHappening`).
 */
const KINDS: readonly [string, RegExp][] = [
  ['ceasefire', /\b(?:cease-?fires?|truces?)\b/i],
  ['offensive', /\b(?:offensives?|operations?|attack(?:s|ed)?|assaults?|launched|anti-terror\w*|invasions?|invaded)\b/i],
  ['talks', /\b(?:talks|negotiations)\b/i],
  ['war', /\b(?:wars?|conflicts?)\b/i],
  ['surrender', /\b(?:surrender(?:ed)?|capitulat\w+)\b/i],
  ['protests', /\b(?:protests?|demonstrations?|protesters)\b/i],
  ['blockade', /\bblockade[ds]?\b/i],
  ['referendum', /\breferendum\b/i],
];

/** The words that name a kind of happening. */
export function happeningPattern(kind: string): RegExp {
  return KINDS.find(([k]) => k === kind)![1];
}

/** The kinds of happening a phrase names, in the order of `KINDS`. */
export function happeningKinds(phrase: string): string[] {
  return KINDS.filter(([, re]) => re.test(phrase)).map(([kind]) => kind);
}

/** A dated happening, from the article's own words or from an event of the timeline. */
export interface Happening {
  kind: string;
  point: Point;
  /** Where the date comes from, in words: `the article: 'A day later, …'` or `the timeline event ceasefire-takes-effect`. */
  from: string;
  /** The timeline event's id, for happenings from the timeline. */
  event: string | null;
  headline: boolean;
}

const dayKey = (p: Point) => `${p.year}-${String(p.month ?? 0).padStart(2, '0')}-${String(p.day ?? 0).padStart(2, '0')}`;

/**
 * The happening a phrase refers to, among those dated so far: the article's own dates first (the article is the
 * evidence), then the timeline's. Only happenings dated at least to the day are used for counts of days or hours
 * (a ceasefire `in 2020` cannot give `one day after`), none after the article's publication (it reports them as
 * past), and of the rest a headline event before a minor one, then the latest: `the ceasefire` in an article of
 * September 2023 is that month's, not 2020's.
 */
export function pickHappening(
  phrase: string,
  candidates: { article: readonly Happening[]; timeline: readonly Happening[] },
  options: { published: Point; needsDay: boolean; fits?: (h: Happening) => boolean },
): Happening | null {
  const kinds = happeningKinds(phrase);
  if (kinds.length === 0) return null;
  const limit = dayKey(options.published);
  for (const pool of [candidates.article, candidates.timeline]) {
    for (const kind of kinds) {
      const fits = pool.filter((h) => h.kind === kind && (!options.needsDay || atLeastDay(h.point)) && dayKey(h.point) <= limit && (options.fits?.(h) ?? true));
      if (fits.length === 0) continue;
      return [...fits].sort((a, b) => Number(b.headline) - Number(a.headline) || (dayKey(b.point) < dayKey(a.point) ? -1 : dayKey(b.point) > dayKey(a.point) ? 1 : 0))[0]!;
    }
  }
  return null;
}

/** `Wednesday 20 September 2023 by the timeline event ceasefire-takes-effect (…)`. */
export function describeHappening(h: Happening): string {
  return `${describePoint(h.point)} by ${h.from}`;
}
