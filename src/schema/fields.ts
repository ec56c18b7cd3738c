import { z } from 'zod';
import { ID_PATTERN } from './vocabulary.ts';

/** YAML 1.2 reads an unquoted `1991` as a number; a four-digit year is what the editor meant. */
export const dateString = z.preprocess(
  (value) => (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999 ? String(value) : value),
  z.string({ error: 'expected a date in quotes, such as "2023-09-20"' }),
);

export const id = z.string().regex(ID_PATTERN, { error: 'expected lowercase words joined by hyphens, e.g. `ceasefire-takes-effect`' });

/** Only http(s): `javascript:` and `data:` URLs are valid URLs, but never belong in a reader's page. */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// address' });

/**
 * The site's own address. Pages load their scripts and stylesheet from its path, so a path that a browser reads
 * as `//host/…` (`https://example.org//evil.example`, a backslash, `..//`) would load them from that host.
 */
export const siteUrl = httpUrl.superRefine((value, ctx) => {
  // zod runs this after a failed URL check too; that failure has said what is wrong.
  if (!URL.canParse(value) || !new URL(value).pathname.includes('//')) return;
  // A format issue, reported like any other malformed address.
  ctx.addIssue({ code: 'invalid_format', format: 'url', input: value, message: 'expected an http:// or https:// address whose path has no empty segment (`//`) or backslash' });
});

export const text = z.string().trim().min(1, { error: 'expected some text' });

/** A boolean that must be written as one: `"false"` in quotes is an error, not a quiet `true`. */
export const flag = z.boolean({ error: 'expected true or false, without quotes' });

/** `en`, `hy`, `pt-BR`: a BCP 47 tag, as the `lang` attribute and the feeds' language need. */
export const languageTag = (example: string) =>
  z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: `expected a BCP 47 language tag such as \`${example}\`` });
