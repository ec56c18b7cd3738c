/**
 * The Markdown worker (see ./parallel.ts): renders chunks of bodies with the same renderMarkdown as the main
 * thread, each chunk claimed from a counter the two threads share, until none is left.
 * Plain JavaScript that imports the TypeScript renderer through tsx: a worker thread does not get the main
 * thread's loader.
 */
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { renderMarkdown } = await tsImport('./render.ts', import.meta.url);
const { claimChunks } = await tsImport('./chunks.ts', import.meta.url);

parentPort.on('message', (/** @type {{ bodies: string[]; next: Int32Array; chunk: number }} */ { bodies, next, chunk }) => {
  for (const [start, end] of claimChunks(next, chunk, bodies.length)) {
    parentPort.postMessage({ start, html: bodies.slice(start, end).map(renderMarkdown) });
  }
  parentPort.postMessage({ done: true });
});
