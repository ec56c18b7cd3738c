import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/project.ts';

/**
 * The Nu HTML Checker half of `npm run verify`. It runs on Java, so these tests are their own tier (`npm run test:java`,
 * run by CI beside `npm run verify`) and `npm test` needs nothing but Node.
 */
let base: string;
let good: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'nt-verify-html-'));
  good = join(base, 'good');
  expect(runCli('build.ts', [`--output=${good}`, '--quiet']).status).toBe(0);
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('verify with the Nu HTML Checker', () => {
  it('passes the real build', () => {
    const run = runCli('verify.ts', [`--site=${good}`, '--skip-lighthouse']);
    expect(run.stdout).toContain('HTML: no errors');
    expect(run.stdout).toMatch(/Links: \d+ checked, 0 broken\./);
    expect(run.status).toBe(0);
  });

  it('fails on an HTML error and names the file and line', async () => {
    const dir = join(base, 'bad-html');
    await cp(good, dir, { recursive: true });
    const file = join(dir, 'sources/index.html');
    const html = await readFile(file, 'utf8');
    await writeFile(file, html.replace('<h1>Sources</h1>', '<h1>Sources</h1>\n<p><div>block in a paragraph</p>'));
    const run = runCli('verify.ts', [`--site=${dir}`, '--skip-links', '--skip-lighthouse']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/sources\/index\.html:\d+:\d+ {2}.+ {2}html\/nu/);
  });
});
