import * as chrono from 'chrono-node';
import { atLeastDay, describePoint, offsetText, shift, toIso, toUtc, zoneOffset, type Point, type Unit } from './calendar.ts';
import { describeHappening, happeningKinds, type Happening } from './happenings.ts';

/**
 * Which rule dated a proposal, so that an editor (and a test) can see how it was read:
 * - `weekday`: a weekday, the nearest one to the publication day on the place's clock;
 * - `named-date`: a date, month or year the words give in full (`20 September`, `August 2021`, `1991`);
 * - `day-word`: `yesterday`, `today`, `last year`, from the publication day;
 * - `clock-on-last-date`: a clock time without a day, on the day the text last reached;
 * - `count-from-text`: `a day later`, `the next day`, counted from the last date the text reached;
 * - `count-from-publication`: the same, or `three days ago`, counted from the publication day;
 * - `after-happening`: `one day after the ceasefire`, counted from the ceasefire's date in the article or timeline;
 * - `named-happening`: `a few hours earlier` with nothing before it, on the day of the happening the sentence names;
 * - `refers-back`: `three years after <that>` in a sentence with its own date dates <that>;
 * - `since`: `since August 2021` dates the start of a state that lasts to the time of writing;
 * - `duration`: `had blockaded it for nine months` dates the start of the nine months;
 * - `reported-on-publication`: a sentence whose only dates are starts (`since …`, `for …`), dated as reported;
 * - `announced-on-publication`: a sentence whose only dates are still to come, dated as announced.
 */
export type DateRule =
  | 'weekday'
  | 'named-date'
  | 'day-word'
  | 'clock-on-last-date'
  | 'count-from-text'
  | 'count-from-publication'
  | 'after-happening'
  | 'named-happening'
  | 'refers-back'
  | 'since'
  | 'duration'
  | 'reported-on-publication'
  | 'announced-on-publication';

/** What a time expression resolved to, and how, in words an editor can check against the article. */
export interface DateProposal {
  /** The words of the sentence that gave the date, e.g. `1 p.m. (0900 GMT) on Wednesday`. */
  text: string;
  index: number;
  end: number;
  /** The date as an event's `date` is written. */
  date: string;
  /** The instant, for dates with a time. */
  utc: string | null;
  approximate: boolean;
  /** How the date was worked out, fit for `date_inferred`. */
  note: string;
  /** True for `three years after …`: the date of the earlier happening the sentence refers back to. */
  refersBack: boolean;
  /** The rule that gave the date. */
  rule: DateRule;
  /** What the date was counted from, where it was counted: the words, their date, and where that date comes from. */
  anchor: { text: string; date: string; from: 'text' | 'publication' | 'article' | 'timeline'; event: string | null } | null;
  /** `late evening` for `late on Wednesday evening`: a value of an event's `part_of_day`, for dates without a time. */
  partOfDay: string | null;
}

/** What a sentence is read against: the article's date, its clock, and the last date the narrative reached. */
export interface Reading {
  /** The article's publication date; weekdays and `a day later` need it to the day. */
  published: Point;
  /** The clock local times are read on (`+04:00` or an IANA zone): the place's, or the site's. */
  zone: string;
  /** The last day-or-finer date met in the text so far, with the words that gave it. */
  anchor: { point: Point; text: string } | null;
  /**
   * The dated happening a phrase names (`the negotiated ceasefire`), from the article or the timeline; without it,
   * `one day after <that>` can only be counted from the sentence's own date or the publication day.
   */
  happening?: (phrase: string, needsDay: boolean, fits?: (h: Happening) => boolean) => Happening | null;
}

interface Span {
  index: number;
  end: number;
  text: string;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  'a couple of': 2,
};
const VAGUE_COUNTS = ['a few', 'several', 'some'];

