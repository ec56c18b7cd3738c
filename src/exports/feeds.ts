import { startInstant, type EventDate } from '../schema/dates.ts';
import { citedSourceIds } from '../model/citations.ts';
import { cleanDeep, escapeHtml, excerpt, htmlToText, xmlSafe } from '../lib/html-text.ts';
import type { Timeline } from '../views/site.ts';
import type { SourceView } from '../model/timeline.ts';
import type { TimelineEvent } from '../model/timeline-event.ts';

/**
 * The Atom feed (`/feed.xml`) and JSON Feed 1.1 (`/feed.json`): one entry per event (the 100 updated last, on a
 * larger timeline), newest event first (the timeline order reversed, so equal dates keep a stable order). Every date comes from the content, never the clock:
 *
 * - `published`: when the first article citing the event appeared, but never before the event itself began;
 * - `updated`: when the last article citing the event appeared, or the date of the event's latest correction or
 *   update (`updates`) where that is later, but never before the event itself began.
 *
 * A source's `published` date, an update's date and an event's date without a time count from 00:00 on their first day in the site's
 * time zone; timed events count from their instant. Instants are written in UTC (`2023-09-20T09:00:00Z`).
 * The feed's own `updated` is the latest entry's. Ids are the events' absolute page addresses: stable as long as
 * the site's address is.
 */

export interface FeedEntry {
  /** The event's absolute page address, which is also its id. */
  id: string;
  url: string;
  title: string;
  published: string;
  updated: string;
  category: { term: string; label: string };
  /** Plain text, at most 300 characters. */
  summary: string;
  /** Our own HTML: the date, the sanitised body, the cited passages and the attributed figures. */
  contentHtml: string;
}

export interface Feed {
  /** The site's address, which is also the feed's id. */
  id: string;
  title: string;
  subtitle: string;
  language: string;
  homeUrl: string;
  atomUrl: string;
  jsonUrl: string;
  updated: string;
  author: string;
  entries: FeedEntry[];
}

/** `published` and `updated` for an event's entry, as documented above. */
export function entryDates(
  event: Pick<TimelineEvent, 'date' | 'sources' | 'claims' | 'updates'>,
  sourceById: ReadonlyMap<string, Pick<SourceView, 'published'>>,
  zone: string,
  instant: (date: EventDate) => string = (date) => startInstant(date, zone),
): { published: string; updated: string } {
  const start = instant(event.date);
  const reported = citedSourceIds(event)
    .map((id) => instant(sourceById.get(id)!.published))
    .sort();
  const changed = event.updates.map((u) => instant(u.date)).sort();
  const atLeastStart = (t: string | undefined) => (t !== undefined && t > start ? t : start);
  const lastReport = atLeastStart(reported[reported.length - 1]);
  const lastChange = changed[changed.length - 1];
  return { published: atLeastStart(reported[0]), updated: lastChange !== undefined && lastChange > lastReport ? lastChange : lastReport };
}

/**
 * An event as HTML for feed readers and TimelineJS: its date line, the sanitised body, then each cited passage
 * with a link to the source's page (and to the passage in the original, where its address is known), then the
 * attributed figures. Every value but the sanitised body is escaped here. `base` is `timeline.site.url` (no
 * trailing slash).
 */
