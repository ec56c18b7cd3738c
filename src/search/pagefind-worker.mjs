/**
 * Runs in a worker thread (see indexRecords in ./pagefind.ts): feeds Pagefind's service process the search
 * records and posts the bundle back. From the main thread the records trickled through the service's 64 KB pipe
 * only when rendering let the event loop turn: adding 10,500 records took 10 s there against 1.9 s here.
 * Plain JavaScript: a worker thread does not get the main thread's TypeScript loader.
 */
import { setTimeout } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';

const IN_FLIGHT = 1024;

/** @param {(import('./records.ts').SearchRecord | null)[]} records */
async function index(records) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('; '));
  try {
    // IN_FLIGHT records at a time: one round trip per record would leave the service idle, and all at once held every
    // record's message in this thread too (the build's process peaked about 0.5 GB higher at 50,000 events).
    // A sent record is let go. (The same pool as mapLimit in src/lib/concurrency.ts, which this plain-JavaScript
    // worker cannot import.)
    const failed = [];
    let next = 0;
    const lane = async () => {
      while (next < records.length) {
        const i = next++;
        const { errors } = await index.addCustomRecord(records[i]);
        records[i] = null;
        failed.push(...errors);
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, records.length) }, lane));
    if (failed.length) throw new Error(failed.join('; '));
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length) throw new Error(fileErrors.join('; '));
    return files;
  } finally {
    await index.deleteIndex();
  }
}

/**
 * close() kills Pagefind's process without waiting for it; this thread must still be running when the process
 * ends, to reap it, or it stays behind as a zombie until the build's process exits (the preview builds many
 * times). The build has its answer before this and does not wait for it.
 */
async function closeAndReap() {
  await pagefind.close();
  await setTimeout(500);
}

try {
  parentPort.postMessage({ files: await index(workerData.records) });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  await closeAndReap();
}
