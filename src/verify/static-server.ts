import { resolve } from 'node:path';
import { startServer } from '../serve/server.ts';

export interface StaticServer {
  /** Base URL including the prefix, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site from `dir` on 127.0.0.1 (a free port), optionally under a path prefix such as
 * `/news-timeline/`, the way a static host such as GitHub Pages would: the preview's server without live reload,
 * so verify and the browser tests see what the preview serves, and the same safety rules.
 */
export async function serveStatic(dir: string, prefix = '/'): Promise<StaticServer> {
  const root = resolve(dir);
  const server = await startServer({ root: () => root, prefix: () => prefix, port: 0, host: '127.0.0.1', liveReload: false });
  return { url: server.url, close: () => server.close() };
}
