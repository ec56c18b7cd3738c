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

export interface ParticipantAccount {
  /** The actors one or more sources name as taking part, in the order the first of them lists them. */
  actors: { id: string; name: string }[];
  /** The sources giving this account, each once, in citation order. */
  sources: { id: string; title: string; path: string }[];
}

/**
 * Who took part, as each source tells it: the citations that record `actors`, grouped by the set of actors they
 * name, so that sources that disagree appear side by side (one account each) instead of being resolved silently.
 */
export function participantAccounts(
  citations: readonly { source: string; sourceTitle: string; participants: readonly { id: string; name: string }[] }[],
): ParticipantAccount[] {
  const byKey = new Map<string, ParticipantAccount>();
  for (const c of citations) {
    if (c.participants.length === 0) continue;
    const key = c.participants.map((a) => a.id).sort().join(' ');
    let account = byKey.get(key);
    if (!account) byKey.set(key, (account = { actors: c.participants.map(({ id, name }) => ({ id, name })), sources: [] }));
    if (!account.sources.some((s) => s.id === c.source)) account.sources.push({ id: c.source, title: c.sourceTitle, path: sourcePath(c.source) });
  }
  return [...byKey.values()];
}
