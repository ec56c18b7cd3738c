import { excerpt, htmlToText } from '../lib/html-text.ts';
import { createRequire } from 'node:module';
import { eventPageJsonLd, scriptJson } from './jsonld.ts';
import { MEASURES } from '../schema/vocabulary.ts';
import { shareCard, type ShareCard } from './share-card.ts';
import type { Timeline } from '../views/site.ts';
import type { SourceView } from '../model/timeline.ts';
import type { TimelineEvent } from '../model/timeline-event.ts';
import type { Period } from '../model/periods.ts';
import type { ListingPage } from '../views/reader.ts';
import type { AsOfPage } from '../views/as-of.ts';

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
  /** The page's share card (`og:image`): its PNG's site-relative path and alternative text. */
  image: { path: string; alt: string };
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

/** The renderer and font the cards are drawn with, by version: part of every card's name (see share-card.ts). */
const CARD_RENDERER = (() => {
  const require = createRequire(import.meta.url);
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  return ['@resvg/resvg-js', '@expo-google-fonts/inter'].map((name) => `${name}@${version(name)}`).join(' ');
})();

/**
 * The cards a build's pages name, by their text: each page's metadata adds its own as the page renders, and the
 * build writes them all afterwards (src/build/share-cards.ts). Keyed on the build's `events` array like the sources.
 * Above SHARE_CARDS_AUTO_LIMIT every page names the site's card, and making it afresh for each (its SVG and hash)
 * cost 0.35 s of a 10,000-event build: a text's card is made once.
 */
const cards = new WeakMap<readonly TimelineEvent[], Map<string, ShareCard>>();

/**
 * Up to this many events, `share_cards: auto` draws every page its own card; beyond, the site's one card. A card
 * costs about 30 ms of CPU (resvg's raster and PNG encoding, measured at 10,000 events: 11,532 cards, about 250 s of
 * CPU on a cold build, five times the build without them); 500 events make about 600 cards, some 18 s.
 */
export const SHARE_CARDS_AUTO_LIMIT = 500;

/** Whether this timeline's pages each get a card of their own (`share_cards`, with `auto` decided by size). */
export function cardsPerPage(timeline: Pick<Timeline, 'events' | 'site'>): boolean {
  const mode = timeline.site.shareCards ?? 'auto';
  return mode === 'pages' || (mode === 'auto' && timeline.events.length <= SHARE_CARDS_AUTO_LIMIT);
}

function card(timeline: Pick<Timeline, 'events' | 'site' | 'reader'>, title: string, date: string): PageMeta['image'] {
  const text = !cardsPerPage(timeline) ? { title: timeline.site.title, date: siteDate(timeline) } : { title, date };
  let made = cards.get(timeline.events);
  if (!made) cards.set(timeline.events, (made = new Map()));
  const key = `${text.title}\0${text.date}\0${timeline.site.title}`;
  let found = made.get(key);
  if (!found) made.set(key, (found = shareCard({ ...text, site: timeline.site.title }, CARD_RENDERER)));
  return { path: found.path, alt: found.alt };
}

