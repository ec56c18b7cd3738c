import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, mapLimit } from '../../src/load/content.ts';
import { ROOT } from '../helpers/project.ts';

describe('mapLimit', () => {
  it('keeps the order of its results and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, n * 3));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  it('handles an empty list', async () => {
    expect(await mapLimit([], 4, async (n: number) => n)).toEqual([]);
  });
});

describe('loadContent never drops a file silently', () => {
  it('reports an event "file" it cannot read (here a folder named like one) as file/unreadable', async () => {
    const root = await mkdtemp(join(tmpdir(), 'nt-load-'));
    try {
      await cp(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
      await mkdir(join(root, 'content/events/a-folder.md'));
      const { raw, diagnostics } = await loadContent(join(root, 'content'), root);
      expect(diagnostics).toMatchObject([{ file: 'content/events/a-folder.md', ruleId: 'file/unreadable', severity: 'error' }]);
      expect(diagnostics[0]!.message).toContain('EISDIR');
      expect(raw.events.length).toBe(39);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
