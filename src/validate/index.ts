import { basename } from 'node:path';
import type { z } from 'zod';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../diagnostics/make.ts';
import type { DataFile, RawContent } from '../load/content.ts';
import type { FrontMatterFile } from '../load/front-matter.ts';
import type { YamlPath } from '../load/yaml.ts';
import { endsBeforeStart, isDateProblem, parseEventDate, type EventDate } from '../schema/dates.ts';
import type { Actor, Category, Citation, Claim, Content, EventRecord, EventUpdate, Place, Site, Source } from '../schema/records.ts';
import { citationSchema, claimSchema, eventSchema, updateSchema } from '../schema/event.ts';
import { actorSchema, categorySchema, placeSchema, siteSchema } from '../schema/lists.ts';
import { sourceSchema } from '../schema/source.ts';
import { ID_PATTERN } from '../schema/vocabulary.ts';
import { parsePartOfDay } from '../schema/part-of-day.ts';
import { findQuote, normaliseSpace } from './quotes.ts';
import { checkStyle } from './style.ts';
import { checkDayOrder } from './day-order.ts';
import { formatPath, suggestId, zodIssuesToDiagnostics } from './zod-issues.ts';

export interface ValidationResult {
  /** Null when any error was found: nothing may be built from invalid content. */
  content: Content | null;
  diagnostics: Diagnostic[];
}

/** Quotes shorter than this hardly show what an event rests on. */
export const SHORT_QUOTE = 20;

type Located = { file: string; yaml: { locate(path: YamlPath): Position } };

/**
 * Validates the whole content set and cross-checks it: every problem in every file is collected before
 * anything is built.
 */
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

