import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/project.ts';

/** `npm run verify` is what CI runs over the built site: it must catch broken links and pass a good build (HTML: tests/java). */
let base: string;
let good: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'nt-verify-'));
  good = join(base, 'good');
  expect(runCli('build.ts', [`--output=${good}`, '--quiet']).status).toBe(0);
});
afterAll(() => rm(base, { recursive: true, force: true }));

async function variant(name: string, edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(base, name);
  await cp(good, dir, { recursive: true });
  await edit(dir);
  return dir;
}

describe('verify', () => {
  it('passes the links and anchors of the real build (its HTML check needs Java: tests/java)', () => {
    const run = runCli('verify.ts', [`--site=${good}`, '--skip-html', '--skip-lighthouse']);
    expect(run.stdout).not.toContain('HTML:');
    expect(run.stdout).toMatch(/Links: [1-9]\d* checked, 0 broken\./);
    expect(run.stdout).toMatch(/Anchors: \d+ checked, 0 missing\./);
    expect(run.status).toBe(0);
  });

  it('fails on a broken internal link and on a missing anchor', async () => {
    const dir = await variant('bad-links', async (d) => {
      const file = join(d, 'sources/index.html');
      const html = await readFile(file, 'utf8');
      await writeFile(
        file,
        html.replace('<h1>Sources</h1>', '<h1>Sources</h1>\n<p><a href="/events/no-such-event/">gone</a> <a href="/#no-such-anchor">nowhere</a></p>'),
      );
    });
    const run = runCli('verify.ts', [`--site=${dir}`, '--skip-html', '--skip-lighthouse']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('/events/no-such-event/');
    expect(run.stdout).toContain('#no-such-anchor');
  });
});