const RELATIVE = new RegExp(
  String.raw`\b(${[...Object.keys(NUMBER_WORDS), ...VAGUE_COUNTS].sort((a, b) => b.length - a.length).join('|')}|\d+)\s+(minute|hour|day|week|month|year|decade)s?\s+(later|afterwards|after|earlier|before|ago)\b`,
  'gi',
);
const NEXT_DAY = /\b(?:the\s+(next|following|previous)\s+(day|week|month|year)|the\s+(day|week|month|year)\s+(before|after))\b/gi;
const GMT = /(?<![\d:])(\d{1,2})(?::?(\d{2}))?\s*(a\.m\.|p\.m\.|am|pm)?\s*(GMT|UTC)\b/gi;
const YEAR = /(?<![\p{L}\p{N},.£$€-])(1[6-9]\d\d|20\d\d)(?![\p{L}\p{N}]|,\d|\s+(?:people|persons|soldiers|troops|civilians|children|men|women|refugees|residents|deaths|dead|killed|injured|wounded)\b)/gu;
const VAGUE_NEAR = /\b(?:late|early|around|about|approximately|shortly\s+(?:before|after)|some\s*time|by|until|in\s+the\s+(?:morning|afternoon|evening|night))\s*(?:on\s+|in\s+|at\s+)?$/i;
const CASUAL = /^(?:yesterday|today|tomorrow|tonight|last\s+(?:night|year|month)|this\s+(?:year|month|morning|afternoon|evening)|next\s+(?:year|month))\b/i;
const PART_OF_DAY = /\b(?:morning|afternoon|evening|night|overnight|dawn|dusk|midday|noon|midnight)\b/i;
/** The parts of the day an event's `part_of_day` can say; `overnight` is the night. */
const PART_WORD = /\b(morning|afternoon|evening|night|overnight)\b/i;
const SINCE_BEFORE = /\bsince\s+(?:the\s+)?$/i;
/** `had blockaded it for nine months`: a state that lasted up to a time; the perfect says it reached that time. */
const DURATION = new RegExp(String.raw`\bfor\s+(${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')}|\d+)\s+(day|week|month|year|decade)s?\b`, 'gi');
const PERFECT = /\b(?:had|has|have)\b/i;

const isClockOnly = (r: chrono.ParsedResult) =>
  r.start.isCertain('hour') && !r.start.isCertain('day') && !r.start.isCertain('weekday') && !r.start.isCertain('month') && !r.start.isCertain('year');

/**
 * Finds the time expressions of one sentence and resolves each to a date, relative to the article's
 * publication date and to what the text has said before. chrono-node reads weekdays, named dates and clock
 * times; the rest is read here, because chrono counts `three years after` forwards from today, does not read
 * `0900 GMT` or a bare `1991`, and turns durations (`for nine months`) into dates.
 *
 * - A weekday is the nearest one to the publication day on the zone's clock: `on Tuesday` in an article of
 *   Wednesday 20 September 2023 is the 19th, `on Thursday` the 21st.
 * - A clock time sits on the day named beside it; a local time with its GMT equivalent (`1 p.m. (0900 GMT)`)
 *   gives the offset itself (+04:00), otherwise the place's or the site's clock is used.
 * - `a day later`, `the next day`, `a few hours earlier` count from the last date the text reached.
 * - `one day after the ceasefire`, in a sentence without a date of its own, counts from the ceasefire's date where
 *   `reading.happening` knows it (the article's own dates, then the timeline's), and offers that date too.
 * - Otherwise `three years after …` dates what the sentence refers back to: three years before the sentence's own date
 *   (or the text's last date, or the publication date), at the precision of a year.
 * - `since 1991` and `had … for nine months` date the start of a state; a sentence with no other date is dated as
 *   reported on the publication day, and one whose only dates are after that day as announced on it.
 * - `late`, `early`, `around`, a part of the day without a clock time, and vague counts mark the date approximate.
 *
 * Returns the proposals in sentence order (a date added for what the sentence reports first) and the anchor for
 * the next sentence.
 */
