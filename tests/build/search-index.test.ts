import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexRecords, writeSearchBundle } from '../../src/search/pagefind.ts';
import type { SearchRecord } from '../../src/search/records.ts';

const record = (id: string, content: string): SearchRecord => ({ url: `/events/${id}/`, content, language: 'en', meta: { title: id, date: '2023' } });

describe('indexRecords (Pagefind, driven from a worker thread)', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('indexes every record and writes the bundle that the search page loads', async () => {
    const bundle = await indexRecords([record('ceasefire', 'A ceasefire took effect at 13:00.'), record('talks', 'Talks in Yevlakh.')]);
    const dir = await mkdtemp(join(tmpdir(), 'nt-search-'));
    dirs.push(dir);
    expect(await writeSearchBundle(dir, bundle)).toBe(bundle.length);
    const entry = JSON.parse(await readFile(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages.en?.page_count).toBe(2);
    // One fragment per record: what a result shows.
    expect(await readdir(join(dir, 'pagefind', 'fragment'))).toHaveLength(2);
    expect(bundle.map((f) => f.path)).toContain('pagefind.js');
  });

  it('rejects with an internal error when Pagefind refuses a record; the next index still builds', async () => {
    const bad = { ...record('x', 'text'), meta: { title: 5 } } as unknown as SearchRecord;
    await expect(indexRecords([bad])).rejects.toThrow(/^Internal error: the search index could not be built: .*invalid type: integer `5`/);
    expect((await indexRecords([record('y', 'text')])).length).toBeGreaterThan(0);
  });
});
