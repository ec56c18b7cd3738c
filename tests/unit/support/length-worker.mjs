// A worker that claims every chunk and answers with each body's length instead of its HTML, to show what it was
// given (tests/unit/markdown-limits-worker.test.ts).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ bodies, next, chunk }) => {
  for (let start = Atomics.add(next, 0, 1) * chunk; start < bodies.length; start = Atomics.add(next, 0, 1) * chunk) {
    parentPort.postMessage({ start, html: bodies.slice(start, start + chunk).map((b) => String(b.length)) });
  }
  parentPort.postMessage({ done: true });
});
