import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES } from '../../src/cli/project-path.ts';
import { runCli, tempProject } from '../helpers/project.ts';

/** Issue 18: `npm run new` and `npm run extract` never follow a link out of the project nor read what is not a file. */
let project: string;
let outside: string;
beforeAll(async () => {
  project = await tempProject();
  outside = await mkdtemp(join(tmpdir(), 'nt-outside-'));
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const STACK = /\n\s+at .+:\d+:\d+/;
const newEvent = (...args: string[]) => runCli('new-event.ts', args, project);
const extract = (...args: string[]) => runCli('extract.ts', args, project);

describe('npm run new and links', () => {
  it('refuses to write through a dangling link, with or without --force', async () => {
    const target = join(outside, 'created-by-link.md');
    await symlink(target, join(project, 'content/events/dangling-link.md'));
    for (const force of [[], ['--force']]) {
      const run = newEvent('Dangling link', '--date=2023-09-21', '--id=dangling-link', ...force);
      expect(run.stderr).toContain('content/events/dangling-link.md is a symbolic link, so nothing was written');
      expect(run.status).toBe(2);
      expect(existsSync(target)).toBe(false);
    }
  });

  it('with --force, leaves a file outside the project that a link points to as it was', async () => {
    const target = join(outside, 'precious.txt');
    await writeFile(target, 'keep me');
    await symlink(target, join(project, 'content/events/points-out.md'));
    const run = newEvent('Points out', '--date=2023-09-21', '--id=points-out', '--force');
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(STACK);
    expect(await readFile(target, 'utf8')).toBe('keep me');
  });
});

describe('npm run extract reads only regular files inside the project, up to a size', () => {
  it('a folder exits 2', () => {
    const run = extract('content/sources');
    expect(run.stderr).toContain('content/sources is a folder; give one article file');
    expect(run.stderr).not.toContain('Internal error');
    expect(run.status).toBe(2);
  });

  it('a FIFO exits 2 without waiting on it', () => {
    execFileSync('mkfifo', [join(project, 'content/sources/pipe.md')]);
    const run = extract('content/sources/pipe.md');
    expect(run.stderr).toContain('content/sources/pipe.md is not a regular file');
    expect(run.status).toBe(2);
  });

  it('an article over the limit exits 2 naming the limit', async () => {
    const head = '---\nid: huge\ntitle: "Huge"\npublished: "2023-09-20"\nlanguage: en\n---\n';
    await writeFile(join(project, 'content/sources/huge.md'), head + 'x'.repeat(MAX_ARTICLE_BYTES + 1 - head.length));
    const run = extract('content/sources/huge.md');
    expect(run.stderr).toContain(`content/sources/huge.md is ${MAX_ARTICLE_BYTES + 1} bytes long; npm run extract reads articles of at most 1048576 bytes`);
    expect(run.status).toBe(2);
  });

  it('a file outside the project, or a link to one, exits 2', async () => {
    await writeFile(join(outside, 'article.md'), '---\nid: a\n---\n');
    await symlink(join(outside, 'article.md'), join(project, 'content/sources/linked.md'));
    for (const path of [join(outside, 'article.md'), 'content/sources/linked.md']) {
      const run = extract(path);
      expect(run.stderr, path).toMatch(/is outside the project/);
      expect(run.status, path).toBe(2);
    }
  });

  it('--out refuses a drafts/ that is a link out of the project', async () => {
    await symlink(outside, join(project, 'drafts'));
    const run = extract('content/sources/azerbaijan-halts-karabakh-offensive.md', '--out');
    expect(run.stderr).toContain('drafts/ is a symbolic link, so nothing was written');
    expect(run.status).toBe(2);
    expect(existsSync(join(outside, 'azerbaijan-halts-karabakh-offensive'))).toBe(false);
    await rm(join(project, 'drafts'));
  });
});
