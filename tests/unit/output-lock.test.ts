import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireOutputLock, isAlive, LockTimeoutError, lockPath, processStartTime } from '../../src/build/output-lock.ts';

/** Issue 18: a lock naming a live process that is not the build which wrote it is stale. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nt-lock-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const holder = (pid: number, processStart: string | null) => ({ pid, host: hostname(), started: '2023-09-20T00:00:00.000Z', processStart, token: 'other' });

describe('processStartTime', () => {
  it('reads field 22 of /proc/<pid>/stat, stable for one process and different for a later one', () => {
    const mine = processStartTime(process.pid);
    expect(mine).toMatch(/^\d+$/);
    expect(processStartTime(process.pid)).toBe(mine);
    // This process started after its parent.
    expect(Number(processStartTime(process.ppid))).toBeLessThanOrEqual(Number(mine));
    expect(processStartTime(2 ** 22 + 1)).toBeNull();
  });
});

describe('isAlive', () => {
  it('a live pid with the recorded start time holds the lock; with another start time (pid reuse) it does not', () => {
    const parentStart = processStartTime(process.ppid)!;
    expect(isAlive(holder(process.ppid, parentStart))).toBe(true);
    expect(isAlive(holder(process.ppid, String(Number(parentStart) + 1)))).toBe(false);
    expect(isAlive(holder(1, '999999999999'))).toBe(false);
  });
});

describe('acquireOutputLock', () => {
  it('takes over a lock that names a live but unrelated process, and writes its own start time and a token', async () => {
    const out = join(dir, 'site-a');
    await writeFile(lockPath(out), JSON.stringify(holder(1, '999999999999')));
    const release = await acquireOutputLock(out, { pollMs: 10, timeoutMs: 2000 });
    const written = JSON.parse(await readFile(lockPath(out), 'utf8'));
    expect(written).toMatchObject({ pid: process.pid, processStart: processStartTime(process.pid) });
    expect(written.token).toMatch(/^[0-9a-f]{16}$/);
    await release();
    expect(existsSync(lockPath(out))).toBe(false);
  });

  it('waits for a lock whose process is the one that wrote it, and says who holds it when it gives up', async () => {
    const out = join(dir, 'site-b');
    await writeFile(lockPath(out), JSON.stringify(holder(process.ppid, processStartTime(process.ppid))));
    const waited: number[] = [];
    const taking = acquireOutputLock(out, { pollMs: 10, timeoutMs: 100, onWait: (h) => waited.push(h.pid) });
    await expect(taking).rejects.toThrow(LockTimeoutError);
    await expect(taking).rejects.toThrow(`The output is locked by process ${process.ppid} (since 2023-09-20T00:00:00.000Z)`);
    expect(waited).toEqual([process.ppid]);
  });
});
