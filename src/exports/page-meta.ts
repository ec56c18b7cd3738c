import { excerpt, htmlToText } from '../lib/html-text.ts';
import { eventPageJsonLd, scriptJson } from './jsonld.ts';
import type { Timeline } from '../views/site.ts';
import type { SourceView } from '../model/timeline.ts';
import type { TimelineEvent } from '../model/timeline-event.ts';

/** What the layout and `_includes/head-meta.njk` print for a page besides its canonical address. */
export interface PageMeta {
  /**
   * An event page's title, from the model. Other pages set `pageTitle` in their data; the 10,000 pages of a
   * large timeline do without it, because computed data (`eleventyComputed`) cost Eleventy 0.9 s of its 4.8 s.
   */
  title: string | null;
  description: string;
  /** Open Graph type: `article` for an event page, `website` for every other page. */
  type: 'article' | 'website';
  /** Pages search engines should not index (the 404 page). */
  noindex: boolean;
  /** JSON-LD, already safe inside `<script type="application/ld+json">`; event pages only. */
  jsonLd: string | null;
}

export const NOT_FOUND_PATH = '/404.html';

export interface PageLookups {
  eventByPath: Map<string, TimelineEvent>;
  sourceById: Map<string, SourceView>;
}

/**
 * The lookups, made once per build. Eleventy hands each page its own copy of the `timeline` object (its data
 * cascade copies plain objects) but keeps arrays as they are, so they are keyed on the build's `events` array:
 * every page of a build shares them, each build (and each watch rebuild) models new arrays, so they never
 * outlive the content they were made from.
 */
const lookups = new WeakMap<readonly TimelineEvent[], PageLookups>();

export function pageLookups(timeline: Pick<Timeline, 'events' | 'sources'>): PageLookups {
  let found = lookups.get(timeline.events);
  if (!found) {
    found = {
      eventByPath: new Map(timeline.events.map((e) => [e.path, e])),
      sourceById: new Map(timeline.sources.map((s) => [s.id, s])),
    };
    lookups.set(timeline.events, found);
  }
  return found;
}

/** The metadata of the page at `path` (a page's `page.url`, without any path prefix). */
export function pageMeta(path: string, timeline: Timeline): PageMeta {
  const { eventByPath, sourceById } = pageLookups(timeline);
  const event = eventByPath.get(path);
  if (!event) {
    return { title: null, description: timeline.site.description, type: 'website', noindex: path === NOT_FOUND_PATH, jsonLd: null };
  }
  const summary = excerpt(htmlToText(event.html), 200);
  return {
    title: event.title,
    description: summary ? `${event.shortDate}: ${summary}` : `${event.dateLabel}. ${event.categoryLabel}.`,
    type: 'article',
    noindex: false,
    jsonLd: scriptJson(eventPageJsonLd(event, { site: timeline.site, sourceById })),
  };
}
