import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { mapLimit } from '../load/content.ts';
import type { SearchRecord } from './records.ts';

// Pagefind keeps one service process per Node process; builds running side by side in one process (the preview, the
// tests) share it, and the last to finish closes it so that a finished build leaves nothing running.
let users = 0;

/**
 * Builds the Pagefind search bundle from the model's records and writes it to `<siteDir>/pagefind/`. Runs
 * offline on the binary npm installed (@pagefind/<platform>), in its own process: the build renders pages
 * meanwhile. Readers' browsers load the bundle only when they search.
 *
 * The bundle is fetched with getFiles() and written here, not with writeFiles(): in Pagefind 1.5.2 that call
 * sometimes resolved before its files were flushed, leaving empty files.
 */
export async function indexSite(siteDir: string, records: readonly SearchRecord[]): Promise<number> {
  users++;
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('; '));
    try {
      // Sent all at once: the service queues them, and one round trip per record would leave it idle.
      const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
      const failed = added.flatMap((r) => r.errors);
      if (failed.length) throw new Error(failed.join('; '));
      const { files, errors: fileErrors } = await index.getFiles();
      if (fileErrors.length) throw new Error(fileErrors.join('; '));
      const root = join(siteDir, 'pagefind');
      const dirs = new Set([root, ...files.map((f) => dirname(join(root, f.path)))]);
      for (const dir of dirs) await mkdir(dir, { recursive: true });
      await mapLimit(files, 64, (f) => writeFile(join(root, f.path), f.content));
      return files.length;
    } finally {
      await index.deleteIndex();
    }
  } catch (error) {
    throw new Error(`Internal error: the search index could not be built: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (--users === 0) await pagefind.close();
  }
}

