import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchFolders } from '../../src/serve/watch.ts';

/** Issue 18: a link `content/x -> /usr` added a watch per folder behind it; the preview's watcher never follows links. */
let root: string;
let outside: string;
let stop: (() => void) | undefined;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'nt-watch-'));
  outside = await mkdtemp(join(tmpdir(), 'nt-watch-outside-'));
  await mkdir(join(root, 'content/events'), { recursive: true });
  await mkdir(join(outside, 'deeper'));
  await symlink(outside, join(root, 'content/x'));
});
afterEach(async () => {
  stop?.();
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('watchFolders and links', () => {
  it('reports changes in real folders, none behind a link that leads out of the project', async () => {
    const changes = new Promise<string[]>((resolve) => {
      stop = watchFolders(root, ['content'], resolve, () => true, 300);
    });
    // Behind the link first, then a real change, in one burst: the report holds only the real one.
    await writeFile(join(outside, 'a.md'), 'outside');
    await writeFile(join(outside, 'deeper/b.md'), 'outside');
    await writeFile(join(root, 'content/events/c.md'), 'inside');
    expect(await changes).toEqual(['content/events/c.md']);
  });
});
