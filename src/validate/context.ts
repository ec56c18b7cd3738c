import { basename } from 'node:path';
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DataFile, RawContent } from '../load/content.ts';
import type { FrontMatterFile } from '../load/front-matter.ts';
import type { YamlPath } from '../load/yaml.ts';
import { isDateProblem, parseEventDate, type DateProblem, type EventDate } from '../schema/dates.ts';
import { citationSchema, claimSchema, eventSchema, updateSchema } from '../schema/event.ts';
import { actorSchema, categorySchema, placeSchema, siteSchema, type ActorData, type CategoryData, type PlaceData, type SiteData } from '../schema/lists.ts';
import { sourceSchema, type SourceFrontMatter } from '../schema/source.ts';
import { ID_PATTERN } from '../schema/vocabulary.ts';
import { normaliseSpace } from './quotes.ts';
import { withPath } from './report.ts';
import { zodIssuesToDiagnostics } from './zod-issues.ts';

/**
 * Everything the rule families read, built once: each file parsed against its schema (the schema's findings kept
 * for the schema family), dates parsed, and the ids each reference may name.
 */
export interface ValidationContext {
  raw: RawContent;
  /** Findings of the zod contracts, by file in reading order. */
  schema: Diagnostic[];
  site: { file: DataFile; data: SiteData | null; eraStart: EventDate | DateProblem | null } | null;
  categories: ListContext<CategoryData>;
  actors: ListContext<ActorData>;
  places: ListContext<PlaceData>;
  sources: SourceContext[];
  events: EventContext[];
  /** Ids that exist and passed their entry's checks, per kind of reference. */
  known: { category: Set<string>; actor: Set<string>; place: Set<string>; source: Set<string> };
  /**
   * Ids whose own entry failed its checks, and lists that could not be read at all: references to them are not
   * reported again as unknown, which would bury the real problem under a cascade.
   */
  broken: Set<string>;
  brokenSources: Set<string>;
  unreadable: Record<string, boolean>;
  /** The first file to claim each source id. */
  sourceFiles: Map<string, string>;
  /** Normalised text of each usable source, for the quote checks. */
  sourceText: Map<string, string>;
  publishedById: Map<string, EventDate>;
}

export interface ListContext<T> {
  file: DataFile | null;
  /** False when the file is not a mapping of ids at all. */
  shaped: boolean;
  /** Every key in file order; `data` is null for a bad id or an entry failing its schema. */
  entries: { key: string; validId: boolean; data: T | null }[];
}

export interface SourceContext {
  file: FrontMatterFile;
  stem: string;
  data: SourceFrontMatter | null;
  /** Why this file's id is not usable, if it is not: it differs from the file name, or another file has it. */
  idProblem: 'mismatch' | { duplicateOf: string } | null;
  published: EventDate | DateProblem | null;
}

type EventData = z.infer<typeof eventSchema>;

export interface EventContext {
  file: FrontMatterFile;
  id: string;
  /** The whole front matter, when it meets the schema. */
  complete: EventData | null;
  /** The well-formed fields, so that cross-checks run on a broken file too. */
  data: Partial<EventData>;
  start: EventDate | DateProblem | null;
  end: EventDate | DateProblem | null;
  /** Per claim, its `reported` date if it has one. */
  reported: (EventDate | DateProblem | null)[];
  updates: (EventDate | DateProblem)[];
}

/** Parses each field on its own, keeping the well-formed ones, so cross-checks can run on a broken file. */
function fieldwise<T extends z.ZodRawShape>(shape: T, value: unknown): Partial<{ [K in keyof T]: z.infer<T[K]> }> {
  const out: Record<string, unknown> = {};
  if (value === null || typeof value !== 'object') return out as Partial<{ [K in keyof T]: z.infer<T[K]> }>;
  for (const [key, schema] of Object.entries(shape)) {
    const input = (value as Record<string, unknown>)[key];
    if (input === undefined) continue;
    const result = (schema as z.ZodType).safeParse(input);
    if (result.success) out[key] = result.data;
  }
  return out as Partial<{ [K in keyof T]: z.infer<T[K]> }>;
}

const eventKeys = (path: YamlPath): readonly string[] => {
  if (path.length === 2 && path[0] === 'sources') return Object.keys(citationSchema.shape);
  if (path.length === 2 && path[0] === 'claims') return Object.keys(claimSchema.shape);
  if (path.length === 2 && path[0] === 'updates') return Object.keys(updateSchema.shape);
  return Object.keys(eventSchema.shape);
};

