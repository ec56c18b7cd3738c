import { z } from 'zod';
import { text } from './fields.ts';

/**
 * `content/style.yml`: the newsroom's house-style settings for `npm run check`. Optional; without it the
 * loaded-terms check has nothing to look for (the other style checks need no settings).
 */
export const loadedTermSchema = z.strictObject({
  /** A word or phrase, matched as whole words, case-insensitively. */
  term: text,
  /** The neutral wording to use instead. */
  suggestion: text,
});

/** A house spelling and the variants it replaces (`Defence` for `Defense`), each matched as whole words, case-sensitively. */
export const spellingSchema = z.strictObject({
  use: text,
  not: z.array(text).min(1, { error: 'expected at least one variant to replace' }),
});

export const styleSchema = z.strictObject({
  loaded_terms: z.array(loadedTermSchema).default([]),
  spellings: z.array(spellingSchema).default([]),
});

export type StyleData = z.infer<typeof styleSchema>;
