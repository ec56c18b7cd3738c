import { citedSourceIds } from '../model/citations.ts';
import { excerpt, htmlToText } from '../lib/html-text.ts';
import type { Place, Site } from '../schema/records.ts';
import type { ActorKind } from '../schema/vocabulary.ts';
import type { SourceView } from '../model/timeline.ts';
import type { TimelineEvent } from '../model/timeline-event.ts';

/**
 * schema.org JSON-LD for an event page. `citation` belongs to creative works, not to `Event`, so the page is a
 * `WebPage` whose `about` is the `Event` and whose `citation`s are the `NewsArticle`s it quotes; attributed
 * figures are `Claim`s (`mentions`), each by its claimant (`author`), appearing in its article (`appearance`, the
 * `NewsArticle` by its `@id`), published when it was reported (`datePublished`: the claim's `reported` date where
 * the article says when the claimant gave it, else the article's date). Dates are as the editor wrote them (ISO
 * 8601 at their precision). An article's `publisher` and `url` appear only where the copy states them; a
 * descriptive title (ours, not the article's) is its `name`, not its `headline`. A claimant is a `Person` or an
 * `Organization` where its actor entry says so (`kind`), and carries no `@type` otherwise: we do not guess.
 * Corrections to our record are `CorrectionComment`s (`correction`); the latest correction or update is the page's
 * `dateModified`.
 */

export interface JsonLdContext {
  site: Pick<Site, 'url' | 'title' | 'language'>;
  sourceById: ReadonlyMap<string, SourceView>;
}

type Node = Record<string, unknown>;

const articleId = (base: string, source: Pick<SourceView, 'path'>) => `${base}${source.path}#article`;

export function placeNode(place: Place): Node {
  return {
    '@type': 'Place',
    name: place.name,
    ...(place.aliases.length ? { alternateName: place.aliases } : {}),
    geo: { '@type': 'GeoCoordinates', latitude: place.coordinates[0], longitude: place.coordinates[1] },
  };
}

export function newsArticleNode(source: SourceView, base: string): Node {
  return {
    '@type': 'NewsArticle',
    '@id': articleId(base, source),
    ...(source.titleDescriptive ? { name: source.title } : { headline: source.title }),
    datePublished: source.published.raw,
    inLanguage: source.language,
    ...(source.publisher ? { publisher: { '@type': 'Organization', name: source.publisher } } : {}),
    ...(source.url ? { url: source.url } : {}),
  };
}

export function eventPageJsonLd(event: TimelineEvent, ctx: JsonLdContext): Node {
  const base = ctx.site.url;
  const pageUrl = `${base}${event.path}`;
  const description = excerpt(htmlToText(event.html), 300);
  const sources = citedSourceIds(event).map((id) => ctx.sourceById.get(id)!);
  return {
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    '@id': pageUrl,
    url: pageUrl,
    name: event.title,
    inLanguage: ctx.site.language,
    isPartOf: { '@type': 'WebSite', name: ctx.site.title, url: `${base}/` },
    about: {
      '@type': 'Event',
      name: event.title,
      startDate: event.date.raw,
      ...(event.end ? { endDate: event.end.raw } : {}),
      ...(description ? { description } : {}),
      ...(event.placeRefs.length ? { location: event.placeRefs.map(placeNode) } : {}),
    },
    citation: sources.map((s) => newsArticleNode(s, base)),
    ...(event.modified ? { dateModified: event.modified.raw } : {}),
    ...(event.updateViews.some((u) => u.type === 'correction')
      ? {
          correction: event.updateViews
            .filter((u) => u.type === 'correction')
            .map((u) => ({ '@type': 'CorrectionComment', text: u.text, datePublished: u.datetime })),
        }
      : {}),
    ...(event.claimViews.length
      ? {
          mentions: event.claimViews.map((c) => ({
            '@type': 'Claim',
            text: `${c.measureLabel}: ${c.figureLabel}`,
            ...claimAuthor(c.claimantKind, c.claimantName),
            appearance: { '@type': 'NewsArticle', '@id': articleId(base, ctx.sourceById.get(c.source)!) },
            datePublished: c.reportedAt.raw,
          })),
        }
      : {}),
  };
}

/**
 * A claim's author: typed where the actor list says (no type is guessed), and none at all for a figure that no one
 * is named for: an author called "No one named" would tell a machine reader the opposite.
 */
function claimAuthor(kind: ActorKind | null, name: string): { author?: { '@type'?: string; name: string } } {
  if (kind === 'unnamed') return {};
  return { author: { ...(kind ? { '@type': kind === 'person' ? 'Person' : 'Organization' } : {}), name } };
}

/**
 * JSON that is safe inside `<script type="application/ld+json">`: `<`, `>` and `&` are written as `\u003c`,
 * `\u003e` and `\u0026`, so no value can close the script element or open a comment; U+2028 and U+2029 are
 * escaped too. JSON.parse reads the same value back.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
