import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { contentType } from './content-types.ts';
import { hostOf, isLoopback } from '../lib/loopback.ts';


/** Dark on light yellow, in a corner, above the page: seen at once, covering little. */
const NOTICE_STYLE = 'position:fixed;top:0.5em;right:0.5em;z-index:2147483647;margin:0;padding:0.4em 0.8em;border-radius:4px;background:#ffd;color:#222;box-shadow:0 1px 4px #0006;font:14px/1.4 system-ui,sans-serif';

/**
 * The live-reload client: reloads on a new build, shows the problem of a broken one over the last good page, and
 * keeps the "rebuilding…" notice (put into the page by the server, see noticeHtml) in step with the build.
 */
const CLIENT = `(() => {
  const events = new EventSource('/__preview/events');
  let banner = null;
  const setNotice = (text) => {
    let notice = document.getElementById('__preview-notice');
    if (text === null) return notice?.remove();
    if (!notice) {
      notice = document.createElement('div');
      notice.id = '__preview-notice';
      notice.setAttribute('role', 'status');
      notice.style.cssText = '${NOTICE_STYLE}';
      document.body.append(notice);
    }
    notice.textContent = text;
  };
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('notice', (e) => setNotice(JSON.parse(e.data)));
  events.addEventListener('problem', (e) => {
    setNotice(null);
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

/** The notice as served inside a page, so it shows before the client script has run. */
const noticeHtml = (text: string) =>
  `<div id="__preview-notice" role="status" style="${NOTICE_STYLE}">${text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</div>`;

export interface PreviewServer {
  port: number;
  /** Where it listens, e.g. `http://127.0.0.1:8080/news-timeline/`. */
  url: string;
  /** Tells every open page to reload. */
  reload(): void;
  /** Shows a problem over every open page (and pages opened later) until the next reload. */
  problem(text: string): void;
  /** Shows a short notice such as "Rebuilding…" on every open page (and pages opened later), or takes it away (null); a reload or a problem ends it. */
  notice(text: string | null): void;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** The folder served, read on every request: a swapped-in build is served at once. */
  root: () => string;
  /** The path the site lives under, `/` or e.g. `/news-timeline/`. */
  prefix: () => string;
  port: number;
  /** The interface to listen on; only this machine by default, as the preview serves unpublished drafts. */
  host?: string;
  /** Inject the live-reload client and serve its event stream (the preview); off for verify and the browser tests. */
  liveReload?: boolean;
  /** Requests answered before the site's files (the browser editor's /admin/); resolves false to pass one on. */
  routes?: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;
}

/**
 * The one static server, for the preview and for verify and the browser tests. It serves the built site under
 * `prefix()` the way a static host does (a folder serves its index.html, a missing file the site's 404 page), and
 * with `liveReload` injects a small client into HTML pages; that client exists only here, never in the built site.
 *
 * Not @11ty/eleventy-dev-server (2.1): run on a folder holding `assets/etc-dir -> /etc`, it listened on `::` (every
 * interface; it has no host option) and served `/assets/etc-dir/hostname` with status 200.
 *
 * Safe by construction: only regular files whose real path (links resolved) is inside the real root are sent, and
 * every redirect is a path built from the request's own segments, re-encoded, so it cannot name another host.
 */
export async function startServer(options: ServerOptions): Promise<PreviewServer> {
  const liveReload = options.liveReload ?? true;
  const host = options.host ?? '127.0.0.1';
  const clients = new Set<ServerResponse>();
  let currentProblem: string | null = null;
  let currentNotice: string | null = null;
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
    if (!addressedHere(req.headers.host, host)) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('This preview answers only requests addressed to this machine, such as http://127.0.0.1/.');
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://preview').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.includes('\0')) {
      res.writeHead(400).end();
      return;
    }
    if (liveReload && path === '/__preview/client.js') {
      res.writeHead(200, { 'content-type': contentType('.js'), 'cache-control': 'no-store' }).end(CLIENT);
      return;
    }
    if (liveReload && path === '/__preview/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      if (currentProblem !== null) res.write(`event: problem\ndata: ${JSON.stringify(currentProblem)}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (options.routes && (await options.routes(req, res, path))) return;
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
    const file = normalize(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory() && !path.endsWith('/')) {
      res.writeHead(301, { location: sitePath(`${path}/`) }).end();
      return;
    }
    const served = await servable(root, info?.isDirectory() ? join(file, 'index.html') : file);
    if (!served) {
      await notFound(res);
      return;
    }
    await sendFile(res, served, 200);
  }

  async function notFound(res: ServerResponse): Promise<void> {
    const root = options.root();
    const page = await servable(root, join(root, '404.html'));
    if (page) await sendFile(res, page, 404);
    else res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found.');
  }

  async function sendFile(res: ServerResponse, file: string, status: number): Promise<void> {
    const type = contentType(file);
    if (liveReload && extname(file) === '.html') {
      const html = await readFile(file, 'utf8');
      const inject = (currentNotice === null ? '' : noticeHtml(currentNotice)) + INJECT;
      const body = html.includes('</body>') ? html.replace(/<\/body>(?![\s\S]*<\/body>)/, `${inject}</body>`) : html + inject;
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
      return;
    }
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    createReadStream(file).on('error', () => res.end()).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Keep-alive pings stop proxies and browsers from dropping a quiet event stream.
  const ping = setInterval(() => {
    for (const res of clients) res.write(': ping\n\n');
  }, 20_000);
  ping.unref();

  const { port } = server.address() as AddressInfo;
  // An address to open: the one listened on, or this machine's when listening on every interface.
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    port,
    url: `http://${shown}:${port}${options.prefix()}`,
    reload() {
      currentProblem = null;
      currentNotice = null;
      send('reload', '{}');
    },
    problem(text: string) {
      currentProblem = text;
      currentNotice = null;
      send('problem', JSON.stringify(text));
    },
    notice(text: string | null) {
      currentNotice = text;
      send('notice', JSON.stringify(text));
    },
    close() {
      clearInterval(ping);
      for (const res of clients) res.end();
      clients.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The real path of `file` if it is a regular file inside the real `root`, else null: a link inside the served
 * folder (`assets/etc-dir -> /etc`) must not publish what it points to, nor a FIFO hang a request.
 */
export async function servable(root: string, file: string): Promise<string | null> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(file)]);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * Whether a request's Host names this machine, when the server listens on it alone. DNS rebinding points a
 * site's own name (attacker.example) at 127.0.0.1, so that its page can read the preview's unpublished pages;
 * its requests still say `Host: attacker.example`. Listening on a network address, any name may be the machine's.
 */
export function addressedHere(hostHeader: string | undefined, listening: string): boolean {
  if (!isLoopback(listening)) return true;
  // Browsers always send a Host; a request without one comes from a program on this machine, not from a page.
  if (hostHeader === undefined) return true;
  const name = hostOf(hostHeader);
  return name !== null && isLoopback(name);
}

/**
 * A redirect target within this site, from a decoded request path: empty segments dropped (so `/%2Fevents` cannot
 * become the protocol-relative `//events/`, another host) and each segment re-encoded (so a `\` is no slash either).
 */
export function sitePath(path: string): string {
  const segments = path.split('/').filter((s) => s !== '');
  const trailing = path.endsWith('/') && segments.length > 0 ? '/' : '';
  return `/${segments.map(encodeURIComponent).join('/')}${trailing}`;
}
