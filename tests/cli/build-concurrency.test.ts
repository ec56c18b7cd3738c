import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, snapshot, tempProject, type Run } from '../helpers/project.ts';

/**
 * Atomic builds: two builds into one output at once give one complete site (one waits for the other), a build
 * that fails while rendering leaves the previous site exactly as it was, and a lock left by a dead build is
 * taken over.
 */
let project: string;
let reference: Record<string, string>;

/** Starts a build without waiting for it; its output so far is readable while it runs. */
function start(args: string[], cwd = project): { output: { stdout: string; stderr: string }; done: Promise<Run> } {
  const output = { stdout: '', stderr: '' };
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/build.ts'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '' } });
  child.stdout.on('data', (d) => (output.stdout += d));
  child.stderr.on('data', (d) => (output.stderr += d));
  const done = new Promise<Run>((resolve) => child.on('close', (status) => resolve({ status, ...output })));
  return { output, done };
}
async function until(condition: () => boolean, ms = 60_000): Promise<void> {
  for (const end = Date.now() + ms; !condition(); ) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
const leftovers = async (name: string) => (await readdir(project)).filter((n) => n.startsWith(`.${name}`));
const withoutBenchmarks = (s: string) => s.replace(/^\[11ty\] Benchmark .*\n/gm, '');

beforeAll(async () => {
  project = await tempProject();
  const run = runCli('build.ts', ['--quiet', '--output=reference'], project);
  expect(run.status).toBe(0);
  reference = await snapshot(join(project, 'reference'));
});
afterAll(() => rm(project, { recursive: true, force: true }));

describe('concurrent builds', () => {
  it('two builds started at once into the same output both succeed, and leave one complete site', async () => {
    const [a, b] = await Promise.all([start(['--output=site']).done, start(['--output=site']).done]);
    expect([a.status, b.status]).toEqual([0, 0]);
    expect(withoutBenchmarks(a.stderr + b.stderr)).toBe('');
    expect(await snapshot(join(project, 'site'))).toEqual(reference);
    expect(await leftovers('site')).toEqual([]);
  });

  it('a build waits, saying so, while another holds the output', async () => {
    // A live process (this test runner) holds the lock, as a running build would.
    const lock = join(project, '.held.lock');
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: hostname(), started: '' }));
    const waiting = start(['--output=held']);
    await until(() => waiting.output.stdout.includes('waiting'));
    expect(waiting.output.stdout).toContain(`Another build (process ${process.pid}) is writing held/; waiting for it to finish…`);
    expect(existsSync(join(project, 'held'))).toBe(false);
    await unlink(lock);
    const run = await waiting.done;
    expect(run.status).toBe(0);
    expect(await snapshot(join(project, 'held'))).toEqual(reference);
    expect(await leftovers('held')).toEqual([]);
  });

  it('takes over a lock left by a build that no longer runs, and clears its half-written folder', async () => {
    // A pid that has exited: spawn a process, wait for it, and use its id.
    const gone = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '0']);
      child.on('close', () => resolve(child.pid!));
    });
    await writeFile(join(project, '.stale.lock'), JSON.stringify({ pid: gone, host: hostname(), started: '' }));
    await cp(join(project, 'reference'), join(project, `.stale-build-${gone}-abc123`), { recursive: true });
    const run = runCli('build.ts', ['--output=stale'], project, { CI: '' });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('waiting');
    expect(await snapshot(join(project, 'stale'))).toEqual(reference);
    expect(await leftovers('stale')).toEqual([]);
  });
});

describe('a build that fails while rendering', () => {
  it('leaves the previous site exactly as it was, with no staging folder', async () => {
    // A project whose templates can be broken without touching the real ones.
    const broken = await tempProject();
    try {
      await unlink(join(broken, 'templates'));
      await cp(join(ROOT, 'templates'), join(broken, 'templates'), { recursive: true });
      expect(runCli('build.ts', ['--quiet'], broken).status).toBe(0);
      const before = await snapshot(join(broken, '_site'));
      const page = join(broken, 'templates/_includes/pages/event.njk');
      await writeFile(page, (await readFile(page, 'utf8')).replace('{{ e.title }}', '{{ e.title | no_such_filter }}'));
      const run = runCli('build.ts', ['--quiet'], broken);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain('no_such_filter');
      expect(await snapshot(join(broken, '_site'))).toEqual(before);
      expect((await readdir(broken)).filter((n) => n.startsWith('._site'))).toEqual([]);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});

