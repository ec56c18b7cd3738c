import { z } from 'zod';
import { dateString, flag, id, text } from './fields.ts';
import { PART_OF_DAY_VALUES } from './part-of-day.ts';
import { IMPORTANCE, MEASURES, QUALIFIERS, UPDATE_TYPES } from './vocabulary.ts';

/** A quoted passage, after the W3C Web Annotation TextQuoteSelector: `exact` is `quote`. */
export const citationSchema = z.strictObject({
  id,
  quote: text,
  prefix: text.optional(),
  suffix: text.optional(),
  /**
   * Who this source says took part, where the sources disagree (one names a delegation "from Armenia", another
   * talks "with Armenian separatists"): ids from actors.yml, shown side by side on the event page.
   */
  actors: z.array(id).optional(),
});

export const claimSchema = z
  .strictObject({
    measure: z.enum(Object.keys(MEASURES) as [keyof typeof MEASURES]),
    value: z.number().nonnegative().optional(),
    max: z.number().nonnegative().optional(),
    figure: text.optional(),
    qualifier: z.enum(Object.keys(QUALIFIERS) as [keyof typeof QUALIFIERS]).optional(),
    claimant: id,
    attribution: text.optional(),
    source: id,
    quote: text,
    prefix: text.optional(),
    suffix: text.optional(),
    reported: dateString.optional(),
  })
  .refine((claim) => claim.value !== undefined || claim.figure !== undefined, {
    error: 'a claim needs a `value` (a number) or a `figure` (the words the source uses, e.g. "dozens")',
    path: ['value'],
  });

/** One entry of an event's dated log of corrections and updates to our own record. */
export const updateSchema = z.strictObject({
  date: dateString,
  type: z.enum(Object.keys(UPDATE_TYPES) as [keyof typeof UPDATE_TYPES]),
  text,
});

export const eventSchema = z.strictObject({
  title: text.max(160, { error: 'expected a title under 160 characters' }),
  date: dateString,
  end: dateString.optional(),
  approximate: flag.optional(),
  date_inferred: text.optional(),
  /** Where the articles give a part of the day but no time ("on Wednesday evening"); a day-precision date only. */
  part_of_day: z.enum(PART_OF_DAY_VALUES).optional(),
  /** The id of an event of the same local day that this one followed, where the articles say so. */
  after: id.optional(),
  category: id,
  importance: z.enum(IMPORTANCE).optional(),
  sequence: z.number().int().optional(),
  actors: z.array(id).default([]),
  places: z.array(id).default([]),
  sources: z.array(citationSchema).min(1, { error: 'expected at least one source with a quote' }),
  claims: z.array(claimSchema).default([]),
  updates: z.array(updateSchema).default([]),
});

export type EventFrontMatter = z.infer<typeof eventSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type ClaimFrontMatter = z.infer<typeof claimSchema>;
export type UpdateFrontMatter = z.infer<typeof updateSchema>;
