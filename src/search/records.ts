import { htmlToText } from '../lib/html-text.ts';
import type { SourceView, TimelineCore } from '../model/timeline.ts';
import type { TimelineEvent } from '../model/timeline-event.ts';

/** One page of the search index, in the shape of Pagefind's custom records. */
export interface SearchRecord {
  /** Site-relative, as the page's own path: `/events/ceasefire-takes-effect/`. */
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
}

/**
 * The search index's records, straight from the model: every event and every source, and nothing else (the
 * timeline, facet and "as of" pages repeat what these say). Indexing the model rather than the rendered HTML
 * lets the index be built while the pages are rendered. Each text is said once: a passage on the event that
 * quotes it, an article by its title and the events that rest on it. Repeating every quote on its article's
 * record and every article's title on each citation made the index's text 14.3 MB at 10,000 events instead of
 * 8 MB, and Pagefind's time grows with it.
 */
export function searchRecords(timeline: Pick<TimelineCore, 'site' | 'events' | 'sources'>): SearchRecord[] {
  const language = timeline.site.language.split('-')[0]!;
  return [...timeline.events.map((e) => eventRecord(e, language)), ...timeline.sources.map((s) => sourceRecord(s, language))];
}

function eventRecord(e: TimelineEvent, language: string): SearchRecord {
  const lines = [
    e.title,
    `${e.dateLabel} · ${e.categoryLabel}${e.headline ? ' · Key event' : ''}`,
    e.dateInferred ? `How the date was worked out: ${e.dateInferred}` : '',
    htmlToText(e.html),
    ...e.updateViews.map((u) => `${u.verb} ${u.dateLabel}: ${u.text}`),
    e.actorRefs.length ? `Who: ${e.actorRefs.map((a) => a.name).join(', ')}` : '',
    e.placeRefs.length ? `Where: ${e.placeRefs.map((p) => [p.name, ...p.aliases].join(', ')).join('; ')}` : '',
    ...e.citations.map((c) => c.quote),
    ...e.claimViews.map((c) => `${c.measureLabel}: ${c.figureLabel}, ${c.claimantName}${c.attribution ? ` “${c.attribution}”` : ''}`),
  ];
  return {
    url: e.path,
    content: lines.filter(Boolean).join('\n'),
    language,
    meta: { title: e.title, date: e.dateLabel },
  };
}

function sourceRecord(s: SourceView, language: string): SearchRecord {
  const lines = [s.title, ...s.citedBy.map((item) => item.event.title)];
  return {
    url: s.path,
    content: lines.join('\n'),
    language,
    meta: { title: s.title, date: `Article, ${s.publishedLabel}` },
  };
}
