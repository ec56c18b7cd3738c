/** Closed vocabularies of the content format. The README's field reference lists these. */

export const MEASURES = {
  killed: 'Killed',
  injured: 'Injured',
  'civilians-killed': 'Civilians killed',
  'children-killed': 'Children killed',
  evacuated: 'Evacuated',
  'children-evacuated': 'Children evacuated',
  'positions-taken': 'Military positions taken',
} as const;
export type Measure = keyof typeof MEASURES;

/** How a figure is hedged in its source: `at least 200`, `more than 400`, `close to 100`. */
export const QUALIFIERS = {
  'at-least': 'at least',
  'more-than': 'more than',
  'close-to': 'close to',
  about: 'about',
} as const;
export type Qualifier = keyof typeof QUALIFIERS;

export const IMPORTANCE = ['headline'] as const;

/** The kinds of entry in an event's dated log, and how the event page introduces each: `Corrected 21 September 2023: …`. */
export const UPDATE_TYPES = {
  correction: 'Corrected',
  update: 'Updated',
} as const;
export type UpdateType = keyof typeof UPDATE_TYPES;

/** What an actor is, where the editor can tell: schema.org `Person` or `Organization` in JSON-LD. */
/** `unnamed`: no one is named, as for a figure an article gives in its own voice; such a claim has no author. */
export const ACTOR_KINDS = ['person', 'organization', 'unnamed'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
