import { createReadStream } from 'node:fs';
import { stat, unlink, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { slugify } from '../scaffold/slug.ts';
import { contentType } from '../serve/content-types.ts';
import { DRAFT_PATH, EVENT_PATH, checkEventText } from './check.ts';
import { cmsConfig, type CmsBackend } from './config.ts';
import { entryToFile } from './entry-file.ts';
import { readCmsInputs, sourcePassages } from './inputs.ts';
import { linkOnTheWay, localBackend } from './local-backend.ts';

/** Handles a request the site's files do not (the editor's pages and endpoints); false when it is not one. */
export type ExtraRoutes = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;

export interface CmsOptions {
  projectRoot: string;
  /** The path the site is served under (`/` or `/news-timeline/`): the preview pane loads its stylesheet from there. */
  prefix: () => string;
  /**
   * Whether the editor may write: only when the preview listens on this machine alone. Listening on every
   * interface, anyone on the network could otherwise write into the project.
   */
  writable: boolean;
  /** A newsroom's repository instead of the local files (see the README's editor section). */
  github?: Extract<CmsBackend, { kind: 'github' }>;
}

/** The editor's own page, script and styles. */
export const ADMIN_DIR = join(import.meta.dirname, 'admin');
const ADMIN_FILES: Record<string, string> = {
  '/admin/': 'index.html',
  '/admin/admin.js': 'admin.js',
  '/admin/pruned.js': 'pruned.js',
  '/admin/admin.css': 'admin.css',
};
/** The files of ADMIN_DIR that make the editor's page, as a published editor copies them. */
export const ADMIN_FILE_NAMES = Object.values(ADMIN_FILES);
const MAX_BODY = 4 * 1024 * 1024;

/** Decap CMS's own bundle, served from the installed package: nothing is fetched from a CDN. */
export function decapBundle(): string {
  return createRequire(import.meta.url).resolve('decap-cms/dist/decap-cms.js');
}

/**
 * The browser editor's routes in the preview: `/admin/` (Decap CMS with the generated configuration), the
 * passages of every article for the quote picker, the check of an unsaved entry, moving a finished draft into
 * content/events/, and decap-server's local file-system backend at `/api/v1`.
 */
export function cmsRoutes(options: CmsOptions): ExtraRoutes {
  const backend = options.writable ? localBackend(options.projectRoot) : null;
  return async (req, res, path) => {
    if (path === '/admin') {
      res.writeHead(301, { location: '/admin/' }).end();
      return true;
    }
    const file = ADMIN_FILES[path];
    if (file && req.method === 'GET') {
      await sendFile(res, join(ADMIN_DIR, file));
      return true;
    }
    // Decap's bundle and the chunks it loads from beside itself (`/admin/2598.decap-cms.js`, its WebAssembly).
    const asset = /^\/admin\/([\w-]+(?:\.[\w-]+)*\.(?:js|css|wasm))$/.exec(path)?.[1];
    if (asset && req.method === 'GET') {
      await sendFile(res, join(dirname(decapBundle()), asset));
      return true;
    }
    if (path === '/admin/config.json' && req.method === 'GET') {
      const { inputs } = await readCmsInputs(options.projectRoot, options.github ?? { kind: 'local' });
      sendJson(res, 200, { config: cmsConfig(inputs), sitePrefix: options.prefix(), writable: options.writable, passages: '/__cms/passages', check: true });
      return true;
    }
    if (path === '/__cms/passages' && req.method === 'GET') {
      const { raw } = await readCmsInputs(options.projectRoot, { kind: 'local' });
      sendJson(res, 200, { sources: sourcePassages(raw) });
      return true;
    }
    if (!path.startsWith('/__cms/') && path !== '/api/v1') return false;
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'Expected a POST.' });
      return true;
    }
    const refused = refusal(req);
    if (refused) {
      sendJson(res, 403, { error: refused });
      return true;
    }
    const body = await readJson(req);
    if (body === undefined) {
      sendJson(res, 400, { error: 'Expected a JSON body under 4 MB.' });
      return true;
    }
    if (path === '/__cms/check') {
      const { path: given, data } = body as { path?: unknown; data?: unknown };
      // A new entry has no path yet: it gets the one `npm run new` would give its title.
      const entryPath = typeof given === 'string' && given !== '' ? given : isRecord(data) ? `content/events/${slugify(String(data.title ?? '')) || 'new-event'}.md` : '';
      if (!(EVENT_PATH.test(entryPath) || DRAFT_PATH.test(entryPath)) || !isRecord(data)) {
        sendJson(res, 400, { error: 'Expected {path: "content/events/<id>.md" or null, data: {…}}.' });
        return true;
      }
      const text = entryToFile(data);
      sendJson(res, 200, { ...(await checkEventText(options.projectRoot, entryPath, text, { render: true })), text });
      return true;
    }
    if (!backend) {
      sendJson(res, 403, { error: 'The editor is read-only when the preview listens beyond this machine (--host).' });
      return true;
    }
    if (path === '/__cms/adopt') {
      const { path: draft, data } = body as { path?: unknown; data?: unknown };
      if (typeof draft !== 'string' || !DRAFT_PATH.test(draft) || !isRecord(data)) {
        sendJson(res, 400, { error: 'Expected {path: "drafts/<source>/<id>.md", data: {…}}.' });
        return true;
      }
      // The event is written from the form as it stands (saved or not), and only once the check passes.
      const text = entryToFile(data);
      const checked = await checkEventText(options.projectRoot, draft, text);
      if (checked.diagnostics.some((d) => d.severity === 'error')) {
        sendJson(res, 422, { error: 'Fix the errors the check shows first.', diagnostics: checked.diagnostics });
        return true;
      }
      const linked = await linkOnTheWay(options.projectRoot, [checked.path, draft]);
      if (linked) {
        sendJson(res, 403, { error: linked });
        return true;
      }
      const written = await writeFile(join(options.projectRoot, checked.path), text, { flag: 'wx' }).then(
        () => null,
        (error: NodeJS.ErrnoException) => error.code ?? 'failed',
      );
      if (written !== null) {
        sendJson(res, written === 'EEXIST' ? 409 : 500, {
          error: written === 'EEXIST' ? `${checked.path} already exists: change the draft's title, or edit that event instead.` : `Could not write ${checked.path} (${written}).`,
        });
        return true;
      }
      await unlink(join(options.projectRoot, draft)).catch(() => undefined);
      sendJson(res, 200, { path: checked.path });
      return true;
    }
    if (path === '/api/v1') {
      const { status, json } = await backend(body);
      sendJson(res, status, json);
      return true;
    }
    sendJson(res, 404, { error: 'No such endpoint.' });
    return true;
  };
}

/**
 * Why a write request is refused, if it is: a page on another site posting to this machine (its Origin is not
 * ours), or a name that resolves here but is not this machine's (DNS rebinding), or a body that is not JSON (a
 * form posted from elsewhere never sends `application/json` without the browser asking first).
 */
function refusal(req: IncomingMessage): string | null {
  const host = req.headers.host ?? '';
  if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host)) return `Requests must be addressed to this machine (127.0.0.1), not \`${host}\`.`;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return 'Requests from other sites are refused.';
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return 'Expected Content-Type: application/json.';
  return null;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(value));
}

async function sendFile(res: ServerResponse, file: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found.');
    return;
  }
  res.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-store' });
  createReadStream(file).on('error', () => res.end()).pipe(res);
}

