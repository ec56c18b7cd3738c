/**
 * Small, pure helpers shared by the exports (feeds, TimelineJS, JSON-LD, page metadata): escaping our own values
 * into HTML, and turning the sanitised body HTML back into plain text for summaries and descriptions.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double-quoted attributes: the only way our exports put a value into HTML. */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Plain text of sanitised HTML (remark-html's output): tags dropped, block ends and line breaks turned into
 * spaces, character references decoded, white space collapsed. For summaries, never for output as HTML.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<(?:br|\/p|\/li|\/h[1-6]|\/blockquote|\/pre|\/tr|\/td|\/th)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (ref, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec !== undefined || hex !== undefined) {
        const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
      }
      return NAMED[name!.toLowerCase()] ?? ref;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` characters, cut at a word boundary and marked with `…` where cut. */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

// A high surrogate without its low half, or a low one without its high half: not encodable as UTF-8.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// C0 controls but tab, line feed and carriage return, DEL, C1 controls, the bidi embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069: they reorder the text around them, "Trojan Source"), and U+FFFE, U+FFFF.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;

/**
 * The one sanitiser every export applies to text it writes (feeds, JSON, TimelineJS, CSV, HTML attributes):
 * drops the characters above and turns lone surrogates into U+FFFD, so the XML stays well-formed, the JSON is
 * valid UTF-8 when encoded, and no text can hide or reorder what follows it. Validation reports such characters;
 * this makes the outputs safe whether or not it ran.
 */
export function cleanText(text: string): string {
  return text.replace(UNSAFE, '').replace(LONE_SURROGATE, '\ufffd');
}

/** `cleanText` on every string in a JSON-like value (object keys too); other values are returned as they are. */
export function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanDeep(v)])) as T;
  }
  return value;
}

/** Text fit for XML 1.0: see `cleanText`, of which this is the older name. */
export const xmlSafe = cleanText;
