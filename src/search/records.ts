import { htmlToText } from '../model/html-text.ts';
import type { SourceView, Timeline, TimelineEvent } from '../model/timeline.ts';

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
 * lets the index be built while the pages are rendered; the text is what the page shows a reader, minus its
 * navigation.
 */
export function searchRecords(timeline: Timeline): SearchRecord[] {
  const language = timeline.site.language.split('-')[0]!;
  return [...timeline.events.map((e) => eventRecord(e, language)), ...timeline.sources.map((s) => sourceRecord(s, language))];
}

function eventRecord(e: TimelineEvent, language: string): SearchRecord {
  const lines = [
    e.title,
    `${e.dateLabel} · ${e.categoryLabel}${e.headline ? ' · Key event' : ''}`,
    e.dateInferred ? `How the date was worked out: ${e.dateInferred}` : '',
    `First reported ${e.firstReport.label} in ${e.firstReport.sources.map((s) => s.title).join(', ')}`,
    htmlToText(e.html),
    ...e.updateViews.map((u) => `${u.verb} ${u.dateLabel}: ${u.text}`),
    e.actorRefs.length ? `Who: ${e.actorRefs.map((a) => a.name).join(', ')}` : '',
    e.placeRefs.length ? `Where: ${e.placeRefs.map((p) => [p.name, ...p.aliases].join(', ')).join('; ')}` : '',
    ...e.citations.map((c) => `${c.quote} From ${c.sourceTitle}`),
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
  const lines = [s.title, ...s.citedBy.flatMap((item) => [item.event.title, item.event.dateLabel, ...item.quotes])];
  return {
    url: s.path,
    content: lines.join('\n'),
    language,
    meta: { title: s.title, date: `Article, ${s.publishedLabel}` },
  };
}
