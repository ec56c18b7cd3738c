/** Site-relative URLs, one definition each, so that pages, feeds and tests agree. */
export const eventPath = (id: string) => `/events/${id}/`;
export const sourcePath = (id: string) => `/sources/${id}/`;
export const asOfPath = (slug: string) => `/as-of/${slug}/`;

/**
 * A link to the quoted passage itself (`#:~:text=`), per the URL Fragment Text Directives spec: the text and
 * its context are percent-encoded, including `-`, `,` and `&`, which the directive syntax reserves.
 */
export function textFragmentUrl(url: string, quote: string, prefix?: string | null, suffix?: string | null): string {
  const enc = (s: string) => encodeURIComponent(s.replace(/\s+/g, ' ').trim()).replace(/-/g, '%2D');
  const parts = [prefix ? `${enc(prefix)}-,` : '', enc(quote), suffix ? `,-${enc(suffix)}` : ''];
  const base = url.split('#')[0];
  return `${base}#:~:text=${parts.join('')}`;
}
