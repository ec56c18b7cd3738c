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

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
