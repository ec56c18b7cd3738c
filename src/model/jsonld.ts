import { citedSourceIds } from './feeds.ts';
import { excerpt, htmlToText } from './html-text.ts';
import type { Place, Site } from './types.ts';
import type { SourceView, TimelineEvent } from './timeline.ts';

/**
 * schema.org JSON-LD for an event page. `citation` belongs to creative works, not to `Event`, so the page is a
 * `WebPage` whose `about` is the `Event` and whose `citation`s are the `NewsArticle`s it quotes; attributed
 * figures are `Claim`s (`mentions`), each by its claimant (`author`) and appearing in its article
 * (`appearance`). Dates are as the editor wrote them (ISO 8601 at their precision). An article's `publisher` and
 * `url` appear only where the copy states them; a descriptive title (ours, not the article's) is its `name`, not
 * its `headline`. Claimants carry no `@type`: the actor list does not say whether one is a person or an
 * organisation, and we do not guess.
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
    ...(event.claimViews.length
      ? {
          mentions: event.claimViews.map((c) => ({
            '@type': 'Claim',
            text: `${c.measureLabel}: ${c.figureLabel}`,
            author: { name: c.claimantName },
            appearance: { '@id': articleId(base, ctx.sourceById.get(c.source)!) },
            ...(c.reported ? { dateCreated: c.reported.raw } : {}),
          })),
        }
      : {}),
  };
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
