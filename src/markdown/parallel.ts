import { Worker } from 'node:worker_threads';
import { bodyKey, type BodyCache } from './cache.ts';
import { claimChunks } from './chunks.ts';
import { withinMarkdownLimits } from './limits.ts';
import { renderMarkdown } from './render.ts';

/** Bodies a thread claims at a time: small enough to share the work evenly, large enough to keep messages few. */
const CHUNK = 64;

/**
 * Renders many Markdown bodies on two threads: a worker, started early so that remark is loaded by the time the
 * bodies are, and this thread once it has validated the content. Both take the next chunk from a shared counter.
 * This thread waits only for chunks the worker has taken and not yet sent: on a small site it renders everything
 * before the worker has even loaded remark, and does not wait for it. The HTML depends only on the body, so which
 * thread rendered what never shows in the output; if the worker fails, this thread renders what it left.
 * With a cache (./cache.ts), only bodies it does not hold are rendered, each distinct body once, and what was
 * rendered goes into it.
 */
export class MarkdownRenderer {
  private readonly worker: Worker;
  private readonly next = new Int32Array(new SharedArrayBuffer(4));
  private readonly html: (string | undefined)[] = [];
  /** The bodies to render: those not found in the cache, each once. */
  private bodies: readonly string[] = [];
  private keys: string[] = [];
  private readonly byBody = new Map<string, string>();
  /** How many bodies the worker rendered (for the tests, and for anyone profiling a build). */
  renderedByWorker = 0;
  /** How many distinct bodies were rendered on either thread, and how many were found in the cache instead. */
  renders = 0;
  cached = 0;
  private readonly workerDone: Promise<void>;

  /** `workerUrl` is for the tests: a worker that never answers. */
  constructor(
    workerUrl = new URL('./worker.mjs', import.meta.url),
    private readonly cache: BodyCache | null = null,
  ) {
    this.worker = new Worker(workerUrl);
    this.workerDone = new Promise<void>((resolve) => {
      this.worker.on('message', (message: { start: number; html: string[] } | { done: true }) => {
        if ('done' in message) resolve();
        else {
          message.html.forEach((html, i) => (this.html[message.start + i] = html));
          this.renderedByWorker += message.html.length;
        }
      });
      // Whatever the worker did not render, finish() renders here.
      this.worker.once('error', () => resolve());
      this.worker.once('exit', () => resolve());
    });
  }

  /** Hands the worker the bodies as soon as they are read. */
  start(bodies: readonly string[]): void {
    const todo: string[] = [];
    const seen = new Set<string>();
    for (const body of bodies) {
      if (seen.has(body)) continue;
      seen.add(body);
      const key = this.cache ? bodyKey(body) : '';
      const cached = this.cache?.get(key);
      if (cached !== undefined) {
        this.byBody.set(body, cached);
        this.cached++;
      } else {
        todo.push(body);
        this.keys.push(key);
      }
    }
    this.bodies = todo;
    // Rendering starts before validation: a body past the limits goes as empty text, since validation refuses
    // it and its HTML is never used (remark would overflow or stall on it).
    const safe = todo.map((body) => (withinMarkdownLimits(body) ? body : ''));
    this.worker.postMessage({ bodies: safe, next: this.next, chunk: CHUNK });
  }

  /** Renders chunks here until none is left, waits for the worker's, and returns a renderer that looks them up. */
  async finish(): Promise<(markdown: string) => string> {
    const { bodies } = this;
    for (const [start, end] of claimChunks(this.next, CHUNK, bodies.length)) {
      for (let i = start; i < end; i++) this.html[i] = renderMarkdown(bodies[i]!);
    }
    if (this.html.length < bodies.length || this.html.includes(undefined)) await this.workerDone;
    const { byBody, cache } = this;
    bodies.forEach((body, i) => {
      const html = this.html[i] ?? renderMarkdown(body);
      byBody.set(body, html);
      cache?.set(this.keys[i]!, html);
    });
    this.renders += bodies.length;
    return (markdown) => {
      const html = byBody.get(markdown);
      if (html !== undefined) return html;
      this.renders++;
      return renderMarkdown(markdown);
    };
  }

  /** Stops the worker; a build calls it whatever happened, or the worker would keep the process alive. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