export function buildContext(raw: RawContent): ValidationContext {
  const schema: Diagnostic[] = [];
  const parse = <S extends z.ZodType>(type: S, at: DataFile | FrontMatterFile, value: unknown, base: YamlPath, keys: (p: YamlPath) => readonly string[]): z.infer<S> | null => {
    const result = type.safeParse(value);
    if (result.success) return result.data;
    // Paths from a nested parse are relative to `base`.
    if (base.length === 0) schema.push(...zodIssuesToDiagnostics(result.error, at.file, at.yaml, keys));
    else
      for (const issue of result.error.issues) {
        const path = [...base, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
        const found = zodIssuesToDiagnostics({ issues: [{ ...issue, path }] } as unknown as z.ZodError, at.file, at.yaml, keys);
        schema.push(...found.map((d) => withPath(d, base)));
      }
    return null;
  };
  const shapeKeys = (s: { shape: object }) => () => Object.keys(s.shape);
  const dateOf = (value: string | undefined) => (value === undefined ? null : parseEventDate(value));

  let site: ValidationContext['site'] = null;
  if (raw.site) {
    const data = parse(siteSchema, raw.site, raw.site.yaml.value, [], shapeKeys(siteSchema));
    site = { file: raw.site, data, eraStart: data ? parseEventDate(data.era_start) : null };
  }

  const broken = new Set<string>();
  const list = <S extends z.ZodType & { shape: object }>(file: DataFile | null, type: S): ListContext<z.infer<S>> => {
    const value = file?.yaml.value;
    if (!file || value === null || typeof value !== 'object' || Array.isArray(value)) return { file, shaped: false, entries: [] };
    const entries = Object.entries(value).map(([key, entry]) => {
      if (!ID_PATTERN.test(key)) return { key, validId: false, data: null };
      const data = parse(type, file, entry, [key], shapeKeys(type));
      if (data === null) broken.add(key);
      return { key, validId: true, data };
    });
    return { file, shaped: true, entries };
  };
  const categories = list(raw.categories, categorySchema);
  const actors = list(raw.actors, actorSchema);
  const places = list(raw.places, placeSchema);

  const sources: SourceContext[] = [];
  const sourceFiles = new Map<string, string>();
  const sourceText = new Map<string, string>();
  const publishedById = new Map<string, EventDate>();
  // Sources that exist but failed their own checks: events citing them are not told the source is unknown.
  const brokenSources = new Set<string>();
  for (const file of raw.sources) {
    const stem = basename(file.file, '.md');
    const data = parse(sourceSchema, file, file.yaml.value, [], shapeKeys(sourceSchema));
    const source: SourceContext = { file, stem, data, idProblem: null, published: null };
    sources.push(source);
    if (!data) {
      brokenSources.add(stem);
      continue;
    }
    const first = sourceFiles.get(data.id);
    if (data.id !== stem) source.idProblem = 'mismatch';
    else if (first) source.idProblem = { duplicateOf: first };
    if (source.idProblem) continue;
    sourceFiles.set(data.id, file.file);
    source.published = parseEventDate(data.published);
    if (isDateProblem(source.published)) {
      brokenSources.add(data.id);
      continue;
    }
    sourceText.set(data.id, normaliseSpace(file.body));
    publishedById.set(data.id, source.published);
  }

  const events = raw.events.map((file): EventContext => {
    const complete = parse(eventSchema, file, file.yaml.value, [], eventKeys);
    const data = complete ?? fieldwise(eventSchema.shape, file.yaml.value);
    return {
      file,
      id: basename(file.file, '.md'),
      complete,
      data,
      start: dateOf(data.date),
      end: dateOf(data.end),
      reported: (data.claims ?? []).map((c) => dateOf(c.reported)),
      updates: (data.updates ?? []).map((u) => parseEventDate(u.date)),
    };
  });

  const ids = <T>(l: ListContext<T>) => new Set(l.entries.filter((e) => e.data !== null).map((e) => e.key));
  const ctx: ValidationContext = {
    raw,
    schema,
    site,
    categories,
    actors,
    places,
    sources,
    events,
    known: { category: ids(categories), actor: ids(actors), place: ids(places), source: new Set(sourceFiles.keys()) },
    broken,
    brokenSources,
    unreadable: { actor: raw.actors === null, place: raw.places === null, category: raw.categories === null },
    sourceFiles,
    sourceText,
    publishedById,
  };
  return ctx;
}
