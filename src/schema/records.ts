import type { ActorKind, Measure, Qualifier, UpdateType } from './vocabulary.ts';
import type { EventDate } from './dates.ts';
import type { PartOfDay } from './part-of-day.ts';

export interface Site {
  title: string;
  description: string;
  introduction: string | null;
  url: string;
  language: string;
  timeZone: string;
  eraStart: EventDate;
  /** `share_cards` in site.yml: `site` gives every page the site's one card, `pages` each page its own, `auto` (the default) chooses by size. */
  shareCards?: 'auto' | 'pages' | 'site';
}

export interface Actor {
  id: string;
  name: string;
  description: string | null;
  /** Every other name extraction and search match: `alsoCalled`, `alsoSpelled` and the matching aids. */
  aliases: string[];
  /** Other names and other spellings, shown beside the name (`also called Artsakh`, `also spelled Yevlax`); validated content always has both. */
  alsoCalled?: string[];
  alsoSpelled?: string[];
  /** Actors only, where the editor says: a person or an organisation (schema.org `Person` or `Organization`). */
  kind?: ActorKind;
}

export interface Place extends Actor {
  /** [latitude, longitude] */
  coordinates: [number, number];
  timeZone: string;
  /** The place it lies within, where places.yml says (validated: it exists, and no place lies within itself). */
  within?: string;
}

export interface Category {
  id: string;
  label: string;
  description: string | null;
}

export interface Source {
  id: string;
  file: string;
  title: string;
  titleDescriptive: boolean;
  publisher: string | null;
  url: string | null;
  published: EventDate;
  publishedInferred: string | null;
  language: string;
  translatedFrom: string | null;
  translatedFromInferred: string | null;
  /** True where the copy came from a reprint site; `reprintInferred` gives the evidence. */
  reprint: boolean;
  reprintInferred: string | null;
  removed: string | null;
  note: string | null;
  /** The cleaned article text, as in the file. */
  text: string;
}

export interface Citation {
  source: string;
  quote: string;
  prefix: string | null;
  suffix: string | null;
}

/** A passage an event rests on, with who the source says took part where the editor records it (else empty). */
export interface SourceCitation extends Citation {
  actors: string[];
}

export interface Claim extends Citation {
  measure: Measure;
  value: number | null;
  max: number | null;
  figure: string | null;
  qualifier: Qualifier | null;
  claimant: string;
  attribution: string | null;
  reported: EventDate | null;
}

/** One entry of an event's dated log: a correction or an update to our own record, never to the articles. */
export interface EventUpdate {
  date: EventDate;
  type: UpdateType;
  text: string;
}

/** A validated event: every reference resolves and every quote occurs in its source. */
export interface EventRecord {
  id: string;
  file: string;
  title: string;
  date: EventDate;
  end: EventDate | null;
  approximate: boolean;
  dateInferred: string | null;
  /** Part of the day, for a day-precision date whose articles name one ("late evening"). */
  partOfDay: PartOfDay | null;
  /** The id of an event of the same local day that this one came after. */
  after: string | null;
  category: string;
  headline: boolean;
  sequence: number;
  actors: string[];
  places: string[];
  sources: SourceCitation[];
  claims: Claim[];
  /** Corrections and updates, oldest first. */
  updates: EventUpdate[];
  /** Markdown, as written. */
  body: string;
}

export interface Content {
  site: Site;
  categories: Category[];
  actors: Actor[];
  places: Place[];
  sources: Source[];
  events: EventRecord[];
}
