import type { citationSchema, claimSchema, eventSchema, updateSchema } from '../schema/event.ts';

type Keys<S extends { shape: object }> = keyof S['shape'];
/** The claim schema is refined, so its shape sits one level in. */
type ClaimKeys = keyof (typeof claimSchema)['shape'];

/**
 * What the editor sees under each field of the browser editor, in the words of the README's field reference.
 * Typed by the schema's own keys: a field added to the schema without help here does not compile, and
 * tests/unit/cms-config.test.ts checks the generated configuration against the schema at run time too.
 */
export const EVENT_HELP: Record<Keys<typeof eventSchema>, string> = {
  title: 'Plain text, under 160 characters, in neutral words: "Ceasefire takes effect in Nagorno-Karabakh".',
  date: 'ISO 8601 at the precision the articles give: a year "1991", a month "2022-12", a day "2023-09-19", or a time with its offset "2023-09-20T13:00+04:00". The precision comes from what you write.',
  end: 'For spans only (a blockade, a war): when it ended, at the precision known. Not before the date.',
  approximate: 'On for "late on Wednesday", "in recent weeks": the date is not exact.',
  date_inferred: "How the date was worked out, where no article states it outright: \"'on Tuesday' in an article published on Wednesday 20 September 2023\".",
  part_of_day: 'Where the articles give a part of the day but no time ("on Wednesday evening"); a date to the day only. Orders the event among the timed ones of its day.',
  after: 'The id of an event of the same day that this one followed, where the articles say so ("after the ceasefire").',
  category: 'One category from content/categories.yml.',
  importance: 'Headline, for the few key events only.',
  sequence: 'A whole number that orders events with the same date, lower first (default 0).',
  actors: 'Who took part, from content/actors.yml.',
  places: 'Where it happened, from content/places.yml.',
  sources: 'Every article that reports the event, each with the exact passage it rests on: search the article and pick the passage, so it matches word for word.',
  claims: 'Figures the articles give (deaths, evacuees), each attributed to whoever gives it, with the passage that gives it; the figures page sets them side by side.',
  updates: 'Our own dated corrections and updates to this event.',
};

export const CITATION_HELP: Record<Keys<typeof citationSchema>, string> = {
  id: 'The article, from content/sources/.',
  quote: 'The exact passage, picked from the article.',
  prefix: 'Only where the passage occurs more than once: the words just before it.',
  suffix: 'Only where the passage occurs more than once: the words just after it.',
  actors: 'Only where the articles disagree on who took part: those this article names, from content/actors.yml.',
};

export const CLAIM_HELP: Record<ClaimKeys, string> = {
  measure: 'What the figure counts.',
  value: 'The figure as a number, where the source gives one.',
  max: 'The upper bound of a range ("200 to 250").',
  figure: 'The source\'s words where it gives no number ("hundreds").',
  qualifier: 'How the source hedges the figure: at least, more than, close to, about.',
  claimant: 'Who gives the figure, from content/actors.yml.',
  attribution: 'How the article words the attribution: "According to Armenian information".',
  source: 'The article that reports the figure, from content/sources/.',
  quote: 'The exact passage with the figure, copied from that article.',
  prefix: 'Only where the passage occurs more than once: the words just before it.',
  suffix: 'Only where the passage occurs more than once: the words just after it.',
  reported: 'When the claimant gave the figure, only where the article says so ("it said on Wednesday"); ISO 8601.',
};

export const UPDATE_HELP: Record<Keys<typeof updateSchema>, string> = {
  date: 'When we made the change, ISO 8601; not before the first article citing the event.',
  type: 'Correction (we got something wrong) or update (something added).',
  text: 'What changed, in a sentence.',
};
