import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Indexes a rendered site with Pagefind and writes the search bundle to `<siteDir>/pagefind/`. Runs offline on
 * the binary npm installed (@pagefind/<platform>); only content marked `data-pagefind-body` (events and sources)
 * is indexed. Readers' browsers load the bundle only when they search.
 *
 * The CLI, not the Node API: the API's writeFiles() sometimes resolved before its files were flushed, leaving
 * empty files in the bundle; the CLI has finished writing when it exits.
 */
export async function indexSite(siteDir: string, language: string): Promise<void> {
  // The package exports only its API (lib/index.js); its CLI runner sits beside it.
  const bin = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner', 'bin.cjs');
  const args = [bin, '--site', siteDir, '--force-language', language.split('-')[0]!, '--quiet'];
  const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (exit) => resolve({ code: exit, out: text }));
  });
  if (code !== 0) throw new Error(`Internal error: the search index could not be built (pagefind exited ${code}): ${out.trim()}`);
}