export function readTimes(sentence: string, reading: Reading): { proposals: DateProposal[]; anchor: Reading['anchor'] } {
  // A weekday is counted from the publication day where the place is: late on the 20th in New York is the 21st in Baku.
  const published = onClock(reading.published, reading.zone);
  const dayKnown = atLeastDay(published);
  const refOffset = zoneOffset(reading.zone, published.year, published.month ?? 1, published.day ?? 1);
  const instant = new Date(Date.UTC(published.year, (published.month ?? 1) - 1, published.day ?? 1, 12) - refOffset * 60_000);

  const taken: Span[] = [];
  const free = (index: number, end: number) => !taken.some((t) => index < t.end && end > t.index);
  const take = (s: Span) => taken.push(s);

  // 1. Relative expressions, read before chrono so that it does not count them from today.
  const relatives: (Span & { amount: number | null; unit: Unit; direction: string })[] = [];
  for (const m of sentence.matchAll(RELATIVE)) {
    const count = m[1]!.toLowerCase();
    const amount = /^\d+$/.test(count) ? Number(count) : (NUMBER_WORDS[count] ?? null);
    const span = { index: m.index, end: m.index + m[0].length, text: m[0] };
    relatives.push({ ...span, amount, unit: m[2]!.toLowerCase() as Unit, direction: m[3]!.toLowerCase() });
    take(span);
  }
  for (const m of sentence.matchAll(NEXT_DAY)) {
    const span = { index: m.index, end: m.index + m[0].length, text: m[0] };
    if (!free(span.index, span.end)) continue;
    const which = (m[1] ?? m[4])!.toLowerCase();
    const unit = (m[2] ?? m[3])!.toLowerCase() as Unit;
    // "the previous day" and "the day before" step back; "the next day" and "the day after" forward.
    relatives.push({ ...span, amount: 1, unit, direction: which === 'previous' || which === 'before' ? 'earlier' : 'later' });
    take(span);
  }

  // Durations that reached a time: `had blockaded for nine months` began nine months before it.
  const durations: (Span & { amount: number; unit: Unit })[] = [];
  for (const m of sentence.matchAll(DURATION)) {
    const span = { index: m.index, end: m.index + m[0].length, text: m[0] };
    if (!free(span.index, span.end) || !PERFECT.test(sentence.slice(0, span.index))) continue;
    const count = m[1]!.toLowerCase();
    durations.push({ ...span, amount: /^\d+$/.test(count) ? Number(count) : NUMBER_WORDS[count]!, unit: m[2]!.toLowerCase() as Unit });
    take(span);
  }

  // 2. GMT clock times: `0900 GMT`, `(09:00 GMT)`, `9 a.m. GMT`.
  const gmts: (Span & { hour: number; minute: number })[] = [];
  for (const m of sentence.matchAll(GMT)) {
    let hour = Number(m[1]);
    const minute = Number(m[2] ?? 0);
    const meridiem = m[3]?.toLowerCase().replace(/\./g, '');
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    if (hour > 23 || minute > 59) continue;
    const span = { index: m.index, end: m.index + m[0].length, text: m[0] };
    gmts.push({ ...span, hour, minute });
    take(span);
  }

  // 3. chrono: weekdays, named dates, months with years, clock times.
  const days: (Span & { point: Point; vague: boolean; rule: DateRule; since: boolean })[] = [];
  const clocks: (Span & { hour: number; minute: number })[] = [];
  // chrono reads the sentence with the expressions already read blanked out (same length, so offsets hold):
  // `at 23:30 GMT on Tuesday` leaves it `on Tuesday`, and `a day later` is not counted from today.
  const blanked = taken.reduce((text, t) => text.slice(0, t.index) + ' '.repeat(t.end - t.index) + text.slice(t.end), sentence);
  const results = chrono.parse(blanked, { instant, timezone: refOffset }, { forwardDate: false });
  for (const r of results) {
    // chrono keeps a trailing comma (`On Wednesday,`) and a leading `from`/`at`; the quoted words should not.
    const lead = /^(?:from|at|since|by|until)\s+/i.exec(r.text)?.[0].length ?? 0;
    const words = r.text.slice(lead).replace(/[\s,;:]+$/, '').replace(/(?<![ap]\.m)\.$/i, '');
    const span = { index: r.index + lead, end: r.index + lead + words.length, text: words };
    if (!free(span.index, span.end)) continue;
    if (/^(?:for|within|over|during|now|right now|currently)\b/i.test(words)) continue;
    // Durations and counts from today (`after six weeks`, `in 3 days`) are not dates; `yesterday`, `last year` are.
    if (r.tags().has('result/relativeDate') && !CASUAL.test(words)) continue;
    const s = r.start;
    if (isClockOnly(r)) {
      if (s.isCertain('timezoneOffset') && s.get('timezoneOffset') === 0) {
        gmts.push({ ...span, hour: s.get('hour')!, minute: s.get('minute') ?? 0 });
      } else {
        clocks.push({ ...span, hour: s.get('hour')!, minute: s.get('minute') ?? 0 });
      }
      take(span);
      continue;
    }
    const hasDay = s.isCertain('day') || s.isCertain('weekday');
    if (!hasDay && !s.isCertain('month') && !s.isCertain('year')) continue;
    // A weekday or a month without a year needs the article's day to be placed.
    if (!s.isCertain('year') && !dayKnown) continue;
    const point: Point = hasDay
      ? { precision: 'day', year: s.get('year')!, month: s.get('month')!, day: s.get('day')! }
      : s.isCertain('month')
        ? { precision: 'month', year: s.get('year')!, month: s.get('month')! }
        : { precision: 'year', year: s.get('year')! };
    if (hasDay && s.isCertain('hour')) {
      Object.assign(point, { precision: 'minute', hour: s.get('hour')!, minute: s.get('minute') ?? 0 });
      const zone = s.isCertain('timezoneOffset') ? s.get('timezoneOffset')! : null;
      point.offset = zone ?? zoneOffset(reading.zone, point.year, point.month!, point.day!);
    }
    // `late on Wednesday`: the qualifier belongs to the quoted words and makes the date approximate.
    const near = VAGUE_NEAR.exec(sentence.slice(0, span.index));
    const vague = near !== null || (point.precision !== 'minute' && PART_OF_DAY.test(words));
    const whole = near ? { index: near.index, end: span.end, text: sentence.slice(near.index, span.end) } : span;
    const since = SINCE_BEFORE.test(sentence.slice(0, r.index + lead));
    const rule: DateRule = since ? 'since' : CASUAL.test(words) ? 'day-word' : !s.isCertain('day') && s.isCertain('weekday') ? 'weekday' : 'named-date';
    days.push({ ...whole, point, vague, rule, since });
    take(whole);
  }

  // 4. Bare years: `In 1991`, `since the 1991 Soviet fall`, `in 2020`.
  for (const m of sentence.matchAll(YEAR)) {
    const span = { index: m.index, end: m.index + m[0].length, text: m[0] };
    if (!free(span.index, span.end)) continue;
    const year = Number(m[0]);
    if (year > published.year + 1) continue;
    const since = SINCE_BEFORE.test(sentence.slice(0, span.index));
    days.push({ ...span, point: { precision: 'year', year }, vague: false, rule: since ? 'since' : 'named-date', since });
    take(span);
  }

  const publishedWords =
    reading.published.precision === 'minute'
      ? `an article published at ${toIso(reading.published)}, ${describePoint(published)} on the clock at ${offsetText(zoneOffset(reading.zone, published.year, published.month!, published.day!))}`
      : `an article published on ${describePoint(published)}`;
  const proposals: DateProposal[] = [];

  // Clock times join the day named nearest to them; a local time and a GMT time together give the offset.
  const dayGroups = days.map((d) => ({ day: d, clocks: [] as typeof clocks, gmts: [] as typeof gmts }));
  const dayLike = dayGroups.filter((g) => atLeastDay(g.day.point) && !g.day.since);
  const loose: { clocks: typeof clocks; gmts: typeof gmts } = { clocks: [], gmts: [] };
  const nearest = (s: Span) => {
    let best: (typeof dayLike)[number] | undefined;
    let bestDistance = Infinity;
    for (const g of dayLike) {
      const distance = s.index >= g.day.end ? s.index - g.day.end : g.day.index - s.end;
      if (distance < bestDistance) [best, bestDistance] = [g, distance];
    }
    return best;
  };
  for (const c of clocks) (nearest(c)?.clocks ?? loose.clocks).push(c);
  for (const g of gmts) (nearest(g)?.gmts ?? loose.gmts).push(g);

  let anchor = reading.anchor;
  const sentenceOwn = () => dayLike[0]?.day;

  // Each expression is resolved in sentence order, so that `a day later` counts from the date just before it.
  type Step = { index: number; run: () => void };
  const steps: Step[] = [];
  for (const g of dayGroups) {
    steps.push({
      index: Math.min(g.day.index, ...g.clocks.map((c) => c.index), ...g.gmts.map((c) => c.index)),
      run: () => {
        const { point, how, approximate } = withClock(g.day.point, g.clocks[0], g.gmts[0], reading.zone);
        const parts = [g.day, ...g.clocks.slice(0, 1), ...g.gmts.slice(0, 1)];
        const index = Math.min(...parts.map((p) => p.index));
        const end = Math.max(...parts.map((p) => p.end));
        const text = sentence.slice(index, end);
        const vague = g.day.vague || approximate;
        const base = point.precision === 'year' || (point.precision === 'month' && /\d{4}/.test(g.day.text)) ? `'${text}'` : `'${text}' in ${publishedWords}`;
        const since = g.day.since ? `; the start of a state that lasts to the time of writing` : '';
        const counted = g.day.rule === 'weekday' || g.day.rule === 'day-word';
        proposals.push({
          text,
          index,
          end,
          date: toIso(point),
          utc: toUtc(point),
          approximate: vague,
          note: `${base}${how ? `; ${how}` : ''}${since}.`,
          refersBack: g.day.since,
          rule: g.day.rule,
          anchor: counted ? { text: 'publication', date: toIso(published), from: 'publication', event: null } : null,
          partOfDay: point.precision === 'day' ? partOfDay(text) : null,
        });
        if (atLeastDay(point) && !g.day.since) anchor = { point, text };
      },
    });
  }
  if (loose.clocks.length > 0 || loose.gmts.length > 0) {
    const first = [...loose.clocks, ...loose.gmts].sort((a, b) => a.index - b.index)[0]!;
    steps.push({
      index: first.index,
      run: () => {
        const base = anchor?.point ?? (dayKnown ? published : null);
        if (!base || !atLeastDay(base)) return;
        const day: Point = { precision: 'day', year: base.year, month: base.month!, day: base.day! };
        const { point, how } = withClock(day, loose.clocks[0], loose.gmts[0], reading.zone);
        const parts = [...loose.clocks.slice(0, 1), ...loose.gmts.slice(0, 1)];
        const index = Math.min(...parts.map((p) => p.index));
        const end = Math.max(...parts.map((p) => p.end));
        const text = sentence.slice(index, end);
        const dayFrom = anchor ? `on the day of '${anchor.text}' (${describePoint(base)})` : `on the publication day, ${describePoint(base)}`;
        proposals.push({
          text,
          index,
          end,
          date: toIso(point),
          utc: toUtc(point),
          approximate: true,
          note: `'${text}', taken to be ${dayFrom}${how ? `; ${how}` : ''}.`,
          refersBack: false,
          rule: 'clock-on-last-date',
          anchor: anchor ? { text: anchor.text, date: toIso(anchor.point), from: 'text', event: null } : { text: 'publication', date: toIso(base), from: 'publication', event: null },
          partOfDay: null,
        });
        anchor = { point, text };
      },
    });
  }
  for (const r of relatives) {
    steps.push({
      index: r.index,
      run: () => {
        const vague = r.amount === null;
        const refersBack = r.direction === 'after' || r.direction === 'before';
        if (refersBack && !vague && !sentenceOwn() && afterHappening(r)) return;
        if (!refersBack && !reading.anchor && !anchor && namedHappening(r)) return;
        let from: { point: Point; text: string } | null;
        let fromWords: string;
        if (r.direction === 'ago') {
          from = dayKnown ? { point: published, text: 'publication' } : null;
          fromWords = `counted back from the publication date, ${describePoint(published)}`;
        } else if (refersBack) {
          // "<this> three years after <that>": <that> is three years before this sentence's own date.
          const own = sentenceOwn();
          from = own ? { point: own.point, text: own.text } : (anchor ?? (dayKnown ? { point: published, text: 'publication' } : null));
          const span = r.text.replace(/\s+(after|before)$/i, (_, w: string) => (w.toLowerCase() === 'after' ? ' before' : ' after')).toLowerCase();
          const base = from && from.text !== 'publication' ? `'${from.text}' (${describePoint(from.point)})` : `the publication date, ${describePoint(published)}`;
          fromWords = `${r.direction === 'after' ? 'an earlier' : 'a later'} happening, ${span} ${base}`;
        } else {
          from = anchor ?? (dayKnown ? { point: published, text: 'publication' } : null);
          fromWords = from && from.text !== 'publication' ? `counted from '${from.text}' (${describePoint(from.point)})` : `counted from the publication date, ${describePoint(published)}`;
        }
        if (!from) return;
        const sign = r.direction === 'later' || r.direction === 'afterwards' || r.direction === 'before' ? 1 : -1;
        // A vague count of hours stays on the same day, approximately; a vague count of days or more cannot be dated.
        if (vague && r.unit !== 'hour' && r.unit !== 'minute') return;
        const point = vague ? { ...from.point } : shift(from.point, sign * r.amount!, r.unit);
        const dropTime = vague && point.precision === 'minute';
        const final: Point = dropTime ? { precision: 'day', year: point.year, month: point.month!, day: point.day! } : point;
        const what = refersBack ? `'${r.text}' refers to ${fromWords}` : `'${r.text}', ${fromWords}`;
        proposals.push({
          text: r.text,
          index: r.index,
          end: r.end,
          date: toIso(final),
          utc: toUtc(final),
          // "a few hours earlier" on a day without a clock time: the day itself is uncertain.
          approximate: vague || ((r.unit === 'hour' || r.unit === 'minute') && final.precision !== 'minute'),
          note: `${what[0]!.toUpperCase()}${what.slice(1)}.`,
          refersBack,
          rule: refersBack ? 'refers-back' : from.text === 'publication' ? 'count-from-publication' : 'count-from-text',
          anchor: { text: from.text, date: toIso(from.point), from: from.text === 'publication' ? 'publication' : 'text', event: null },
          partOfDay: null,
        });
        if (!refersBack && atLeastDay(final)) anchor = { point: final, text: r.text };
      },
    });
  }
  for (const d of durations) {
    steps.push({
      index: d.index,
      run: () => {
        // `had … for nine months` ends at the sentence's date, or at the last date the text reached; `has` at publication.
        const ownDay = sentenceOwn();
        const end = ownDay ? { point: ownDay.point, text: ownDay.text } : /\bhad\b/i.test(sentence.slice(0, d.index)) && anchor ? anchor : dayKnown ? { point: published, text: 'publication' } : null;
        if (!end) return;
        const point = shift(end.point, -d.amount, d.unit);
        const endWords = end.text === 'publication' ? `the publication date, ${describePoint(published)}` : `'${end.text}' (${describePoint(end.point)})`;
        proposals.push({
          text: d.text,
          index: d.index,
          end: d.end,
          date: toIso(point),
          utc: toUtc(point),
          approximate: false,
          note: `'${d.text}' up to ${endWords}: what lasted that long began in ${describePoint(point)}.`,
          refersBack: true,
          rule: 'duration',
          anchor: { text: end.text, date: toIso(end.point), from: end.text === 'publication' ? 'publication' : 'text', event: null },
          partOfDay: null,
        });
      },
    });
  }
  steps.sort((a, b) => a.index - b.index).forEach((step) => step.run());
  proposals.sort((a, b) => a.index - b.index);
  if (dayKnown) proposals.unshift(...whatTheSentenceSays(proposals, published, publishedWords));
  return { proposals: dedupe(proposals), anchor };

  /**
   * `One day after the negotiated ceasefire, a delegation came`: counted from the ceasefire's date where the article
   * or the timeline gives it, and then the sentence's own date (its first draft, and the anchor for what follows).
   */
  function afterHappening(r: (typeof relatives)[number]): boolean {
    const phrase = afterPhrase(sentence, r.end);
    const needsDay = r.unit === 'minute' || r.unit === 'hour' || r.unit === 'day' || r.unit === 'week';
    const counted = (h: Happening) => shift(h.point, (r.direction === 'after' ? 1 : -1) * r.amount!, r.unit);
    // The article reports what it counts to as past: the count must not land after the publication day.
    const reported = (h: Happening) => !dayKnown || !atLeastDay(counted(h)) || toIso(counted(h)).slice(0, 10) <= toIso(published).slice(0, 10);
    const found = phrase ? reading.happening?.(phrase, needsDay, reported) : null;
    if (!found) return false;
    const point = counted(found);
    const phraseAt = sentence.indexOf(phrase, r.end);
    const end = phraseAt + phrase.length;
    const span = sentence.slice(r.index, end);
    const count = r.text.replace(/\s+(after|before)$/i, '').toLowerCase();
    proposals.push({
      text: span,
      index: r.index,
      end,
      date: toIso(point),
      utc: toUtc(point),
      approximate: false,
      note: `'${span}': ${phrase.replace(/^(?:the|a|an)\s+/i, 'the ')} is dated ${describeHappening(found)}; ${count} ${r.direction} it is ${describePoint(point)}.`,
      refersBack: false,
      rule: 'after-happening',
      anchor: { text: phrase, date: toIso(found.point), from: found.event ? 'timeline' : 'article', event: found.event },
      partOfDay: null,
    });
    // The sentence names that happening too (`a day after Azerbaijan began an offensive`): offered as a draft of its own.
    proposals.push({
      text: phrase,
      index: phraseAt,
      end,
      date: toIso(found.point),
      utc: toUtc(found.point),
      approximate: false,
      note: `'${phrase}', which '${span}' refers back to, is dated ${describeHappening(found)}.`,
      refersBack: true,
      rule: 'refers-back',
      anchor: { text: phrase, date: toIso(found.point), from: found.event ? 'timeline' : 'article', event: found.event },
      partOfDay: null,
    });
    anchor = { point, text: span };
    return true;
  }

  /**
   * `A few hours earlier, the two sides had agreed on a ceasefire` at the head of an article: nothing before it to
   * count from, and a few hours before a publication day may be the day before. The happening the sentence names,
   * where the article or the timeline dates it on that day or the day before, gives the day.
   */
  function namedHappening(r: (typeof relatives)[number]): boolean {
    if (r.amount !== null || (r.unit !== 'hour' && r.unit !== 'minute') || !dayKnown) return false;
    const main = sentence.replace(/\b(?:after|before|since|following)\b[^,;:.!?]*/gi, (m) => ' '.repeat(m.length));
    const dayBefore = toIso(shift(published, -1, 'day'));
    const within = (h: Happening) => atLeastDay(h.point) && toIso(h.point).slice(0, 10) >= dayBefore && toIso(h.point).slice(0, 10) <= toIso(published);
    const found = reading.happening?.(main, true, within);
    if (!found) return false;
    const point: Point = { precision: 'day', year: found.point.year, month: found.point.month!, day: found.point.day! };
    const kind = happeningKinds(main).find((k) => k === found.kind)!;
    proposals.push({
      text: r.text,
      index: r.index,
      end: r.end,
      date: toIso(point),
      utc: null,
      approximate: true,
      note: `'${r.text}' has nothing earlier in the text to count from; the ${kind} the sentence names is dated ${describeHappening(found)}, within a day of ${publishedWords}.`,
      refersBack: false,
      rule: 'named-happening',
      anchor: { text: kind, date: toIso(found.point), from: found.event ? 'timeline' : 'article', event: found.event },
      partOfDay: null,
    });
    anchor = { point, text: r.text };
    return true;
  }
}

