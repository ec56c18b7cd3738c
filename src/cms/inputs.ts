import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { loadContent, type RawContent } from '../load/content.ts';
import { ID_PATTERN } from '../schema/vocabulary.ts';
import { loadLists } from '../validate/lists.ts';
import type { Choice, CmsBackend, CmsInputs } from './config.ts';
import { passagesOf, type SourcePassages } from './passages.ts';

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const textOf = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() !== '' ? value : fallback);

/**
 * The choices the editor's form offers, read from content/ the way `npm run check` reads it: the actors, places and
 * categories that pass their own checks (src/validate/lists.ts), the sources and events by their files. A broken
 * entry is left out of the choices, and the check names it.
 */
export async function readCmsInputs(projectRoot: string, backend: CmsBackend): Promise<{ inputs: CmsInputs; raw: RawContent }> {
  const { lists } = loadLists(projectRoot, ['actors', 'places', 'categories']);
  const { raw } = await loadContent(join(projectRoot, 'content'), projectRoot);
  const categoryData = record(raw.categories?.yaml.value);
  const choice = (id: string, label: string): Choice => ({ value: id, label: label === id ? id : `${label} (${id})` });
  return {
    inputs: {
      categories: lists.categories.map((id) => choice(id, textOf(record(categoryData[id]).label, id))),
      actors: lists.actors.map((a) => choice(a.id, a.name)),
      places: lists.places.map((p) => choice(p.id, p.name)),
      sources: sourcePassages(raw).map((s) => choice(s.id, s.title)),
      events: raw.events.map((e) => basename(e.file, '.md')).map((id) => ({ value: id, label: id })),
      draftFolders: await draftFolders(projectRoot),
      backend,
    },
    raw,
  };
}

/** Every source with an id, its title and its passages. */
export function sourcePassages(raw: RawContent): SourcePassages[] {
  return raw.sources.flatMap((file) => {
    const data = record(file.yaml.value);
    const id = textOf(data.id, basename(file.file, '.md'));
    if (!ID_PATTERN.test(id)) return [];
    return [{ id, title: textOf(data.title, id), passages: passagesOf(file.body) }];
  });
}

/** drafts/<source-id>/ folders holding at least one Markdown file. */
async function draftFolders(projectRoot: string): Promise<string[]> {
  const dir = join(projectRoot, 'drafts');
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !ID_PATTERN.test(entry.name)) continue;
    const files = await readdir(join(dir, entry.name)).catch(() => [] as string[]);
    if (files.some((f) => f.endsWith('.md'))) out.push(entry.name);
  }
  return out.sort();
}
