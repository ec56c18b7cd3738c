import { formatShortDate } from './labels.ts';
import { sourcePath } from './links.ts';
import type { Citation, Source } from '../schema/records.ts';

/** The ids of every source an event quotes, in its sources and its claims, each once, in order of first use. */
export function citedSourceIds(event: { sources: readonly Pick<Citation, 'source'>[]; claims: readonly Pick<Citation, 'source'>[] }): string[] {
  return [...new Set([...event.sources, ...event.claims].map((c) => c.source))];
}

export interface SourceRef {
  id: string;
  title: string;
  path: string;
  /** `20 Sep 2023` */
  published: string;
}

/** The distinct sources of an event's citations, in the order it first cites them. */
export function sourceRefs(citations: readonly { source: string }[], sources: ReadonlyMap<string, Pick<Source, 'id' | 'title' | 'published'>>): SourceRef[] {
  const ids = [...new Set(citations.map((c) => c.source))];
  return ids.map((id) => {
    const s = sources.get(id)!;
    return { id, title: s.title, path: sourcePath(id), published: formatShortDate(s.published) };
  });
}
