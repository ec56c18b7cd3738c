import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { indexRecords, writeSearchBundle } from '../../src/search/pagefind.ts';
import type { SearchRecord } from '../../src/search/records.ts';

const record = (id: string, content: string): SearchRecord => ({ url: `/events/${id}/`, content, language: 'en', meta: { title: id, date: '2023', category: 'Military' } });

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

  it('indexes every record of a list longer than the worker keeps in flight at once (1,024)', async () => {
    const many = Array.from({ length: 2_500 }, (_, i) => record(`e${i}`, `Event number ${i} was reported.`));
    const bundle = await indexRecords(many);
    const entry = JSON.parse(new TextDecoder().decode(bundle.find((f) => f.path === 'pagefind-entry.json')!.content)) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages.en?.page_count).toBe(2_500);
    expect(bundle.filter((f) => f.path.startsWith('fragment/'))).toHaveLength(2_500);
  });

  it('stores a record’s text and meta as written, markup and all: the page must treat them as text', async () => {
    // Pagefind escapes < and > only when it cuts an excerpt in the browser, and never a meta value; the search
    // script keeps an excerpt's text and <mark>s alone and sets the title as text (tests/browser/search.test.ts).
    const hostile = '<img src=x onerror=alert(1)> & <b>bold</b> “quoted”';
    const bundle = await indexRecords([{ ...record('h', `Said ${hostile}.`), meta: { title: hostile, date: '2023', category: 'Military' } }]);
    const fragments = bundle.filter((f) => f.path.startsWith('fragment/'));
    expect(fragments).toHaveLength(1);
    const fragment = JSON.parse(gunzipSync(fragments[0]!.content).toString('utf8').replace(/^pagefind_dcd/, '')) as { content: string; meta: { title: string } };
    expect(fragment.content).toBe(`Said ${hostile}.`);
    expect(fragment.meta.title).toBe(hostile);
  });

  it('rejects with an internal error when Pagefind refuses a record; the next index still builds', async () => {
    const bad = { ...record('x', 'text'), meta: { title: 5 } } as unknown as SearchRecord;
    await expect(indexRecords([bad])).rejects.toThrow(/^Internal error: the search index could not be built: .*invalid type: integer `5`/);
    expect((await indexRecords([record('y', 'text')])).length).toBeGreaterThan(0);
  });
});

/** Pagefind processes started by this process, with their state (`Z` for one never reaped); Linux's /proc. */
function pagefindChildren(): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const [, name, state, parent] = /^\d+ \((.*)\) (\S) (\d+)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8')) ?? [];
        return name?.startsWith('pagefind') && Number(parent) === process.pid ? [`${pid} ${state}`] : [];
      } catch {
        return []; // the process ended while being read
      }
    });
}

// /proc is Linux's, as CI is; elsewhere there is no portable way to list a process's children.
describe.runIf(existsSync('/proc'))('Pagefind leaves no process behind', () => {
  const many = Array.from({ length: 5_000 }, (_, i) => record(`e${i}`, `Event ${i} in a place with a long name, reported twice. `.repeat(10)));

  it('after an index is built', async () => {
    await indexRecords([record('a', 'text')]);
    await vi.waitFor(() => expect(pagefindChildren()).toEqual([]), { timeout: 5_000 });
  });

  it('when the build that started it failed first: it stops waiting at once, and the index ends on its own', async () => {
    const stop = new AbortController();
    const indexing = indexRecords(many, stop.signal);
    await vi.waitFor(() => expect(pagefindChildren()).toHaveLength(1), { timeout: 10_000, interval: 20 });
    stop.abort();
    await expect(indexing).rejects.toThrow(/^Internal error: the search index could not be built: the build stopped first$/);
    await vi.waitFor(() => expect(pagefindChildren()).toEqual([]), { timeout: 60_000, interval: 100 });
  });
});
