import { z } from 'zod';
import { dateString, flag, httpUrl, id, languageTag, text } from './fields.ts';

export const sourceSchema = z.strictObject({
  id,
  title: text,
  /** True where the copy has no headline and the title describes the article. */
  title_descriptive: flag.optional(),
  publisher: text.optional(),
  url: httpUrl.optional(),
  published: dateString,
  /** Why the publication date is inferred, where the copy does not state it. */
  published_inferred: text.optional(),
  language: languageTag('en'),
  translated_from: languageTag('de').optional(),
  translated_from_inferred: text.optional(),
  /** True where the copy was taken from a site that reprints other outlets' articles, not from the publisher. */
  reprint: flag.optional(),
  /** The evidence that the copy is a reprint, since a reprint site does not say so. */
  reprint_inferred: text.optional(),
  /** What was removed from the copy as page furniture. */
  removed: text.optional(),
  note: text.optional(),
  /** The file the copy came from, for provenance. */
  seed: text.optional(),
});

export type SourceFrontMatter = z.infer<typeof sourceSchema>;
