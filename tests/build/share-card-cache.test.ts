import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, snapshot, tempProject } from '../helpers/project.ts';

/**
 * The share-card cache between builds (issues 17 and 20): a second build of the same content draws no card, a
 * retitled event draws its own card alone, and the site is byte for byte the one a cold build writes. Cards are
 * counted from the build's own report, never timed.
 */
let project: string;
let cache: string;
const EVENT = 'content/events/blockade.md';
const TITLE = 'title: "Azerbaijan blockades Nagorno-Karabakh for nine months"';

beforeAll(async () => {
  project = await tempProject();
  cache = await mkdtemp(join(tmpdir(), 'nt-card-cache-'));
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
});

function buildWithCache(out: string, cacheDir = cache) {
  const run = runCli('build.ts', [`--output=${out}`, `--cache-dir=${cacheDir}`], project, { CI: '' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const counts = /^Drew (\d+) share cards?; (\d+) came from the cache\.$/m.exec(run.stdout);
  expect(counts, run.stdout).not.toBeNull();
  return { drawn: Number(counts![1]), cached: Number(counts![2]) };
}

const ogImage = async (page: string) => /<meta property="og:image" content="[^"]*\/(cards\/[\w-]+\.png)">/.exec(await readFile(join(project, page), 'utf8'))![1]!;

describe('the share-card cache between builds', () => {
  let cards: number;

  it('draws every card on a cold build and none on the next, and writes the same site', async () => {
    const cold = buildWithCache('cold');
    cards = (await readdir(join(project, 'cold/cards'))).length;
    expect(cards).toBeGreaterThan(40);
    expect(cold).toEqual({ drawn: cards, cached: 0 });
    expect(buildWithCache('warm')).toEqual({ drawn: 0, cached: cards });
    expect(await snapshot(join(project, 'warm'))).toEqual(await snapshot(join(project, 'cold')));
  });

  it('draws only the retitled event’s card after a title edit', async () => {
    const original = await readFile(join(project, EVENT), 'utf8');
    expect(original).toContain(TITLE);
    await writeFile(join(project, EVENT), original.replace(TITLE, 'title: "Azerbaijan blockades the Lachin corridor for nine months"'));
    expect(buildWithCache('edited')).toEqual({ drawn: 1, cached: cards - 1 });
    const before = await ogImage('cold/events/blockade/index.html');
    const after = await ogImage('edited/events/blockade/index.html');
    expect(after).not.toBe(before);
    const fresh = await mkdtemp(join(tmpdir(), 'nt-card-fresh-'));
    try {
      expect(buildWithCache('edited-cold', fresh)).toEqual({ drawn: cards, cached: 0 });
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
    expect(await snapshot(join(project, 'edited'))).toEqual(await snapshot(join(project, 'edited-cold')));
  });
});
