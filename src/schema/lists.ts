import { z } from 'zod';
import { dateString, id, languageTag, siteUrl, text } from './fields.ts';
import { ACTOR_KINDS } from './vocabulary.ts';

/**
 * Other names a reader may meet, shown beside the name: `also_called` for other names (Artsakh, Khankendi),
 * `also_spelled` for other spellings of the same name (Yevlax). `aliases` are matching aids only, never shown:
 * descriptions (`the enclave`, `regional capital`), metonyms (`Baku`, `Kremlin`), forms of the name (`Aliyev`)
 * and misspellings found in the articles (`Yevlkah`). Extraction and search match all three.
 */
const names = {
  also_called: z.array(text).default([]),
  also_spelled: z.array(text).default([]),
  aliases: z.array(text).default([]),
};

/** Every name extraction and search should match for an entry besides its `name`: shown ones first, each once. */
export function matchingNames(entry: { also_called: string[]; also_spelled: string[]; aliases: string[] }): string[] {
  return [...new Set([...entry.also_called, ...entry.also_spelled, ...entry.aliases])];
}

export const actorSchema = z.strictObject({
  name: text,
  description: text.optional(),
  ...names,
  /** `person` or `organization`, where the editor can tell: the claimant's schema.org type in JSON-LD; `unnamed` for no one. */
  kind: z.enum(ACTOR_KINDS).optional(),
});

/** A host name as a URL carries it, lowercase: `images.example.org`. No scheme, port or path. */
const hostName = z.string().regex(/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/, {
  error: 'expected a host name such as `images.example.org`, lowercase, without `https://` or a path',
});

/** `unknown` names the thing in the message: the check reads "Unknown time zone `X`", not "missing field". */
const zone = z.string().refine(isTimeZone, {
  error: 'expected an IANA time zone such as `Asia/Baku`, or an offset such as `+04:00`',
  params: { unknown: 'time zone' },
});

export const placeSchema = z.strictObject({
  name: text,
  description: text.optional(),
  ...names,
  coordinates: z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)], {
    error: 'expected [latitude, longitude] in decimal degrees',
  }),
  time_zone: zone.optional(),
  /**
   * The id of the place this one lies in (`within: nagorno-karabakh` for Stepanakert), where the articles or the
   * description say so. Filtering by the larger place then includes this one's events; an event lists only the
   * most specific place it can.
   */
  within: id.optional(),
});

export const categorySchema = z.strictObject({
  label: text,
  description: text.optional(),
});

export const siteSchema = z.strictObject({
  title: text,
  description: text,
  introduction: text.optional(),
  url: siteUrl,
  language: languageTag('en'),
  time_zone: zone,
  /** Events before this date form the background era. */
  era_start: dateString,
  /**
   * Hosts that images in bodies may be loaded from. Every other remote image is an error: a reader's browser would
   * fetch it from that host, which then learns who read what and when.
   */
  image_hosts: z.array(hostName).default([]),
  /**
   * Which pages get a share card of their own (`og:image`): `pages`, every page; `site`, one card for the whole site,
   * for very large timelines whose cold builds cannot spare a render per page (about 30 ms of CPU each); `auto`,
   * `pages` up to SHARE_CARDS_AUTO_LIMIT events and `site` beyond.
   */
  share_cards: z.enum(['auto', 'pages', 'site']).default('auto'),
});

export function isTimeZone(value: string): boolean {
  if (/^[+-]\d{2}:\d{2}$/.test(value)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export type ActorData = z.infer<typeof actorSchema>;
export type PlaceData = z.infer<typeof placeSchema>;
export type CategoryData = z.infer<typeof categorySchema>;
export type SiteData = z.infer<typeof siteSchema>;
export { id as idSchema };
