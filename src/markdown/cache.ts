import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RENDERER_ID } from './render.ts';

/** The environment variable that moves the cache (CI keeps it between commits); `--cache-dir` overrides it. */
export const CACHE_DIR_ENV = 'NEWS_TIMELINE_CACHE_DIR';

/** Where a project's build keeps its cache unless told otherwise: beside other tools' caches, gone with node_modules. */
export function defaultCacheDir(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[CACHE_DIR_ENV] || join(projectRoot, 'node_modules', '.cache', 'news-timeline');
}

const FILE = 'bodies.json';

interface CacheFile {
  renderer: string;
  /** [key, html] pairs: the key is bodyKey(body). */
  bodies: [string, string][];
}

/** A body's key: its text and the renderer's identity (versions and options), so an upgrade never reads stale HTML. */
export function bodyKey(body: string): string {
  return createHash('sha256').update(RENDERER_ID).update('\0').update(body).digest('base64url');
}

/**
 * Rendered Markdown bodies kept between builds, by content hash: a build after a one-event edit renders that one
 * body. One JSON file, safe to delete at any time: a missing, unreadable or foreign file is an empty cache, and a
 * cache that cannot be written costs the next build its renders, never this build its output. The HTML is
 * renderMarkdown's own (same key, same output), so a hit is byte-identical to a render.
 */
export class BodyCache {
  private readonly used = new Map<string, string>();

  private constructor(
    private readonly dir: string | null,
    private readonly previous: Map<string, string>,
  ) {}

  /** The cache in `dir`, or one that forgets everything when `dir` is null. */
  static async open(dir: string | null): Promise<BodyCache> {
    if (!dir) return new BodyCache(null, new Map());
    try {
      const file = JSON.parse(await readFile(join(dir, FILE), 'utf8')) as CacheFile;
      const ok = file.renderer === RENDERER_ID && Array.isArray(file.bodies);
      return new BodyCache(dir, new Map(ok ? file.bodies : []));
    } catch {
      return new BodyCache(dir, new Map());
    }
  }

  get(key: string): string | undefined {
    const html = this.used.get(key) ?? this.previous.get(key);
    if (html !== undefined) this.used.set(key, html);
    return html;
  }

  set(key: string, html: string): void {
    this.used.set(key, html);
  }

  /**
   * Writes the bodies this build used, then older ones up to as many again (another project sharing the folder, a
   * branch switched back), so the file stays near the size of one site. Written beside and renamed over the old
   * file, so a build reading it meanwhile sees one whole version or the other.
   */
  async save(): Promise<void> {
    if (!this.dir) return;
    const bodies = [...this.used];
    const limit = 2 * this.used.size + 1000;
    for (const entry of this.previous) {
      if (bodies.length >= limit) break;
      if (!this.used.has(entry[0])) bodies.push(entry);
    }
    const temp = join(this.dir, `.${FILE}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(temp, JSON.stringify({ renderer: RENDERER_ID, bodies } satisfies CacheFile));
      await rename(temp, join(this.dir, FILE));
    } catch {
      // A read-only or full disk: the next build renders afresh.
      await rm(temp, { force: true }).catch(() => {});
    }
  }
}
