import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, snapshot, tempProject } from '../helpers/project.ts';

/**
 * The rendered-body cache between builds (issue 20): a second build of the same content renders no body, an edit to
 * one event renders that body alone, and the site is byte for byte the one a cold build writes. Renders are counted
 * from the build's own report, never timed.
 */
let project: string;
let cache: string;
const EVENT = 'content/events/blockade.md';
const BODY = 'Azerbaijan blockaded Nagorno-Karabakh for nine months before its offensive.';

beforeAll(async () => {
  project = await tempProject();
  cache = await mkdtemp(join(tmpdir(), 'nt-cache-dir-'));
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
});

/** Builds into `out` with the cache folder, and returns the build's count of bodies rendered and found in the cache. */
function buildWithCache(out: string, cacheDir: string | null = cache) {
  const args = [`--output=${out}`, ...(cacheDir ? [`--cache-dir=${cacheDir}`] : [])];
  const run = runCli('build.ts', args, project, { CI: '' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const counts = /^Rendered (\d+) Markdown bod(?:y|ies); (\d+) came from the cache\.$/m.exec(run.stdout);
  expect(counts, run.stdout).not.toBeNull();
  return { rendered: Number(counts![1]), cached: Number(counts![2]) };
}

describe('the body cache between builds', () => {
  let events: number;

  it('renders every body on a cold build, and none on the next', async () => {
    // Each event has a body of its own.
    events = (await readdir(join(project, 'content/events'))).filter((name) => name.endsWith('.md')).length;
    expect(buildWithCache('cold')).toEqual({ rendered: events, cached: 0 });
    expect(buildWithCache('warm')).toEqual({ rendered: 0, cached: events });
    expect(await snapshot(join(project, 'warm'))).toEqual(await snapshot(join(project, 'cold')));
  });

  it('renders only the edited event’s body after an edit, and writes the site a cold build writes', async () => {
    const original = await readFile(join(project, EVENT), 'utf8');
    expect(original).toContain(BODY);
    await writeFile(join(project, EVENT), original.replace(BODY, `${BODY} A sentence *added* for the cache.`));
    expect(buildWithCache('edited')).toEqual({ rendered: 1, cached: events - 1 });
    expect(await readFile(join(project, 'edited/events/blockade/index.html'), 'utf8')).toContain('A sentence <em>added</em> for the cache.');
    const fresh = await mkdtemp(join(tmpdir(), 'nt-cache-fresh-'));
    try {
      expect(buildWithCache('edited-cold', fresh)).toEqual({ rendered: events, cached: 0 });
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
    expect(await snapshot(join(project, 'edited'))).toEqual(await snapshot(join(project, 'edited-cold')));
  });
});
