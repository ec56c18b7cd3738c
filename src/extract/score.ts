import { normaliseSpace } from '../validate/quotes.ts';

/** A draft as the score needs it: the sentence it quotes and the date it proposes. */
export interface ScoredDraft {
  sentence: string;
  date: string;
}

/** An event as the score needs it: its date as written and the passages it quotes from each article. */
export interface ScoredEvent {
  id: string;
  date: string;
  citations: readonly { source: string; quote: string }[];
}

export interface ScoreRow {
  source: string;
  /** Events citing the article. */
  events: number;
  /** Of those, events whose quote a draft's sentence covers. */
  drafted: number;
  /** Of those, events with a draft on their day. */
  rightDay: number;
  drafts: number;
  /** Drafts whose sentence no event citing the article quotes. */
  unmatched: number;
  /** The events with a draft on another day, with the dates proposed: what to look at first. */
  wrong: { event: string; expected: string; proposed: string[] }[];
}

/**
 * Scores an article's drafts against the events that cite it, matching by quoted sentence: a draft belongs to an
 * event when the event's quote occurs in the draft's sentence, or the sentence in the quote (a quote may run over
 * several sentences). An event is drafted when a sentence of its quote gives drafts, and has the right day when
 * one of the drafts of the first such sentence (the one an editor opens) has the event's date at the event's own
 * precision: its local day for day and time dates, its year or month otherwise.
 */
export function scoreArticle(source: string, drafts: readonly ScoredDraft[], events: readonly ScoredEvent[]): ScoreRow {
  const citing = events.flatMap((e) => e.citations.filter((c) => c.source === source).map((c) => ({ event: e, quote: normaliseSpace(c.quote) })));
  const covers = (d: ScoredDraft, quote: string) => {
    const sentence = normaliseSpace(d.sentence);
    return sentence.includes(quote) || quote.includes(sentence);
  };
  const row: ScoreRow = { source, events: new Set(citing.map((c) => c.event.id)).size, drafted: 0, rightDay: 0, drafts: drafts.length, unmatched: 0, wrong: [] };
  for (const event of new Set(citing.map((c) => c.event))) {
    const quotes = citing.filter((c) => c.event === event).map((c) => c.quote);
    const first = drafts.find((d) => quotes.some((q) => covers(d, q)));
    if (!first) continue;
    row.drafted++;
    const candidates = drafts.filter((d) => d.sentence === first.sentence);
    if (candidates.some((d) => sameDate(event.date, d.date))) row.rightDay++;
    else row.wrong.push({ event: event.id, expected: event.date, proposed: candidates.map((d) => d.date) });
  }
  row.unmatched = drafts.filter((d) => !citing.some((c) => covers(d, c.quote))).length;
  return row;
}

/** The rows added up; `events` counts an event once per article it cites. */
export function totalRow(rows: readonly ScoreRow[]): ScoreRow {
  const sum = (key: 'events' | 'drafted' | 'rightDay' | 'drafts' | 'unmatched') => rows.reduce((n, r) => n + r[key], 0);
  return { source: 'total', events: sum('events'), drafted: sum('drafted'), rightDay: sum('rightDay'), drafts: sum('drafts'), unmatched: sum('unmatched'), wrong: rows.flatMap((r) => r.wrong) };
}

/**
 * Whether a proposed date gives an event's date at the event's precision. Both are written as on the local clock
 * (`2023-09-20T13:00+04:00` is on the 20th), so the day is the first ten characters.
 */
export function sameDate(expected: string, proposed: string): boolean {
  const length = Math.min(expected.length, 10);
  return proposed.length >= length && proposed.slice(0, length) === expected.slice(0, length);
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`);

/** The score as a Markdown table, fit for the terminal and the README alike. */
export function formatScore(rows: readonly ScoreRow[]): string {
  const total = totalRow(rows);
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  const cells = (r: ScoreRow, name: string) => [name, r.events, r.drafted, r.rightDay, percent(r.rightDay, r.drafted), r.drafts, r.unmatched];
  return [
    line(['article', 'events citing it', 'with a draft', 'right day', 'right day / with a draft', 'drafts', 'drafts matching no event']),
    line(['---', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...rows.map((r) => line(cells(r, `\`${r.source}\``))),
    line(cells(total, '**total**')),
  ].join('\n');
}
