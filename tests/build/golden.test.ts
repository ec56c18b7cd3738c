import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/project.ts';

/**
 * Golden files: a small content set (`tests/fixtures/golden/content/`, every kind of date, a claim, two zones, a
 * source with and without an address) built whole, and its key pages and every export compared byte for byte with
 * `tests/fixtures/golden/expected/`. A change to the output shows up here as a diff to read; when it is intended,
 * rewrite the files with `UPDATE=1 npx vitest run tests/build/golden.test.ts` and commit them with the change.
 */
const FIXTURE = join(ROOT, 'tests/fixtures/golden');
const EXPECTED = join(FIXTURE, 'expected');
const GOLDEN = [
  'index.html',
  'events/ceasefire/index.html',
  'events/independence/index.html',
  'sources/alpha/index.html',
  'sources/index.html',
  'figures/index.html',
  'embed/index.html',
  'events.json',
  'events.csv',
  'feed.xml',
  'feed.json',
  'timeline.json',
  'sitemap.xml',
  'sitemap-1.xml',
  'robots.txt',
  '404.html',
];

let project: string;
let site: string;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'nt-golden-'));
  for (const name of ['src', 'templates', 'node_modules', '.eleventy.ts', 'package.json', 'tsconfig.json']) await symlink(join(ROOT, name), join(project, name));
  await cp(join(FIXTURE, 'content'), join(project, 'content'), { recursive: true });
  site = join(project, '_site');
  const run = runCli('build.ts', ['--output=_site', '--quiet'], project);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('golden pages and exports of a small content set', () => {
  it('builds every golden file', async () => {
    const written = new Set((await readdir(site, { recursive: true })).map((p) => p.split('\\').join('/')));
    expect(GOLDEN.filter((f) => !written.has(f))).toEqual([]);
  });

  it.each(GOLDEN)('%s is as expected', async (file) => {
    const actual = await readFile(join(site, file), 'utf8');
    const golden = join(EXPECTED, file);
    if (process.env.UPDATE) {
      await mkdir(dirname(golden), { recursive: true });
      await writeFile(golden, actual);
    }
    expect(actual).toBe(await readFile(golden, 'utf8'));
  });
});
