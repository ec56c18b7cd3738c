import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

export interface HtmlProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Where the vnu-jar package keeps the Nu HTML Checker. */
export function vnuJarPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
}

/** Runs the Nu HTML Checker (Java) over every HTML file under `dir`; returns its errors with positions. */
export async function checkHtml(dir: string): Promise<HtmlProblem[]> {
  const args = ['-jar', vnuJarPath(), '--errors-only', '--skip-non-html', '--format', 'json', dir];
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn('java', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (exit) => resolve({ code: exit, stderr: err }));
  });
  let report: { messages?: { type: string; url?: string; lastLine?: number; firstColumn?: number; lastColumn?: number; message: string }[] };
  try {
    report = JSON.parse(stderr);
  } catch {
    throw new Error(`The Nu HTML Checker did not run (exit ${code}): ${stderr.slice(0, 500)}`);
  }
  return (report.messages ?? [])
    .filter((m) => m.type === 'error')
    .map((m) => ({
      file: m.url ? relative(dir, new URL(m.url).pathname).split(sep).join('/') : '(unknown)',
      line: m.lastLine ?? 0,
      column: m.firstColumn ?? m.lastColumn ?? 0,
      message: m.message,
    }));
}
