import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireOutputLock } from '../../src/build/output-lock.ts';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from '../../src/build/output-guard.ts';
import { spawnPreview, type Preview } from '../helpers/editor.ts';
import { tempProject } from '../helpers/project.ts';

/**
 * Issue 20: `npm start` on a project whose `_site/` holds an earlier build serves that site at once, with a
 * "rebuilding…" notice on its pages, while the fresh build runs behind it. The test holds the output lock, so the
 * first build cannot finish until the test lets it: a page served meanwhile was served before that build finished.
 */
let project: string;
let preview: Preview;
let release: (() => Promise<void>) | null = null;
let output: Preview['output'];
const OLD = '<!doctype html><html lang="en"><head><title>Earlier</title></head><body><h1>The last good site</h1></body></html>\n';

const until = <T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> => preview.until(what, probe);

beforeAll(async () => {
  project = await tempProject();
  const site = join(project, '_site');
  await mkdir(site);
  await writeFile(join(site, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
  await writeFile(join(site, 'index.html'), OLD);
  release = await acquireOutputLock(site);
  preview = spawnPreview(project);
  ({ output } = preview);
});

afterAll(async () => {
  await release?.();
  await preview?.stop();
  await rm(project, { recursive: true, force: true });
});

describe('npm start with an earlier build in _site/', () => {
  let base: string;

  it('serves the earlier site, with a rebuilding notice, while its first build cannot finish', async () => {
    base = await preview.address();
    const res = await fetch(base);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>The last good site</h1>');
    expect(html).toMatch(/<div id="__preview-notice" role="status" style="[^"]+">Rebuilding… this page shows the last good build until the new one is ready\.<\/div><script src="\/__preview\/client\.js" defer><\/script><\/body>/);
    // The lock is still the test's: the first build has not written anything.
    expect(output.stdout).not.toContain('Built the site');
    expect(existsSync(join(project, '_site/events'))).toBe(false);
  });

  it('swaps in the fresh build once it finishes, and the notice goes', async () => {
    await release!();
    release = null;
    await until('the first build', () => (/^Built the site in \S+ s; the preview shows it\.$/m.test(output.stdout) ? true : undefined));
    const html = await (await fetch(base)).text();
    expect(html).not.toContain('The last good site');
    expect(html).not.toContain('__preview-notice');
    expect(existsSync(join(project, '_site/events/blockade/index.html'))).toBe(true);
    expect(output.stderr).toBe('');
  });
});
