import { lstat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DRAFT_PATH, EVENT_PATH } from './check.ts';

export interface BackendReply {
  status: number;
  json: unknown;
}

type Handler = (req: { body: unknown }, res: FakeResponse, next: () => void) => unknown;

interface FakeResponse {
  status(code: number): FakeResponse;
  json(value: unknown): void;
}

/** What Decap may read (the events, the drafts, the lists it shows) and write (event and draft files only). */
const READABLE = /^(content|drafts)(\/|$)/;
const WRITABLE = (path: string) => EVENT_PATH.test(path) || DRAFT_PATH.test(path);

/**
 * decap-server's local file-system backend (the one `npx decap-server` runs), answering inside the preview's own
 * server instead of a second one: decap-server's command listens on every interface unless told otherwise, and
 * writes wherever the editor's browser asks within the folder. Here it answers only on the preview's address, and
 * every path a request names must be under content/ or drafts/, and a write must be an event or a draft file.
 */
export function localBackend(projectRoot: string): (body: unknown) => Promise<BackendReply> {
  let handlers: Promise<Handler[]> | null = null;
  return async (body) => {
    // Decap lists the media library when it starts; this timeline has none.
    if ((body as { action?: unknown } | null)?.action === 'getMedia') return { status: 200, json: [] };
    const refused = refusedPaths(body) ?? (await linkOnTheWay(projectRoot, namedPaths(body)));
    if (refused) return { status: 403, json: { error: refused } };
    handlers ??= register(projectRoot);
    const reply = await run(await handlers, body);
    return (body as { action?: unknown }).action === 'entriesByFolder' ? withoutLinks(projectRoot, namedPaths(body)[0]!, reply) : reply;
  };
}

/**
 * A folder's listing without the entries that are links: decap-server lists and reads them as files. The folder
 * itself was checked before the listing, so only the part of each path below it is.
 */
async function withoutLinks(projectRoot: string, folder: string, reply: BackendReply): Promise<BackendReply> {
  if (!Array.isArray(reply.json)) return reply;
  const entries = reply.json as { file?: { path?: unknown } }[];
  const under = `${folder.replace(/\/+$/, '')}/`;
  const linked = await Promise.all(
    entries.map(({ file }) => {
      if (typeof file?.path !== 'string') return null;
      return file.path.startsWith(under) ? linkOnTheWay(join(projectRoot, under), [file.path.slice(under.length)]) : linkOnTheWay(projectRoot, [file.path]);
    }),
  );
  return { ...reply, json: entries.filter((_, i) => linked[i] === null) };
}

/** decap-server's middleware registered on a stand-in for an Express app, which keeps its POST handlers. */
async function register(projectRoot: string): Promise<Handler[]> {
  const { registerLocalFs } = createRequire(import.meta.url)('decap-server/dist/middlewares') as {
    registerLocalFs(app: unknown, options: { logLevel: string }): Promise<void>;
  };
  const handlers: Handler[] = [];
  const app = { use: () => app, post: (_path: string, handler: Handler) => void handlers.push(handler) };
  // decap-server takes the folder from this variable, read while it registers.
  const before = process.env.GIT_REPO_DIRECTORY;
  process.env.GIT_REPO_DIRECTORY = projectRoot;
  try {
    await registerLocalFs(app, { logLevel: 'error' });
  } finally {
    if (before === undefined) delete process.env.GIT_REPO_DIRECTORY;
    else process.env.GIT_REPO_DIRECTORY = before;
  }
  return handlers;
}

/** Runs the handlers as Express would: each calls `next()` to pass on, or answers. */
function run(handlers: Handler[], body: unknown): Promise<BackendReply> {
  return new Promise((resolve, reject) => {
    let status = 200;
    const res: FakeResponse = {
      status(code) {
        status = code;
        return res;
      },
      json(value) {
        resolve({ status, json: value });
      },
    };
    const step = (i: number): void => {
      const handler = handlers[i];
      if (!handler) {
        resolve({ status: 404, json: { error: 'Unknown action.' } });
        return;
      }
      Promise.resolve(handler({ body }, res, () => step(i + 1))).catch(reject);
    };
    step(0);
  });
}

