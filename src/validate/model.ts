import { endsBeforeStart, isDateProblem, type DateProblem, type EventDate } from '../schema/dates.ts';
import type { Actor, Category, Claim, EventRecord, EventUpdate, Place, Site, Source, SourceCitation } from '../schema/records.ts';
import { matchingNames } from '../schema/lists.ts';
import { parsePartOfDay } from '../schema/part-of-day.ts';
import { ID_PATTERN } from '../schema/vocabulary.ts';
import type { EventContext, ValidationContext } from './context.ts';
import { firstReported } from './rules/dates.ts';
import { referencesOf } from './rules/references.ts';

const date = (d: EventDate | DateProblem | null): EventDate | null => (d && !isDateProblem(d) ? d : null);

/** The front matter's snake_case fields as the model's records: only entries that passed their own checks. */
export interface ValidatedRecords {
  site: Site | null;
  categories: Category[];
  actors: Actor[];
  places: Place[];
  sources: Source[];
  /** Events with no problem of their own; the house-style checks read these too. */
  events: EventRecord[];
}

export function toModel(ctx: ValidationContext): ValidatedRecords {
  const s = ctx.site?.data;
  const eraStart = ctx.site ? date(ctx.site.eraStart) : null;
  const site: Site | null =
    s && eraStart
      ? {
          title: s.title,
          description: s.description,
          introduction: s.introduction ?? null,
          url: s.url.replace(/\/+$/, ''),
          language: s.language,
          timeZone: s.time_zone,
          eraStart,
          shareCards: s.share_cards,
        }
      : null;
  const entries = <T, U>(list: { entries: { key: string; data: T | null }[] }, make: (id: string, data: T) => U): U[] =>
    list.entries.flatMap(({ key, data }) => (data === null ? [] : [make(key, data)]));

  // An actor's or place's other names: the two lists shown to readers, and every name matching uses.
  const otherNames = (e: { also_called: string[]; also_spelled: string[]; aliases: string[] }) => ({
    aliases: matchingNames(e),
    alsoCalled: e.also_called,
    alsoSpelled: e.also_spelled,
  });
  const categories = entries(ctx.categories, (id, c): Category => ({ id, label: c.label, description: c.description ?? null }));
  const actors = entries(ctx.actors, (id, a): Actor => ({
    id,
    name: a.name,
    description: a.description ?? null,
    ...otherNames(a),
    ...(a.kind ? { kind: a.kind } : {}),
  }));
  const places = entries(ctx.places, (id, p): Place => ({
    id,
    name: p.name,
    description: p.description ?? null,
    ...otherNames(p),
    coordinates: p.coordinates,
    timeZone: p.time_zone ?? site?.timeZone ?? '+00:00',
    ...(p.within ? { within: p.within } : {}),
  }));
  const sources = ctx.sources.flatMap(({ file, data, idProblem, published }): Source[] => {
    const when = date(published);
    if (!data || idProblem || !when) return [];
    return [
      {
        id: data.id,
        file: file.file,
        title: data.title,
        titleDescriptive: data.title_descriptive ?? false,
        publisher: data.publisher ?? null,
        url: data.url ?? null,
        published: when,
        publishedInferred: data.published_inferred ?? null,
        language: data.language,
        translatedFrom: data.translated_from ?? null,
        translatedFromInferred: data.translated_from_inferred ?? null,
        reprint: data.reprint ?? false,
        reprintInferred: data.reprint_inferred ?? null,
        removed: data.removed ?? null,
        note: data.note ?? null,
        text: file.body,
      },
    ];
  });
  const events = ctx.events.flatMap((event) => {
    const record = toEvent(ctx, event);
    return record ? [record] : [];
  });
  return { site, categories, actors, places, sources, events };
}

/** The event, or null when any check of its own failed (quotes aside: they fail the whole build instead). */
function toEvent(ctx: ValidationContext, event: EventContext): EventRecord | null {
  const { complete, file, id } = event;
  const start = date(event.start);
  const end = date(event.end);
  if (!complete || !ID_PATTERN.test(id) || !start) return null;
  if (complete.end !== undefined && (!end || endsBeforeStart(start, end))) return null;
  if (!referencesOf(complete).every((r) => ctx.known[r.kind].has(r.value))) return null;
  if (complete.claims.some((c) => c.value !== undefined && c.max !== undefined && c.max < c.value)) return null;
  const first = firstReported(ctx, event);
  const updates: EventUpdate[] = [];
  for (const [i, u] of complete.updates.entries()) {
    const when = date(event.updates[i]!);
    if (!when || (first && endsBeforeStart(first, when))) return null;
    updates.push({ date: when, type: u.type, text: u.text });
  }
  const sources: SourceCitation[] = complete.sources.map((s) => ({ source: s.id, quote: s.quote, prefix: s.prefix ?? null, suffix: s.suffix ?? null, actors: s.actors ?? [] }));
  const claims: Claim[] = complete.claims.map((c, i) => ({
    source: c.source,
    quote: c.quote,
    prefix: c.prefix ?? null,
    suffix: c.suffix ?? null,
    measure: c.measure,
    value: c.value ?? null,
    max: c.max ?? null,
    figure: c.figure ?? null,
    qualifier: c.qualifier ?? null,
    claimant: c.claimant,
    attribution: c.attribution ?? null,
    reported: date(event.reported[i] ?? null),
  }));
  return {
    id,
    file: file.file,
    title: complete.title,
    date: start,
    end,
    approximate: complete.approximate ?? false,
    dateInferred: complete.date_inferred ?? null,
    partOfDay: complete.part_of_day === undefined ? null : parsePartOfDay(complete.part_of_day),
    after: complete.after ?? null,
    category: complete.category,
    headline: complete.importance === 'headline',
    sequence: complete.sequence ?? 0,
    actors: complete.actors,
    places: complete.places,
    sources,
    claims,
    updates,
    body: file.body,
  };
}