export function eventDetailsHtml(event: TimelineEvent, base: string, options: { dateLine?: boolean } = {}): string {
  const parts: string[] = [];
  if (options.dateLine ?? true) parts.push(`<p><strong>${escapeHtml(event.dateLabel)}</strong></p>`);
  parts.push(event.html);
  if (event.updateViews.length > 0) {
    const items = event.updateViews.map((u) => `<li>${escapeHtml(u.label)}: ${escapeHtml(u.text)}</li>`);
    parts.push(`<p>Corrections and updates:</p><ul>${items.join('')}</ul>`);
  }
  if (event.citations.length > 0) {
    const items = event.citations.map((c) => {
      const original = c.passageUrl ? ` · <a href="${escapeHtml(c.passageUrl)}">the passage in the original</a>` : '';
      return `<li>“${escapeHtml(c.quote)}” (<a href="${escapeHtml(base + c.sourcePath)}">${escapeHtml(c.sourceTitle)}</a>${original})</li>`;
    });
    parts.push(`<p>Sources:</p><ul>${items.join('')}</ul>`);
  }
  if (event.claimViews.length > 0) {
    const items = event.claimViews.map(
      (c) =>
        `<li>${escapeHtml(c.measureLabel)}: ${escapeHtml(c.figureLabel)}, according to ${escapeHtml(c.claimantName)} (<a href="${escapeHtml(base + c.sourcePath)}">${escapeHtml(c.sourceTitle)}</a>)</li>`,
    );
    parts.push(`<p>Figures, as attributed:</p><ul>${items.join('')}</ul>`);
  }
  return parts.join('\n');
}

/**
 * Entries a feed carries at most: the most recently updated events. A feed is for news of the timeline, and
 * readers fetch it often; the whole record is in /events.json and /events.csv.
 */
export const FEED_LIMIT = 100;

/** The `limit` entries updated last (ties: the earlier in `entries` wins), in their order in `entries`. */
export function latest<T extends { dates: { updated: string } }>(entries: readonly T[], limit: number): T[] {
  if (entries.length <= limit) return [...entries];
  const chosen = new Set(
    entries
      .map((entry, i) => ({ updated: entry.dates.updated, i }))
      .sort((a, b) => (a.updated === b.updated ? a.i - b.i : a.updated < b.updated ? 1 : -1))
      .slice(0, limit)
      .map(({ i }) => i),
  );
  return entries.filter((_, i) => chosen.has(i));
}

/** The feed as data: the Atom template prints it (escaped by Nunjucks), `jsonFeed` serialises it. */
export function buildFeed(timeline: Timeline): Feed {
  const { site } = timeline;
  const base = site.url;
  const sourceById = new Map(timeline.sources.map((s) => [s.id, s]));
  // Many events share a day and every source is cited many times: work each date's instant out once.
  const instants = new Map<string, string>();
  const instant = (date: EventDate) => {
    let found = instants.get(date.raw);
    if (found === undefined) instants.set(date.raw, (found = startInstant(date, site.timeZone)));
    return found;
  };
  const dated = [...timeline.events].reverse().map((e) => ({ e, dates: entryDates(e, sourceById, site.timeZone, instant) }));
  const entries = latest(dated, FEED_LIMIT).map(({ e, dates }): FeedEntry => {
    const url = `${base}${e.path}`;
    return {
      id: url,
      url,
      title: xmlSafe(e.title),
      ...dates,
      category: { term: e.category, label: e.categoryLabel },
      summary: xmlSafe(excerpt(htmlToText(e.html), 300)),
      contentHtml: xmlSafe(eventDetailsHtml(e, base)),
    };
  });
  const updated = entries.map((e) => e.updated).sort().at(-1) ?? startInstant(site.eraStart, site.timeZone);
  // Every string, the category labels and addresses too, is cleaned: one stray control character breaks the XML.
  return cleanDeep({
    id: `${base}/`,
    title: xmlSafe(site.title),
    subtitle: xmlSafe(site.description),
    language: site.language,
    homeUrl: `${base}/`,
    atomUrl: `${base}/feed.xml`,
    jsonUrl: `${base}/feed.json`,
    updated,
    author: xmlSafe(site.title),
    entries,
  });
}

/** `/feed.json`, JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), keys in a fixed order. */
export function jsonFeed(timeline: Timeline): string {
  const feed = buildFeed(timeline);
  const data = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.jsonUrl,
    description: feed.subtitle,
    language: feed.language,
    authors: [{ name: feed.author, url: feed.homeUrl }],
    items: feed.entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      content_html: e.contentHtml,
      summary: e.summary,
      date_published: e.published,
      date_modified: e.updated,
      tags: [e.category.label],
    })),
  };
  return `${JSON.stringify(cleanDeep(data), null, 2)}\n`;
}
