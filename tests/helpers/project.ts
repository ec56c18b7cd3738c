import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';

export const ROOT = resolve(import.meta.dirname, '../..');

/** A throwaway copy of the project: real code and templates (linked), its own copy of content/ to break. */
export async function tempProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'nt-project-'));
  for (const name of ['src', 'templates', 'node_modules', '.eleventy.ts', 'package.json', 'tsconfig.json']) {
    await symlink(join(ROOT, name), join(dir, name));
  }
  await cp(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's CLIs exactly as npm does, in `cwd`. */
export function runCli(script: string, args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli', script), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` with a hash of its bytes, for "nothing changed" checks. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
    }
  };
  await walk(dir);
  return out;
}