/**
 * What a sentence reports when its dates are not the date of what it reports: a sentence whose only dates are
 * starts (`since August 2021`, `for nine months`) says how things stand at the time of writing, and one whose only
 * dates are after the publication day (`talks will start on Thursday`) announces them. Either is dated to the
 * publication day, as the article reports it.
 */
function whatTheSentenceSays(proposals: readonly DateProposal[], published: Point, publishedWords: string): DateProposal[] {
  const own = proposals.filter((p) => !p.refersBack);
  const starts = proposals.filter((p) => p.rule === 'since' || p.rule === 'duration');
  const day = toIso(published);
  const at = (p: DateProposal, rule: DateRule, note: string): DateProposal => ({
    text: p.text,
    index: p.index,
    end: p.end,
    date: day,
    utc: null,
    approximate: false,
    note,
    refersBack: false,
    rule,
    anchor: { text: 'publication', date: day, from: 'publication', event: null },
    partOfDay: null,
  });
  if (own.length === 0 && starts.length > 0) {
    const p = starts[0]!;
    return [at(p, 'reported-on-publication', `Nothing in the sentence dates what it reports: '${p.text}' is where a state that lasts to the time of writing began. Dated as reported, in ${publishedWords}.`)];
  }
  // Only dates read against the publication day: `two days later` in a narrative is counted from the text, not announced.
  const later = own.filter((p) => (p.rule === 'weekday' || p.rule === 'named-date' || p.rule === 'day-word') && p.date.length >= 10 && p.date.slice(0, 10) > day);
  if (own.length > 0 && later.length === own.length) {
    const p = later[0]!;
    return [at(p, 'announced-on-publication', `'${p.text}' is after the publication day, so the sentence announces it; the announcement is dated to the day of ${publishedWords}.`)];
  }
  return [];
}

