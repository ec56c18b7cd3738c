import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from '../../src/build/output-guard.ts';
import { until as waitUntil } from '../helpers/editor.ts';
import { ROOT, tempProject } from '../helpers/project.ts';

/**
 * Issue 20: the preview answers while a build keeps its thread busy. Here a template's computed data marks that the
 * build has reached it, then never returns: a preview whose server shared the build's event loop would answer
 * nothing from then on; with the builds in a process of their own, every page is served, under the notice.
 */
let project: string;
let child: ChildProcess;
const output = { stdout: '', stderr: '' };
const OLD = '<!doctype html><html lang="en"><head><title>Earlier</title></head><body><h1>The last good site</h1></body></html>\n';
const MARK = 'busy-build-started';

const until = <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 60_000): Promise<T> =>
  waitUntil(what, probe, ms, () => `stdout:\n${output.stdout}\nstderr:\n${output.stderr}`);

beforeAll(async () => {
  project = await tempProject();
  await unlink(join(project, 'templates'));
  await cp(join(ROOT, 'templates'), join(project, 'templates'), { recursive: true });
  await writeFile(join(project, 'templates/busy.njk'), '<p>never rendered</p>\n');
  await writeFile(
    join(project, 'templates/busy.11tydata.js'),
    `import { writeFileSync } from 'node:fs';\nexport default { eleventyComputed: { permalink: () => { writeFileSync(${JSON.stringify(join(project, MARK))}, ''); for (;;); } } };\n`,
  );
  const site = join(project, '_site');
  await mkdir(site);
  await writeFile(join(site, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
  await writeFile(join(site, 'index.html'), OLD);
  child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/build.ts'), '--serve', '--port=0'], {
    cwd: project,
    env: { ...process.env, NO_COLOR: '1', CI: '' },
  });
  child.stdout!.on('data', (d) => (output.stdout += d));
  child.stderr!.on('data', (d) => (output.stderr += d));
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    // A server stuck behind the build could not even hear SIGTERM.
    const stuck = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(stuck);
  }
  await rm(project, { recursive: true, force: true });
});

describe('npm start while its build never yields', () => {
  it('keeps serving the last good site, with the rebuilding notice', async () => {
    const base = await until('the preview address', () => /Preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.stdout)?.[1]);
    await until('the build to reach the busy template', () => (existsSync(join(project, MARK)) ? true : undefined));
    for (let i = 0; i < 5; i++) {
      const res = await fetch(base, { signal: AbortSignal.timeout(20_000) });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<h1>The last good site</h1>');
      expect(html).toContain('<div id="__preview-notice" role="status"');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(output.stdout).not.toContain('Built the site');
    expect(await readFile(join(project, '_site/index.html'), 'utf8')).toBe(OLD);
  });

  it('stops on SIGTERM though its build is still running, and leaves no lock behind', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(project, '._site.lock'))).toBe(false);
  });
});
