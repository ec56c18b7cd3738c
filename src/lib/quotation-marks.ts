/**
 * Typographic quotation marks for display: the articles' copies mix straight quotes ("paradise") with curly ones
 * (“justified”), and the house style prints curly ones. The stored quote keeps the article's characters, since the
 * validator matches it word for word against the source and the exports hand it on unchanged; only the page
 * shows the normalised form.
 *
 * A straight mark opens where it starts the text or follows a space, an opening bracket, a dash or another opening
 * mark; anywhere else it closes (and a single mark after a letter or digit is an apostrophe, which is the closing
 * form too).
 */
const OPENS_AFTER = /[\s([{\u2014\u2013\-“‘]/;

export function curlyQuotes(text: string): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '"' && ch !== "'") {
      out += ch;
      continue;
    }
    const before = i === 0 ? '' : out[out.length - 1]!;
    const opens = before === '' || OPENS_AFTER.test(before);
    out += ch === '"' ? (opens ? '“' : '”') : opens ? '‘' : '’';
  }
  return out;
}
