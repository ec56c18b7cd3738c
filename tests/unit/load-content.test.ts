import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/load/content.ts';
import { ROOT } from '../helpers/project.ts';

describe('loadContent never drops a file silently', () => {
  it('reports an event "file" it cannot read (here a folder named like one) as file/unreadable', async () => {
    const root = await mkdtemp(join(tmpdir(), 'nt-load-'));
    try {
      await cp(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
      await mkdir(join(root, 'content/events/a-folder.md'));
      const { raw, diagnostics } = await loadContent(join(root, 'content'), root);
      expect(diagnostics).toMatchObject([{ file: 'content/events/a-folder.md', ruleId: 'file/unreadable', severity: 'error' }]);
      expect(diagnostics[0]!.message).toContain('EISDIR');
      expect(raw.events.length).toBe(40);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
