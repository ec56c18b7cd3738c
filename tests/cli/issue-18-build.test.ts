import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, snapshot, tempProject } from '../helpers/project.ts';

/** Issue 18: `npm run build` refuses outputs it must not replace and says plainly when the disk refuses it. */
let project: string;
beforeAll(async () => {
  project = await tempProject();
});
afterAll(() => rm(project, { recursive: true, force: true }));

const STACK = /\n\s+at .+:\d+:\d+/;
const faulty = (code: string) => ({ NODE_OPTIONS: `--import=${join(ROOT, 'tests/helpers/fs-fault.mjs')}`, FS_FAULT_CODE: code, FS_FAULT_MATCH: '-build-' });

describe('npm run build --output', () => {
  it.each([
    ['.', '--output=. is the project folder itself'],
    ['content', '--output=content is content/ of the project or inside it'],
  ])('--output=%s exits 2 and touches nothing', async (output, message) => {
    const before = await snapshot(join(project, 'content'));
    const run = runCli('build.ts', ['--quiet', `--output=${output}`], project);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.status).toBe(2);
    expect(await snapshot(join(project, 'content'))).toEqual(before);
    expect(existsSync(join(project, 'src'))).toBe(true);
  });
});

describe('npm run build --site-url', () => {
  it.each([
    [['--site-url=javascript:alert(document.domain)//'], {}, 'Unexpected --site-url `javascript:alert(document.domain)//`'],
    [['--site-url=notaurl'], {}, 'Unexpected --site-url `notaurl`'],
    [[], { SITE_URL: 'javascript:alert(1)//' }, 'Unexpected SITE_URL `javascript:alert(1)//`'],
  ])('%j %j exits 2', (args, env, message) => {
    const run = runCli('build.ts', ['--quiet', '--output=out-url', ...args], project, env);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('expected an http:// or https:// address');
    expect(run.stderr).not.toMatch(STACK);
    expect(run.status).toBe(2);
    expect(existsSync(join(project, 'out-url'))).toBe(false);
  });
});

describe('a build the disk refuses', () => {
  it('marks its site, and on a full or read-only disk exits 4 naming the cause, leaving the previous site and no staging folder', async () => {
    const good = runCli('build.ts', ['--quiet', '--output=out'], project);
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(existsSync(join(project, 'out/.news-timeline'))).toBe(true);
    const before = await snapshot(join(project, 'out'));

    for (const [code, cause] of [['ENOSPC', 'the disk is full'], ['EACCES', 'permission denied'], ['EROFS', 'the file system is read-only']]) {
      const run = runCli('build.ts', ['--quiet', '--output=out'], project, faulty(code!));
      expect(run.stderr, code).toContain(`Could not write the site to out/: ${cause}`);
      expect(run.stderr, code).not.toContain('Internal error');
      expect(run.stderr, code).not.toMatch(STACK);
      expect(run.status, code).toBe(4);
      expect(await snapshot(join(project, 'out')), code).toEqual(before);
      expect((await readdir(project)).filter((n) => n.startsWith('._out') || n.startsWith('.out')), code).toEqual([]);
    }
  });
});
