import { quoteParts } from '../validate/quotes.ts';

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
  // A trimmed quote (`a … b`) is not one run of the article's text: link the range from its first part to its last.
  const words = quoteParts(quote).filter((p) => p !== '');
  const exact = words.length > 1 ? `${enc(words[0]!)},${enc(words.at(-1)!)}` : enc(words[0] ?? quote);
  const parts = [prefix ? `${enc(prefix)}-,` : '', exact, suffix ? `,-${enc(suffix)}` : ''];
  const base = url.split('#')[0];
  return `${base}#:~:text=${parts.join('')}`;
}