export function validateContent(raw: RawContent): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const report = (ruleId: Parameters<typeof makeDiagnostic>[0], at: Located, path: YamlPath, message: string, extra: Partial<Diagnostic> = {}) =>
    diagnostics.push(
      makeDiagnostic(ruleId, at.file, at.yaml.locate(path), {
        field: formatPath(path),
        message,
        ...(extra.expected ? { expected: extra.expected } : {}),
        ...(extra.hint ? { hint: extra.hint } : {}),
        ...(extra.related ? { related: extra.related } : {}),
      }),
    );

  const parse = <S extends z.ZodType>(schema: S, at: DataFile | FrontMatterFile, value: unknown, base: YamlPath, keys: (p: YamlPath) => readonly string[]): z.infer<S> | null => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const issues = zodIssuesToDiagnostics(result.error, at.file, at.yaml, (p) => keys(p));
    // Paths from a nested parse are relative to `base`.
    if (base.length === 0) diagnostics.push(...issues);
    else
      for (const issue of result.error.issues) {
        const path = [...base, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
        diagnostics.push(...zodIssuesToDiagnostics({ issues: [{ ...issue, path }] } as unknown as z.ZodError, at.file, at.yaml, keys));
      }
    return null;
  };

  const date = (at: Located, path: YamlPath, raw: string): EventDate | null => {
    const parsed = parseEventDate(raw);
    if (!isDateProblem(parsed)) return parsed;
    const rule = parsed.kind === 'format' ? 'date/format' : parsed.kind === 'impossible' ? 'date/impossible' : 'date/needs-zone';
    report(rule, at, path, parsed.message + '.');
    return null;
  };

  // --- site and lists -------------------------------------------------------------------------------------
  let site: Site | null = null;
  if (raw.site) {
    const data = parse(siteSchema, raw.site, raw.site.yaml.value, [], () => Object.keys(siteSchema.shape));
    const eraStart = data ? date(raw.site, ['era_start'], data.era_start) : null;
    if (data && eraStart) {
      site = {
        title: data.title,
        description: data.description,
        introduction: data.introduction ?? null,
        url: data.url.replace(/\/+$/, ''),
        language: data.language,
        timeZone: data.time_zone,
        eraStart,
      };
    }
  }

  // Ids whose own entry failed its checks, and lists that could not be read at all: references to them are not
  // reported again as unknown, which would bury the real problem under a cascade.
  const broken = new Set<string>();
  const list = <S extends z.ZodType, T>(file: DataFile | null, schema: S & { shape: object }, make: (id: string, value: z.infer<S>) => T): T[] => {
    if (!file) return [];
    const value = file.yaml.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      report('schema/type', file, [], 'Unexpected content, expected a list of entries keyed by id (`some-id:` then its fields).');
      return [];
    }
    const out: T[] = [];
    for (const [key, entry] of Object.entries(value)) {
      if (!ID_PATTERN.test(key)) {
        report('id/format', file, [key], `Unexpected id \`${key}\`, expected lowercase words joined by hyphens.`);
        continue;
      }
      const data = parse(schema, file, entry, [key], () => Object.keys(schema.shape));
      if (data !== null) out.push(make(key, data));
      else broken.add(key);
    }
    return out;
  };

  const categories: Category[] = list(raw.categories, categorySchema, (id, c) => ({ id, label: c.label, description: c.description ?? null }));
  const actors: Actor[] = list(raw.actors, actorSchema, (id, a) => ({ id, name: a.name, description: a.description ?? null, aliases: a.aliases, ...(a.kind ? { kind: a.kind } : {}) }));
  const places: Place[] = list(raw.places, placeSchema, (id, p) => ({
    id,
    name: p.name,
    description: p.description ?? null,
    aliases: p.aliases,
    coordinates: p.coordinates,
    timeZone: p.time_zone ?? site?.timeZone ?? '+00:00',
  }));

  // --- sources ---------------------------------------------------------------------------------------------
  const sources: Source[] = [];
  const sourceFiles = new Map<string, string>();
  const sourceText = new Map<string, string>();
  const publishedById = new Map<string, EventDate>();
  // Sources that exist but failed their own checks: events citing them are not told the source is unknown.
  const brokenSources = new Set<string>();
  for (const file of raw.sources) {
    const data = parse(sourceSchema, file, file.yaml.value, [], () => Object.keys(sourceSchema.shape));
    if (!data) {
      brokenSources.add(basename(file.file, '.md'));
      continue;
    }
    const stem = basename(file.file, '.md');
    if (data.id !== stem) {
      report('id/mismatch', file, ['id'], `Unexpected id \`${data.id}\` in \`${file.file}\`, expected \`${stem}\` (the file name).`);
      continue;
    }
    const first = sourceFiles.get(data.id);
    if (first) {
      report('id/duplicate', file, ['id'], `Duplicate source id \`${data.id}\`, first defined in ${first}.`, { related: { file: first, line: 1 } });
      continue;
    }
    sourceFiles.set(data.id, file.file);
    const published = date(file, ['published'], data.published);
    if (!published) {
      brokenSources.add(data.id);
      continue;
    }
    sourceText.set(data.id, normaliseSpace(file.body));
    publishedById.set(data.id, published);
    sources.push({
      id: data.id,
      file: file.file,
      title: data.title,
      titleDescriptive: data.title_descriptive ?? false,
      publisher: data.publisher ?? null,
      url: data.url ?? null,
      published,
      publishedInferred: data.published_inferred ?? null,
      language: data.language,
      translatedFrom: data.translated_from ?? null,
      translatedFromInferred: data.translated_from_inferred ?? null,
      removed: data.removed ?? null,
      note: data.note ?? null,
      text: file.body,
    });
  }

  // --- events ----------------------------------------------------------------------------------------------
  const categoryIds = new Set(categories.map((c) => c.id));
  const actorIds = new Set(actors.map((a) => a.id));
  const placeIds = new Set(places.map((p) => p.id));
  const sourceIds = new Set(sourceFiles.keys());
  const unreadable: Record<string, boolean> = { actor: raw.actors === null, place: raw.places === null, category: raw.categories === null };
  const used = { actors: new Set<string>(), places: new Set<string>(), sources: new Set<string>() };

  const reference = (at: Located, path: YamlPath, kind: string, value: string, known: Set<string>, where: string): boolean => {
    if (known.has(value)) return true;
    if (kind === 'source' && brokenSources.has(value)) return false;
    if (unreadable[kind] || (kind !== 'source' && broken.has(value))) return false;
    const guess = suggestId(value, known);
    report('ref/unknown', at, path, `Unknown ${kind} \`${value}\`.${guess ? ` Did you mean \`${guess}\`?` : ''}`, {
      expected: `an id from ${where}`,
    });
    return false;
  };

  const quote = (at: Located, path: YamlPath, citation: { source: string; quote: string; prefix: string | null; suffix: string | null }) => {
    const text = sourceText.get(citation.source);
    if (text === undefined) return;
    const match = findQuote(text, citation.quote, citation.prefix, citation.suffix);
    const shown = citation.quote.length > 60 ? `${citation.quote.slice(0, 59)}…` : citation.quote;
    if (match.kind === 'missing') {
      report('quote/not-found', at, [...path, 'quote'], `The quote “${shown}” does not occur in source \`${citation.source}\`.`, {
        expected: `a passage copied exactly from ${sourceFiles.get(citation.source)}`,
      });
    } else if (match.kind === 'context-missing') {
      report('quote/not-found', at, [...path, 'quote'], `The quote occurs in \`${citation.source}\`, but not next to the given prefix/suffix.`, {
        expected: 'a `prefix` or `suffix` copied from the text around the quote',
      });
    } else if (match.kind === 'ambiguous') {
      report('quote/ambiguous', at, [...path, 'quote'], `The quote occurs ${match.occurrences} times in \`${citation.source}\`.`, {
        expected: 'a `prefix` or `suffix` that picks one occurrence',
      });
    } else if (normaliseSpace(citation.quote).length < SHORT_QUOTE) {
      report('quote/short', at, [...path, 'quote'], `The quote “${shown}” is under ${SHORT_QUOTE} characters.`);
    }
  };

  const events: EventRecord[] = [];
  const eventKeys = (path: YamlPath): readonly string[] => {
    if (path.length === 2 && path[0] === 'sources') return Object.keys(citationSchema.shape);
    if (path.length === 2 && path[0] === 'claims') return Object.keys(claimSchema.shape);
    if (path.length === 2 && path[0] === 'updates') return Object.keys(updateSchema.shape);
    return Object.keys(eventSchema.shape);
  };
  for (const file of raw.events) {
    const id = basename(file.file, '.md');
    if (!ID_PATTERN.test(id)) {
      diagnostics.push(
        makeDiagnostic('id/format', file.file, { line: 1, column: 1 }, {
          message: `Unexpected file name \`${id}.md\`: the file name is the event's id and its web address.`,
          expected: 'lowercase words joined by hyphens, e.g. `ceasefire-takes-effect.md`',
        }),
      );
    }
    // The full parse reports every schema problem; the field-by-field parse lets the cross-checks below run on
    // whatever is well-formed, so one pass shows the editor everything wrong with the file.
    const complete = parse(eventSchema, file, file.yaml.value, [], eventKeys);
    const data = complete ?? fieldwise(eventSchema.shape, file.yaml.value);
    let ok = complete !== null && ID_PATTERN.test(id);
    const start = data.date === undefined ? null : date(file, ['date'], data.date);
    const end = data.end === undefined ? null : date(file, ['end'], data.end);
    if (!start || (data.end !== undefined && !end)) ok = false;
    if (start && end && endsBeforeStart(start, end)) {
      report('date/end-before-start', file, ['end'], `The end \`${end.raw}\` is before the date \`${start.raw}\`.`, {
        expected: `an end on or after ${start.raw}`,
      });
      ok = false;
    }
    if (data.category !== undefined) ok = reference(file, ['category'], 'category', data.category, categoryIds, 'content/categories.yml') && ok;
    (data.actors ?? []).forEach((a, i) => {
      used.actors.add(a);
      ok = reference(file, ['actors', i], 'actor', a, actorIds, 'content/actors.yml') && ok;
    });
    (data.places ?? []).forEach((p, i) => {
      used.places.add(p);
      ok = reference(file, ['places', i], 'place', p, placeIds, 'content/places.yml') && ok;
    });
    const citations: Citation[] = (data.sources ?? []).map((s, i) => {
      used.sources.add(s.id);
      const citation = { source: s.id, quote: s.quote, prefix: s.prefix ?? null, suffix: s.suffix ?? null };
      if (reference(file, ['sources', i, 'id'], 'source', s.id, sourceIds, 'content/sources/')) quote(file, ['sources', i], citation);
      else ok = false;
      return citation;
    });
    const claims: Claim[] = (data.claims ?? []).map((c, i) => {
      used.sources.add(c.source);
      used.actors.add(c.claimant);
      ok = reference(file, ['claims', i, 'claimant'], 'actor', c.claimant, actorIds, 'content/actors.yml') && ok;
      const citation = { source: c.source, quote: c.quote, prefix: c.prefix ?? null, suffix: c.suffix ?? null };
      if (reference(file, ['claims', i, 'source'], 'source', c.source, sourceIds, 'content/sources/')) quote(file, ['claims', i], citation);
      else ok = false;
      const reported = c.reported === undefined ? null : date(file, ['claims', i, 'reported'], c.reported);
      if (c.value !== undefined && c.max !== undefined && c.max < c.value) {
        report('schema/format', file, ['claims', i, 'max'], `The upper bound ${c.max} is below the value ${c.value}.`, { expected: `a max of at least ${c.value}` });
        ok = false;
      }
      return {
        ...citation,
        measure: c.measure,
        value: c.value ?? null,
        max: c.max ?? null,
        figure: c.figure ?? null,
        qualifier: c.qualifier ?? null,
        claimant: c.claimant,
        attribution: c.attribution ?? null,
        reported,
      };
    });
    // The log of corrections and updates: each dated, and none before the first article citing the event.
    const firstPublished = [...citations, ...claims]
      .map((c) => publishedById.get(c.source))
      .reduce<EventDate | null>((min, d) => (d && (!min || endsBeforeStart(min, d)) ? d : min), null);
    const updates: EventUpdate[] = (data.updates ?? []).flatMap((u, i) => {
      const when = date(file, ['updates', i, 'date'], u.date);
      if (!when) return [];
      if (firstPublished && endsBeforeStart(firstPublished, when)) {
        report('date/update-before-report', file, ['updates', i, 'date'], `The ${u.type} dated \`${when.raw}\` is before the event was first reported (\`${firstPublished.raw}\`).`, {
          expected: `a date on or after ${firstPublished.raw}`,
        });
        ok = false;
      }
      return [{ date: when, type: u.type, text: u.text }];
    });
    if ((data.updates ?? []).length !== updates.length) ok = false;
    if (new Set(citations.map((c) => c.source)).size === 1 && data.category !== 'background') {
      report('event/single-source', file, ['sources'], 'This event rests on a single article.');
    }
    if (!ok || !complete || !start) continue;
    events.push({
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
      sources: citations,
      claims,
      updates,
      body: file.body,
    });
  }

  // --- unused entries (warnings) ---------------------------------------------------------------------------
  const unused = (file: DataFile | null, kind: string, ids: string[], usedIds: Set<string>) => {
    if (!file) return;
    for (const id of ids) {
      if (usedIds.has(id)) continue;
      diagnostics.push(
        makeDiagnostic('ref/unused', file.file, file.yaml.locateKey([id]), { field: id, message: `No event refers to the ${kind} \`${id}\`.` }),
      );
    }
  };
  unused(raw.actors, 'actor', actors.map((a) => a.id), used.actors);
  unused(raw.places, 'place', places.map((p) => p.id), used.places);
  for (const file of raw.sources) {
    const id = basename(file.file, '.md');
    if (sourceFiles.get(id) === file.file && !used.sources.has(id)) report('ref/unused', file, ['id'], `No event cites the source \`${id}\`.`);
  }

  diagnostics.push(...checkDayOrder(raw.events, events, site?.timeZone ?? null));

  // --- house style (warnings only; a broken content/style.yml is an error like any other file) -------------
  diagnostics.push(...checkStyle(raw, events));

  const failed = diagnostics.some((d) => d.severity === 'error') || !site;
  return {
    content: failed || !site ? null : { site, categories, actors, places, sources, events },
    diagnostics,
  };
}
