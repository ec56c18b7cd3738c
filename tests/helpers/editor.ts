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

/** `npm run edit` in `project`: builds, serves the preview on a free port, and prints the editor's address. */
export async function startEditor(project: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunningEditor> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/build.ts'), '--serve', '--edit', '--port=0', ...args], {
    cwd: project,
    env: { ...process.env, NO_COLOR: '1', CI: '', ...env },
  });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d) => (output.stdout += d));
  child.stderr!.on('data', (d) => (output.stderr += d));
  const log = () => `stdout:\n${output.stdout}\nstderr:\n${output.stderr}`;
  const base = await until('the preview address', () => /Preview: (http:\/\/(?:127\.0\.0\.1|localhost):\d+\/)/.exec(output.stdout)?.[1], 120_000, log);
  // The editor's line is a write of its own after the preview's, so a pipe may hand it over later.
  await until('the editor address', () => (/^Editor: /m.test(output.stdout) ? true : undefined), 10_000, log);
  return {
    base,
    output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
