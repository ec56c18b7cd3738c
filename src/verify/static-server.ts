import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { contentType } from '../serve/content-types.ts';


export interface StaticServer {
  /** Base URL including the prefix, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site from `dir` on 127.0.0.1 (a free port), optionally under a path prefix such as
 * `/news-timeline/`, the way a static host such as GitHub Pages would: folders serve their index.html, and
 * missing files get the site's 404 page with status 404.
 */
export async function serveStatic(dir: string, prefix = '/'): Promise<StaticServer> {
  const root = normalize(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path.startsWith(prefix) ? path.slice(prefix.length) : '\0'));
    try {
      if (!file.startsWith(root + sep) && file !== root) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
      res.writeHead(200, { 'content-type': contentType(file) });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      const notFound = join(root, '404.html');
      stat(notFound).then(
        () => createReadStream(notFound).pipe(res),
        () => res.end('Not found'),
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
