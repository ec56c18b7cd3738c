import { chunk } from '../lib/chunk.ts';

/**
 * `/sitemap.xml`: a sitemap index pointing to `/sitemap-1.xml`, `/sitemap-2.xml`, … of at most SITEMAP_CHUNK
 * addresses each (the protocol allows 50,000), so the sitemap stays valid however many events there are. The
 * parts sit at the site's root because a sitemap may only list addresses at or below its own folder.
 *
 * It lists every page, i.e. every output whose address ends in `/` (`/`, `/events/<id>/`, `/sources/`, …): files
 * such as `/404.html`, `/feed.xml` or `/events.json` are not pages, and the embeds leave the collections. Eleventy
 * puts only the first page of a paginated template into its collections, so the others come from that page's
 * `pagination.hrefs`. Addresses are sorted, so the files are byte-stable.
 */

export const SITEMAP_CHUNK = 10_000;

/** The part of an Eleventy collection item the sitemap reads. */
export interface PageItem {
  url: string | false | undefined;
  data?: { pagination?: { hrefs?: unknown } } | undefined;
}

export function sitemapPaths(items: readonly PageItem[]): string[] {
  const paths = new Set<string>();
  for (const item of items) {
    const hrefs = item.data?.pagination?.hrefs;
    const urls = Array.isArray(hrefs) ? [item.url, ...hrefs] : [item.url];
    for (const url of urls) if (typeof url === 'string' && url.endsWith('/')) paths.add(url);
  }
  return [...paths].sort();
}

/** The sitemap's parts: part N (from 1) is `/sitemap-N.xml`. */
export function sitemapChunks(items: readonly PageItem[], size = SITEMAP_CHUNK): string[][] {
  return chunk(sitemapPaths(items), size);
}
