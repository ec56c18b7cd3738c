import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './project.ts';

export interface RunningEditor {
  /** The preview's address, `http://127.0.0.1:<port>/`. */
  base: string;
  output: { stdout: string; stderr: string };
  stop(): Promise<void>;
}

/** Polls `probe` until it gives a value; the wait is bounded, never timed. */
export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 60_000, log?: () => string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}.${log ? `\n${log()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `npm start` (with `args`) in `project`, on a free port, its output collected as it comes. */
export interface Preview {
  child: ChildProcess;
  output: { stdout: string; stderr: string };
  /** `until`, with the preview's output in the message of a timeout. */
  until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms?: number): Promise<T>;
  /** The address the preview prints once it listens, `http://127.0.0.1:<port>/`. */
  address(ms?: number): Promise<string>;
  /** SIGTERM, then SIGKILL after 10 s: a server stuck behind its build might not hear the first. */
  stop(): Promise<void>;
}

export function spawnPreview(project: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Preview {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/build.ts'), '--serve', '--port=0', ...args], {
    cwd: project,
    env: { ...process.env, NO_COLOR: '1', CI: '', ...env },
  });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d) => (output.stdout += d));
  child.stderr!.on('data', (d) => (output.stderr += d));
  const log = () => `stdout:\n${output.stdout}\nstderr:\n${output.stderr}`;
  const wait = <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 60_000) => until(what, probe, ms, log);
  return {
    child,
    output,
    until: wait,
    address: (ms = 60_000) => wait('the preview address', () => /Preview: (http:\/\/(?:127\.0\.0\.1|localhost):\d+\/)/.exec(output.stdout)?.[1], ms),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const stuck = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(stuck);
    },
  };
}

/** `npm run edit` in `project`: builds, serves the preview on a free port, and prints the editor's address. */
export async function startEditor(project: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunningEditor> {
  const preview = spawnPreview(project, ['--edit', ...args], env);
  const base = await preview.address(120_000);
  // The editor's line is a write of its own after the preview's, so a pipe may hand it over later.
  await preview.until('the editor address', () => (/^Editor: /m.test(preview.output.stdout) ? true : undefined), 10_000);
  return { base, output: preview.output, stop: () => preview.stop() };
}