/** The words after `one day after`: the happening it counts from, up to the end of the clause or a new one. */
function afterPhrase(sentence: string, end: number): string {
  const rest = sentence.slice(end).replace(/^\s+/, '');
  const clause = /^[^,;:.!?()[\]]*/.exec(rest)![0].split(/\s+(?:and|but|to|which|who|that|where|when|while)\s+/)[0]!;
  return clause.replace(/[\s"“”‘’']+$/, '').split(/\s+/).slice(0, 12).join(' ');
}

/** `late evening` from `late on Wednesday evening`, `evening` from `on Wednesday evening`; null without a part. */
function partOfDay(words: string): string | null {
  const part = PART_WORD.exec(words);
  if (!part) return null;
  const name = part[1]!.toLowerCase() === 'overnight' ? 'night' : part[1]!.toLowerCase();
  const modifier = /^(early|late)\b/i.exec(words) ?? /\b(early|late)\s+$/i.exec(words.slice(0, part.index));
  return modifier ? `${modifier[1]!.toLowerCase()} ${name}` : name;
}

/** The publication day on a zone's clock: a time of publication can fall on another day there. */
function onClock(published: Point, zone: string): Point {
  if (published.precision !== 'minute') return published;
  const instant = Date.UTC(published.year, published.month! - 1, published.day!, published.hour!, published.minute!) - (published.offset ?? 0) * 60_000;
  const guess = new Date(instant + zoneOffset(zone, published.year, published.month!, published.day!) * 60_000);
  return { precision: 'day', year: guess.getUTCFullYear(), month: guess.getUTCMonth() + 1, day: guess.getUTCDate() };
}

/** Puts a clock time on a day: a local time with its GMT equivalent fixes the offset; otherwise the zone's. */
function withClock(
  day: Point,
  local: { hour: number; minute: number } | undefined,
  gmt: { hour: number; minute: number } | undefined,
  zone: string,
): { point: Point; how: string; approximate: boolean } {
  if (day.precision === 'minute' || (!local && !gmt) || day.day === undefined) return { point: day, how: '', approximate: false };
  const zoneMinutes = zoneOffset(zone, day.year, day.month!, day.day);
  if (local && gmt) {
    let offset = local.hour * 60 + local.minute - (gmt.hour * 60 + gmt.minute);
    if (offset > 14 * 60) offset -= 24 * 60;
    if (offset <= -12 * 60) offset += 24 * 60;
    const point: Point = { ...day, precision: 'minute', hour: local.hour, minute: local.minute, offset };
    return { point, how: `${hhmm(local)} local time is ${hhmm(gmt)} GMT, so the clock is ${offsetText(offset)}`, approximate: false };
  }
  if (local) {
    const point: Point = { ...day, precision: 'minute', hour: local.hour, minute: local.minute, offset: zoneMinutes };
    return { point, how: `${hhmm(local)} read as local time at ${offsetText(zoneMinutes)}`, approximate: false };
  }
  // Only a GMT time: show it on the local clock, which may move it to the next or previous day.
  const utcMs = Date.UTC(day.year, day.month! - 1, day.day, gmt!.hour, gmt!.minute) + zoneMinutes * 60_000;
  const d = new Date(utcMs);
  const point: Point = { precision: 'minute', year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), offset: zoneMinutes };
  return { point, how: `${hhmm(gmt!)} GMT is ${hhmm(point as { hour: number; minute: number })} at ${offsetText(zoneMinutes)}`, approximate: false };
}

const hhmm = (t: { hour: number; minute: number }) => `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;

/** The same date proposed twice in one sentence (`on Wednesday … on Wednesday`) is proposed once. */
function dedupe(proposals: DateProposal[]): DateProposal[] {
  const seen = new Set<string>();
  return proposals.filter((p) => {
    const key = `${p.date}|${p.refersBack}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
