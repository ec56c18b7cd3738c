/** `/events/x/` on `https://example.org/timeline` → `https://example.org/timeline/events/x/` */
export function absoluteUrl(path: string, base: string): string {
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

const prefixes = new Map<string, string>();

/** `/news-timeline` for `https://owner.github.io/news-timeline`, `` for a site at the root; parsed once per URL. */
export function sitePrefix(siteUrl: string): string {
  let prefix = prefixes.get(siteUrl);
  if (prefix === undefined) {
    prefix = new URL(siteUrl).pathname.replace(/\/+$/, '');
    prefixes.set(siteUrl, prefix);
  }
  return prefix;
}

/**
 * Our `url` filter: a root-relative path gets the site's path prefix; anything else is returned as it is.
 * Eleventy's own filter validates every value with `new URL`, which cost seconds over a 10,000-event build's
 * 300,000 links; ours is a string join, with the prefix taken from the same site URL the build passes to Eleventy.
 */
export function prefixPath(path: string, siteUrl: string | undefined): string {
  if (!siteUrl || typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//')) return path;
  return `${sitePrefix(siteUrl)}${path}`;
}