/** The cards named by the pages rendered so far for this timeline, in a stable order. */
export function pageCards(timeline: Pick<Timeline, 'events'>): ShareCard[] {
  // Should two texts draw the same SVG, they share its one card: one per path, as the build writes them.
  const byPath = new Map([...(cards.get(timeline.events)?.values() ?? [])].map((c) => [c.path, c]));
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What an undated page's card says under its title: the date of the latest article. */
function siteDate(timeline: Pick<Timeline, 'reader'>): string {
  const updated = timeline.reader?.lastUpdated;
  return updated ? `Updated ${updated.label}` : '';
}

/** An event page's metadata: its title, a summary of its text, and its JSON-LD. */
export function eventPageMeta(event: TimelineEvent, timeline: Pick<Timeline, 'events' | 'sources' | 'site' | 'reader'>): PageMeta {
  const summary = excerpt(htmlToText(event.html), 200);
  return {
    title: event.title,
    description: summary ? `${event.shortDate}: ${summary}` : `${event.dateLabel}. ${event.categoryLabel}.`,
    type: 'article',
    noindex: false,
    jsonLd: scriptJson(eventPageJsonLd(event, { site: timeline.site, sourceById: sourcesById(timeline) })),
    image: card(timeline, event.title, event.dateLabel),
  };
}

type SiteTimeline = Pick<Timeline, 'events' | 'site' | 'reader'>;

/** Any other page's: its title, its own description or the site's, and a card dated `date` (by default the site's latest article). */
export function sitePageMeta(title: string | null, timeline: SiteTimeline, description?: string | null, noindex = false, date?: string): PageMeta {
  return {
    title,
    description: description || timeline.site.description,
    type: 'website',
    noindex,
    jsonLd: null,
    image: card(timeline, title ?? timeline.site.title, date ?? siteDate(timeline)),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const pageOf = (p: { pageNumber: number; pageCount: number }) => (p.pageCount > 1 ? ` Page ${p.pageNumber} of ${p.pageCount}.` : '');

/** A source's page: who published it and when, and how many events cite it. */
export function sourcePageMeta(s: SourceView, timeline: SiteTimeline): PageMeta {
  const by = s.publisher ? `Published by ${s.publisher}, ${s.publishedLabel}` : `Published ${s.publishedLabel}`;
  const description = `${by}. Cited by ${plural(s.citedBy.length, 'event')} of this timeline, with the passages each quotes.`;
  return sitePageMeta(s.title, timeline, description, false, by);
}

const FACET_PHRASE = { category: 'in the category', actor: 'involving', place: 'in' } as const;

/** A category, actor or place page: the facet's own description, how many events it has, and their span. */
export function facetPageMeta(pg: ListingPage<TimelineEvent>, timeline: SiteTimeline): PageMeta {
  const { facet } = pg;
  const first = facet.events[0];
  const last = facet.events[facet.events.length - 1];
  const span = first && last ? (first.shortDate === last.shortDate ? `, on ${first.shortDate}` : `, from ${first.shortDate} to ${last.shortDate}`) : '';
  const count = `${plural(facet.count, 'event')} ${FACET_PHRASE[facet.kind]} ${facet.name}${span}.`;
  const description = `${facet.description ? `${facet.description.replace(/\.?$/, '.')} ` : ''}${count}${pageOf(pg)}`;
  return sitePageMeta(facet.name, timeline, description, false, plural(facet.count, 'event'));
}

/** A period's page: its events, and the first of them. */
export function periodPageMeta(p: Period, timeline: SiteTimeline): PageMeta {
  return sitePageMeta(p.label, timeline, `${plural(p.count, 'event')} in ${p.label}, each sourced to the articles that report it.`, false, p.label);
}

/** A "what was known when" page: what the articles had reported by its moment. */
export function asOfPageMeta(ap: AsOfPage<TimelineEvent>, timeline: SiteTimeline): PageMeta {
  const m = ap.moment;
  const description =
    `What the articles had reported by ${m.phrase}: ${plural(m.eventCount, 'event')} known, ${m.newCount.toLocaleString('en')} first reported then, ` +
    `${plural(m.claimCount, 'figure')} given.${pageOf(ap)}`;
  return sitePageMeta(`What was known by ${m.phrase}`, timeline, description, false, m.label);
}

/** The disputed figures page: what it compares. */
function figuresDescription(timeline: SiteTimeline): string | null {
  const groups = timeline.reader?.figures ?? [];
  if (groups.length === 0) return null;
  const labels = [...new Set(groups.map((g) => MEASURES[g.measure].toLowerCase()))];
  const figures = groups.reduce((n, g) => n + g.figureCount, 0);
  return `${plural(figures, 'figure')} the sources give (${labels.join(', ')}) side by side, each attributed to whoever gave it.`;
}

export const FIGURES_PATH = '/figures/';

/** The metadata of a page that is a template of its own (not a paged one), at `path`, titled in its front matter. */
export function pageMeta(path: string, timeline: SiteTimeline, title?: string | null): PageMeta {
  const description = path === FIGURES_PATH ? figuresDescription(timeline) : null;
  return sitePageMeta(title ?? null, timeline, description, path === NOT_FOUND_PATH);
}
