import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { contentType } from './content-types.ts';


/** The live-reload client: reloads on a new build, shows the problem of a broken one over the last good page. */
const CLIENT = `(() => {
  const events = new EventSource('/__preview/events');
  let banner = null;
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('problem', (e) => {
    if (!banner) {
      banner = document.createElement('pre');
      banner.setAttribute('role', 'alert');
      banner.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1em;z-index:2147483647;background:#300;color:#fff;font:13px/1.4 monospace;white-space:pre-wrap';
      document.body.append(banner);
    }
    banner.textContent = JSON.parse(e.data);
  });
})();
`;

const INJECT = '<script src="/__preview/client.js" defer></script>';

export interface PreviewServer {
  port: number;
  /** Tells every open page to reload. */
  reload(): void;
  /** Shows a problem over every open page (and pages opened later) until the next reload. */
  problem(text: string): void;
  close(): Promise<void>;
}

/**
 * Serves the built site from `root()` (read on every request, so a swapped-in build is served at once) under
 * `prefix()`, and injects a small live-reload client into HTML pages. The client exists only here: the built
 * site never contains it.
 */
export async function startServer(options: { root: () => string; prefix: () => string; port: number }): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  let currentProblem: string | null = null;
  const send = (event: string, data: string) => {
    for (const res of clients) res.write(`event: ${event}\ndata: ${data}\n\n`);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error while serving the preview.');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://preview').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path === '/__preview/client.js') {
      res.writeHead(200, { 'content-type': contentType('.js'), 'cache-control': 'no-store' }).end(CLIENT);
      return;
    }
    if (path === '/__preview/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      if (currentProblem !== null) res.write(`event: problem\ndata: ${JSON.stringify(currentProblem)}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const prefix = options.prefix();
    if (!path.startsWith(prefix)) {
      if (path === '/' || `${path}/` === prefix) {
        res.writeHead(302, { location: prefix }).end();
        return;
      }
      await notFound(res);
      return;
    }
    const root = options.root();
    let file = normalize(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) {
      await notFound(res);
      return;
    }
    await sendFile(res, file, 200);
  }

  async function notFound(res: ServerResponse): Promise<void> {
    const page = join(options.root(), '404.html');
    if (await stat(page).then((s) => s.isFile(), () => false)) await sendFile(res, page, 404);
    else res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found.');
  }

  async function sendFile(res: ServerResponse, file: string, status: number): Promise<void> {
    const type = contentType(file);
    if (extname(file) === '.html') {
      const html = await readFile(file, 'utf8');
      const body = html.includes('</body>') ? html.replace(/<\/body>(?![\s\S]*<\/body>)/, `${INJECT}</body>`) : html + INJECT;
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
      return;
    }
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    createReadStream(file).on('error', () => res.end()).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Keep-alive pings stop proxies and browsers from dropping a quiet event stream.
  const ping = setInterval(() => {
    for (const res of clients) res.write(': ping\n\n');
  }, 20_000);
  ping.unref();

  return {
    port: (server.address() as AddressInfo).port,
    reload() {
      currentProblem = null;
      send('reload', '{}');
    },
    problem(text: string) {
      currentProblem = text;
      send('problem', JSON.stringify(text));
    },
    close() {
      clearInterval(ping);
      for (const res of clients) res.end();
      clients.clear();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
