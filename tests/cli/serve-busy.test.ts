import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from '../../src/build/output-guard.ts';
import { spawnPreview, type Preview } from '../helpers/editor.ts';
import { ROOT, tempProject } from '../helpers/project.ts';

/**
 * Issue 20: the preview answers while a build keeps its thread busy. Here a template's computed data marks that the
 * build has reached it, then never returns: a preview whose server shared the build's event loop would answer
 * nothing from then on; with the builds in a process of their own, every page is served, under the notice.
 */
let project: string;
let preview: Preview;
let child: ChildProcess;
let output: Preview['output'];
const OLD = '<!doctype html><html lang="en"><head><title>Earlier</title></head><body><h1>The last good site</h1></body></html>\n';
const MARK = 'busy-build-started';

const until = <T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> => preview.until(what, probe);

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
  preview = spawnPreview(project);
  ({ child, output } = preview);
});

afterAll(async () => {
  await preview?.stop();
  await rm(project, { recursive: true, force: true });
});

describe('npm start while its build never yields', () => {
  it('keeps serving the last good site, with the rebuilding notice', async () => {
    const base = await preview.address();
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
