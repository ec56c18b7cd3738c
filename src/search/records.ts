import { htmlToText } from '../lib/html-text.ts';
import type { SourceView, TimelineCore } from '../model/timeline.ts';
import type { TimelineEvent } from '../model/timeline-event.ts';

/** One page of the search index, in the shape of Pagefind's custom records. */
export interface SearchRecord {
  /** Site-relative, as the page's own path: `/events/ceasefire-takes-effect/`. */
  url: string;
  /** What a result's excerpt is cut from: prose only, each piece a sentence of its own. */
  content: string;
  language: string;
  /**
   * Title, date and category are shown in each result. Pagefind searches every meta value, so a title word finds
   * its page, and `tags` (the names of the event's actors and places, not shown) finds the events tagged with a
   * name whatever their text says. Pagefind's filters would do that too, but it writes their values in a
   * different order on every build.
   */
  meta: { title: string; date: string; category: string; tags?: string };
}

/**
 * The search index's records, straight from the model: every event and every source, and nothing else (the
 * timeline, facet and "as of" pages repeat what these say). Indexing the model rather than the rendered HTML
 * lets the index be built while the pages are rendered. An event's text is its summary, its quoted passages and
 * its updates; its title, date and category are meta, shown beside the excerpt, so the excerpt is prose and not
 * a run of labels. Who and where are names in meta, not text. Each text is said
 * once: a passage on the event that quotes it, an article by its title. Repeating every quote on its article's
 * record and every article's title on each citation made the index's text 14.3 MB at 10,000 events instead of
 * 8 MB, and Pagefind's time grows with it.
 */
export function searchRecords(timeline: Pick<TimelineCore, 'site' | 'events' | 'sources'>): SearchRecord[] {
  const language = timeline.site.language.split('-')[0]!;
  return [...timeline.events.map((e) => eventRecord(e, language)), ...timeline.sources.map((s) => sourceRecord(s, language))];
}

function eventRecord(e: TimelineEvent, language: string): SearchRecord {
  const lines = [htmlToText(e.html), ...e.citations.map((c) => `“${c.quote}”`), ...e.updateViews.map((u) => u.text)];
  const tags = [...e.actorRefs, ...e.placeRefs].map((entry) => entry.name).join('; ');
  return {
    url: e.path,
    content: lines.filter(Boolean).join('\n'),
    language,
    meta: { title: e.title, date: e.dateLabel, category: e.categoryLabel, ...(tags ? { tags } : {}) },
  };
}

function sourceRecord(s: SourceView, language: string): SearchRecord {
  // The article is found by its title (meta); the titles of the events that cite it would only make a run-on excerpt.
  const n = s.citedBy.length;
  return {
    url: s.path,
    content: `An article the timeline cites for ${n} event${n === 1 ? '' : 's'}.`,
    language,
    meta: { title: s.title, date: s.publishedLabel, category: 'Source' },
  };
}