/** The first path a request names outside what the editor may read or write, as a sentence; null when all are fine. */
export function refusedPaths(body: unknown): string | null {
  const { action, params } = (body ?? {}) as { action?: unknown; params?: Record<string, unknown> };
  if (typeof action !== 'string') return 'Expected an action.';
  const p = params ?? {};
  switch (action) {
    case 'info':
    case 'getDeployPreview':
      return null;
    case 'getMedia':
    case 'getMediaFile':
    case 'persistMedia':
      return 'This timeline takes no uploads.';
    case 'entriesByFolder':
    case 'entriesByFiles':
    case 'getEntry':
      return check(namedPaths(body), READABLE.test.bind(READABLE));
    case 'persistEntry': {
      const named = namedPaths(body);
      if (Array.isArray(p.assets) && p.assets.length > 0) return 'This timeline takes no uploads.';
      // Decap sends `newPath` only for collections with a `path` template, which ours lack. decap-server's rename
      // would move every file of the entry's folder along (all of content/events/ into drafts/), and a rename that
      // fails is a rejection nobody awaits, which ends the preview.
      if (savedFiles(p).some((f) => f?.newPath !== undefined)) return 'The editor renames no files: save the entry under its own path.';
      return named.length === 0 ? 'Expected the entry to save.' : check(named, WRITABLE);
    }
    case 'deleteFile':
    case 'deleteFiles':
      return check(namedPaths(body), WRITABLE);
    default:
      return `Unknown action \`${action}\`.`;
  }
}

const str = (v: unknown): string[] => (typeof v === 'string' ? [v] : []);

/** The files a save names, as decap-server reads them: `dataFiles`, else the one `entry`. */
const savedFiles = (p: Record<string, unknown>) =>
  (Array.isArray(p.dataFiles) ? p.dataFiles : p.entry ? [p.entry] : []) as ({ path?: unknown; newPath?: unknown } | null)[];

/** The paths a request reads, writes, renames to or deletes. */
function namedPaths(body: unknown): string[] {
  const { action, params } = (body ?? {}) as { action?: unknown; params?: Record<string, unknown> };
  const p = params ?? {};
  switch (action) {
    case 'persistEntry':
      return savedFiles(p).flatMap((f) => [...str(f?.path), ...str(f?.newPath)]);
    case 'deleteFile':
    case 'getEntry':
      return str(p.path);
    case 'deleteFiles':
      return Array.isArray(p.paths) ? p.paths.flatMap(str) : [];
    case 'entriesByFolder':
      return str(p.folder);
    case 'entriesByFiles':
      return Array.isArray(p.files) ? p.files.flatMap((f) => str(typeof f === 'string' ? f : (f as { path?: unknown } | null)?.path)) : [];
    default:
      return [];
  }
}

/**
 * The first path that is a symbolic link or lies in a linked folder, as a sentence; null when none does.
 * decap-server follows links and checks only that the target is inside the project, so a link committed as
 * `content/events/x.md -> ../../package.json` would be overwritten by saving the entry, or deleted with it, and
 * shown to anyone who can open a read-only editor (`--host=0.0.0.0`).
 */
export async function linkOnTheWay(projectRoot: string, paths: readonly string[]): Promise<string | null> {
  for (const path of paths) {
    const segments = path.split('/');
    for (let i = 1; i <= segments.length; i++) {
      const stats = await lstat(join(projectRoot, ...segments.slice(0, i))).catch(() => null);
      if (!stats) break;
      if (stats.isSymbolicLink()) return `The editor does not follow symbolic links, and \`${segments.slice(0, i).join('/')}\` is one: replace it with the file itself.`;
    }
  }
  return null;
}

function check(paths: string[], allowed: (path: string) => boolean): string | null {
  if (paths.length === 0) return 'Expected a path.';
  const bad = paths.find((path) => path.includes('..') || !allowed(path));
  return bad === undefined ? null : `The editor may not touch \`${bad}\`: only event files in content/events/ and drafts in drafts/.`;
}
