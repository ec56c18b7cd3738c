import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { mapLimit } from '../lib/concurrency.ts';
import type { SearchRecord } from './records.ts';

/** Pagefind's bundle: paths relative to `pagefind/`, and their bytes. */
export type SearchBundle = readonly { path: string; content: Uint8Array }[];

/**
 * Builds the Pagefind search bundle from the model's records, in memory. Runs offline on the binary npm installed
 * (@pagefind/<platform>), in Pagefind's own process, driven from a worker thread so that a busy main thread
 * cannot hold it up: the build renders pages meanwhile. Each call has its own worker, which closes its service
 * process when done. Readers' browsers load the bundle only when they search.
 *
 * The bundle is fetched with getFiles() and written by writeSearchBundle, not with writeFiles(): in Pagefind
 * 1.5.2 that call sometimes resolved before its files were flushed, leaving empty files.
 */
export function indexRecords(records: readonly SearchRecord[], signal?: AbortSignal): Promise<SearchBundle> {
  return new Promise((resolve, reject) => {
    const fail = (message: string) => reject(new Error(`Internal error: the search index could not be built: ${message}`));
    const worker = new Worker(new URL('./pagefind-worker.mjs', import.meta.url), { workerData: { records } });
    let settled = false;
    worker.once('message', (message: { files: SearchBundle } | { error: string }) => {
      settled = true;
      if ('error' in message) fail(message.error);
      else resolve(message.files);
    });
    worker.once('error', (error) => {
      settled = true;
      fail(error.message);
    });
    worker.once('exit', (code) => {
      if (!settled) fail(`its worker stopped (exit code ${code})`);
    });
    // A build that failed first stops waiting at once and lets the process exit without waiting for the worker:
    // the worker finishes (the preview's process goes on) or goes with the process, and Pagefind's process ends
    // when its input closes.
    signal?.addEventListener(
      'abort',
      () => {
        worker.unref();
        if (!settled) fail('the build stopped first');
        settled = true;
      },
      { once: true },
    );
  });
}

/** Writes the bundle to `<siteDir>/pagefind/`; returns the number of files. */
export async function writeSearchBundle(siteDir: string, files: SearchBundle): Promise<number> {
  const root = join(siteDir, 'pagefind');
  const dirs = new Set([root, ...files.map((f) => dirname(join(root, f.path)))]);
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  await mapLimit(files, 64, (f) => writeFile(join(root, f.path), f.content));
  return files.length;
}
