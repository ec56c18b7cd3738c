import type { Claim, EventRecord, Source, SourceCitation } from '../../../src/schema/records.ts';
import { date } from './dates.ts';

/** A valid EventRecord built by hand, for pure model functions; only what a test names differs. */
export function eventRecord(id: string, rawDate: string, overrides: Partial<EventRecord> = {}): EventRecord {
  return {
    id,
    file: `content/events/${id}.md`,
    title: `Title of ${id}`,
    date: date(rawDate),
    end: null,
    approximate: false,
    dateInferred: null,
    partOfDay: null,
    after: null,
    category: 'military',
    headline: false,
    sequence: 0,
    actors: [],
    places: [],
    sources: [],
    claims: [],
    updates: [],
    body: `Body of ${id}.`,
    ...overrides,
  };
}

export function sourceRecord(id: string, published: string, overrides: Partial<Source> = {}): Source {
  return {
    id,
    file: `content/sources/${id}.md`,
    title: `Article ${id}`,
    titleDescriptive: false,
    publisher: null,
    url: null,
    published: date(published),
    publishedInferred: null,
    language: 'en',
    translatedFrom: null,
    translatedFromInferred: null,
    reprint: false,
    reprintInferred: null,
    removed: null,
    note: null,
    text: `Text of ${id}.`,
    ...overrides,
  };
}

export function citation(source: string, quote: string, prefix: string | null = null, suffix: string | null = null): SourceCitation {
  return { source, quote, prefix, suffix, actors: [] };
}

export function claim(source: string, quote: string, overrides: Partial<Claim> = {}): Claim {
  return {
    source,
    quote,
    prefix: null,
    suffix: null,
    measure: 'killed',
    value: null,
    max: null,
    figure: null,
    qualifier: null,
    claimant: 'armenia',
    attribution: null,
    reported: null,
    ...overrides,
  };
}
