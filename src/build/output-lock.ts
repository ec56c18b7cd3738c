import { readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { readFileSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * One build at a time per output folder. The lock is a file beside the output (`._site.lock` for `_site/`),
 * created exclusively, holding the owner's process id and that process's start time: a second build waits for the
 * first to finish instead of racing it to swap folders. A lock left by a process that no longer runs (a crash, a
 * `kill -9`) is taken over, and so is one whose process id now belongs to another process (ids are reused after a
 * reboot or a wrap-around): its start time differs from the one recorded.
 */
export interface LockOptions {
  /** Called once if another build holds the lock, with its process id. */
  onWait?: (holder: LockHolder) => void;
  pollMs?: number;
  /** Give up after this long; a build should never take this long to render. */
  timeoutMs?: number;
}

export interface LockHolder {
  pid: number;
  host: string;
  started: string;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22), where the system has /proc. */
  processStart?: string | null;
  /** Random, so that a lock file is told apart from one that another build wrote in its place. */
  token?: string;
}

/** A process's start time from /proc, or null where there is no /proc (macOS) or no such process. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command name) may hold spaces and brackets: count fields from the last `)`.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}

export const lockPath = (outputDir: string) => join(dirname(outputDir), `.${basename(outputDir)}.lock`);

export async function acquireOutputLock(outputDir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const path = lockPath(outputDir);
  const pollMs = options.pollMs ?? 150;
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    processStart: processStartTime(process.pid),
    token: randomBytes(8).toString('hex'),
  };
  let told = false;
  for (;;) {
    try {
      await writeFile(path, JSON.stringify(me), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    if (holder === 'gone') continue;
    if (holder !== 'unreadable' && !isAlive(holder)) {
      // Left by a process that is no longer running: take it over.
      await unlink(path).catch(() => {});
      continue;
    }
    if (holder === 'unreadable' && (await ageMs(path)) > 10_000) {
      await unlink(path).catch(() => {});
      continue;
    }
    if (!told && holder !== 'unreadable') {
      told = true;
      options.onWait?.(holder);
    }
    if (Date.now() > deadline) {
      const who = holder === 'unreadable' ? 'another build' : `process ${holder.pid} (since ${holder.started})`;
      throw new LockTimeoutError(`The output is locked by ${who}: ${path} is still there after waiting. If no build is running, delete that file.`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  // If the process dies without releasing (an uncaught error, process.exit), the exit hook still removes it.
  const releaseSync = () => {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  };
  process.once('exit', releaseSync);
  return async () => {
    process.removeListener('exit', releaseSync);
    // Only our own lock: if it was taken over meanwhile, the file is the new holder's.
    const holder = await readHolder(path);
    if (holder === 'gone' || holder === 'unreadable' || holder.token === undefined || holder.token === me.token) await unlink(path).catch(() => {});
  };
}

async function readHolder(path: string): Promise<LockHolder | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return 'gone';
  }
  try {
    const value = JSON.parse(text) as LockHolder;
    return typeof value.pid === 'number' ? value : 'unreadable';
  } catch {
    // Being written this very moment, or garbage.
    return 'unreadable';
  }
}

export function isAlive(holder: LockHolder): boolean {
  // A lock from another machine (a shared folder) cannot be checked: treat it as held.
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return holder.processStart == null || holder.processStart === processStartTime(process.pid);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // The id runs, but is it still the process that wrote the lock? Older locks and systems without /proc cannot say.
  if (holder.processStart == null) return true;
  const now = processStartTime(holder.pid);
  return now === null || now === holder.processStart;
}

async function ageMs(path: string): Promise<number> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Removes staging and old folders (`._site-build-<pid>-…`, `._site-old-<pid>-…`) that a build killed mid-way
 * left behind. Only folders of processes that no longer run are touched; call it while holding the lock.
 */
export async function sweepLeftovers(outputDir: string): Promise<void> {
  const parent = dirname(outputDir);
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(outputDir))}-(?:build|old)-(\\d+)-[a-z0-9]+$`);
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive({ pid, host: hostname(), started: '' })) continue;
    await rm(join(parent, name), { recursive: true, force: true });
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
