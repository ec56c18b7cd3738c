/**
 * The share-card worker (see ./share-cards.ts): renders the cards it is handed, SVG to PNG, and writes each to the
 * site and to the cache. Plain JavaScript: it needs only the renderer, not the TypeScript modules.
 */
import { writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';

const { font } = /** @type {{ font: object }} */ (workerData);

parentPort.on('message', async (/** @type {{ jobs: { svg: string; files: string[] }[] }} */ { jobs }) => {
  try {
    for (const { svg, files } of jobs) {
      const png = new Resvg(svg, { font }).render().asPng();
      for (const file of files) await writeFile(file, png);
    }
    parentPort.postMessage({ done: jobs.length });
  } catch (error) {
    parentPort.postMessage({ error: String(error instanceof Error ? error.message : error) });
  }
});
