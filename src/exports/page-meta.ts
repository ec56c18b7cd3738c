import { excerpt, htmlToText } from '../lib/html-text.ts';
import { eventPageJsonLd, scriptJson } from './jsonld.ts';
import type { Timeline } from '../views/site.ts';
import type { SourceView } from '../model/timeline.ts';
import type { TimelineEvent } from '../model/timeline-event.ts';

/** What the layout and `_includes/head-meta.njk` print for a page besides its canonical address. */
export interface PageMeta {
  /** The page's title, or null for the home page, titled by the site alone. */
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

/**
 * The sources by id, made once per build. Eleventy hands each page its own copy of the `timeline` object (its data
 * cascade copies plain objects) but keeps arrays as they are, so they are keyed on the build's `events` array:
 * each build (and each watch rebuild) models new arrays, so they never outlive the content they were made from.
 */
const lookups = new WeakMap<readonly TimelineEvent[], Map<string, SourceView>>();

function sourcesById(timeline: Pick<Timeline, 'events' | 'sources'>): Map<string, SourceView> {
  let found = lookups.get(timeline.events);
  if (!found) lookups.set(timeline.events, (found = new Map(timeline.sources.map((s) => [s.id, s]))));
  return found;
}

/** An event page's metadata: its title, a summary of its text, and its JSON-LD. */
export function eventPageMeta(event: TimelineEvent, timeline: Pick<Timeline, 'events' | 'sources' | 'site'>): PageMeta {
  const summary = excerpt(htmlToText(event.html), 200);
  return {
    title: event.title,
    description: summary ? `${event.shortDate}: ${summary}` : `${event.dateLabel}. ${event.categoryLabel}.`,
    type: 'article',
    noindex: false,
    jsonLd: scriptJson(eventPageJsonLd(event, { site: timeline.site, sourceById: sourcesById(timeline) })),
  };
}

/** Any other page's: its title, its own description or the site's. */
export function sitePageMeta(title: string | null, timeline: Pick<Timeline, 'site'>, description?: string | null, noindex = false): PageMeta {
  return { title, description: description || timeline.site.description, type: 'website', noindex, jsonLd: null };
}

/** The metadata of a page that is a template of its own (not a paged one), at `path`, titled in its front matter. */
export function pageMeta(path: string, timeline: Pick<Timeline, 'site'>, title?: string | null): PageMeta {
  return sitePageMeta(title ?? null, timeline, null, path === NOT_FOUND_PATH);
}
