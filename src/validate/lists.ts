import { realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../diagnostics/make.ts';
import { actorSchema, categorySchema, matchingNames, placeSchema, siteSchema } from '../schema/lists.ts';
import { ID_PATTERN } from '../schema/vocabulary.ts';
import { zodIssuesToDiagnostics } from './zod-issues.ts';
import { readDataFile, type DataFile } from '../load/content.ts';

export interface ListEntry {
  id: string;
  name: string;
  aliases: string[];
}

/** The lists the command-line tools need before a full check: valid entries only. */
export interface Lists {
  actors: ListEntry[];
  places: (ListEntry & { timeZone: string | null })[];
  /** Category ids, in file order. */
  categories: string[];
  /** From site.yml, each null when missing or invalid. */
  site: { url: string | null; timeZone: string | null };
}

export type ListName = 'actors' | 'places' | 'categories' | 'site';
const ALL: readonly ListName[] = ['actors', 'places', 'categories', 'site'];

/**
 * Reads the named lists from `content/` as `npm run check` does (same reading rules, same diagnostics for a bad
 * entry), keeping every valid entry: a tool can go on with the rest while its diagnostics say what was left out.
 */
export function loadLists(projectRoot: string, wanted: readonly ListName[] = ALL): { lists: Lists; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const rel = (path: string) => relative(projectRoot, path).split(sep).join('/');
  const realRoot = realpathSync(projectRoot);
  const read = (name: ListName) =>
    wanted.includes(name) ? readDataFile(join(projectRoot, 'content', `${name}.yml`), rel, diagnostics, { required: true, realRoot }) : null;

  const entries = <S extends z.ZodType & { shape: object }>(file: DataFile | null, schema: S): [string, z.infer<S>][] => {
    if (!file) return [];
    const value = file.yaml.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      diagnostics.push(
        makeDiagnostic('schema/type', file.file, file.yaml.locate([]), {
          message: 'Unexpected content, expected a list of entries keyed by id (`some-id:` then its fields).',
        }),
      );
      return [];
    }
    const out: [string, z.infer<S>][] = [];
    for (const [id, entry] of Object.entries(value)) {
      if (!ID_PATTERN.test(id)) {
        diagnostics.push(
          makeDiagnostic('id/format', file.file, file.yaml.locate([id]), { field: id, message: `Unexpected id \`${id}\`, expected lowercase words joined by hyphens.` }),
        );
        continue;
      }
      const parsed = schema.safeParse(entry);
      if (parsed.success) out.push([id, parsed.data]);
      else diagnostics.push(...zodIssuesToDiagnostics(prefixed(parsed.error, id), file.file, file.yaml, () => Object.keys(schema.shape)));
    }
    return out;
  };

  const actors = entries(read('actors'), actorSchema).map(([id, a]) => ({ id, name: a.name, aliases: matchingNames(a) }));
  const places = entries(read('places'), placeSchema).map(([id, p]) => ({ id, name: p.name, aliases: matchingNames(p), timeZone: p.time_zone ?? null }));
  const categories = entries(read('categories'), categorySchema).map(([id]) => id);
  const siteFile = read('site');
  const site = { url: null as string | null, timeZone: null as string | null };
  if (siteFile) {
    const parsed = siteSchema.safeParse(siteFile.yaml.value);
    if (!parsed.success) diagnostics.push(...zodIssuesToDiagnostics(parsed.error, siteFile.file, siteFile.yaml, () => Object.keys(siteSchema.shape)));
    // Field by field, so that a bad title does not cost the tools the site's address or clock.
    const value = (siteFile.yaml.value ?? {}) as Record<string, unknown>;
    const url = siteSchema.shape.url.safeParse(value.url);
    const zone = siteSchema.shape.time_zone.safeParse(value.time_zone);
    site.url = url.success ? url.data : null;
    site.timeZone = zone.success ? zone.data : null;
  }
  return { lists: { actors, places, categories, site }, diagnostics };
}

/** An entry's issues with their paths from the top of the file, so they locate and name `id.field`. */
function prefixed(error: z.ZodError, id: string): z.ZodError {
  return { ...error, issues: error.issues.map((issue) => ({ ...issue, path: [id, ...issue.path] })) } as z.ZodError;
}
