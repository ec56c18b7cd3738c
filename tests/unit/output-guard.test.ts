import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, outputProblem } from '../../src/build/output-guard.ts';

/** Which folders a build may replace (issue 18): never the project, its ancestors or its sources; only its own. */
let base: string;
let root: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'nt-guard-'));
  root = join(base, 'project');
  for (const dir of ['content/events', 'templates', 'src', 'node_modules', '.git']) await mkdir(join(root, dir), { recursive: true });
  await mkdir(join(root, 'built'));
  await writeFile(join(root, 'built', OUTPUT_MARKER), '');
  await mkdir(join(root, 'notes'));
  await writeFile(join(root, 'notes', 'todo.txt'), 'mine');
  await mkdir(join(root, 'empty'));
  await writeFile(join(root, 'README.md'), '');
  await symlink(join(root, 'built'), join(root, 'link-to-built'));
  await symlink(join(root, 'content'), join(root, 'link-to-content'));
  await symlink(join(base, 'nowhere'), join(root, 'dangling'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('outputProblem', () => {
  it.each([
    ['.', /is the project folder itself/],
    ['./', /is the project folder itself/],
    ['..', /contains the project folder/],
    ['/', /contains the project folder/],
    ['content', /is content\/ of the project or inside it/],
    ['content/events/site', /is content\/ of the project or inside it/],
    // A name that merely starts with two dots is inside the folder, not above it.
    ['content/..site', /is content\/ of the project or inside it/],
    ['src/...', /is src\//],
    ['templates', /is templates\//],
    ['src/out', /is src\//],
    ['tests', /is tests\//],
    ['node_modules', /is node_modules\//],
    ['.git', /is \.git\//],
    ['link-to-built', /is a symbolic link/],
    ['dangling', /is a symbolic link/],
    ['link-to-content/site', /is content\/ of the project or inside it/],
    ['notes', /already exists and was not made by a build/],
    ['README.md', /is a file, not a folder/],
  ])('refuses --output=%s', (output, reason) => {
    expect(outputProblem(root, output)).toMatch(reason);
  });

  it.each([['_site'], ['built'], ['empty'], ['public/site'], ['../elsewhere']])('allows --output=%s', (output) => {
    expect(outputProblem(root, output)).toBeNull();
  });

  it('names the flag as the editor typed it', () => {
    expect(outputProblem(root, 'notes')).toBe(
      '--output=notes already exists and was not made by a build (it has no .news-timeline file), so it will not be replaced. Choose another folder, or empty it first.',
    );
  });
});
