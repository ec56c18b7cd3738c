import type * as FsPromises from 'node:fs/promises';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadContent } from '../../src/load/content.ts';
import { ROOT } from '../helpers/project.ts';

/**
 * Issue 18 (broken 8): an unreadable content/events published an empty site. Permissions cannot take a folder away
 * from root, which these tests may run as, so listing it fails here as it would for another user: EACCES.
 */
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof FsPromises>();
  const readdir = (async (path: string, ...rest: unknown[]) => {
    if (String(path).endsWith(`${join('content', 'events')}`)) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' });
    return (fs.readdir as (...args: unknown[]) => Promise<unknown>)(path, ...rest);
  }) as typeof fs.readdir;
  return { ...fs, default: { ...fs, readdir }, readdir };
});

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'nt-unreadable-'));
  await cp(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('loadContent and a content/events it may not list', () => {
  it('is an error naming the folder and the cause, not 0 events validated', async () => {
    const { raw, diagnostics } = await loadContent(join(root, 'content'), root);
    expect(diagnostics).toMatchObject([{ file: 'content/events', ruleId: 'file/unreadable', severity: 'error', message: 'The folder could not be read (EACCES).' }]);
    expect(raw.events).toEqual([]);
  });
});
