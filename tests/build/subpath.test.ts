import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAnchors } from '../../src/verify/anchors.ts';
import { checkLinks } from '../../src/verify/links.ts';
import { runCli } from '../helpers/project.ts';

/** The site must work from a path prefix, as on GitHub Pages: https://owner.github.io/news-timeline/. */
const SITE_URL = 'https://owner.example.org/news-timeline';
let base: string;
let out: string;
let files: string[];

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'nt-subpath-'));
  out = join(base, '_site');
  const run = runCli('build.ts', [`--output=${out}`, '--quiet', `--site-url=${SITE_URL}`]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  files = (await readdir(out, { recursive: true })).filter((f) => /\.(html|xml|json|txt|js|css)$/.test(f));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('a build under /news-timeline/', () => {
  it('puts every root-relative link and asset under the prefix', async () => {
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = await readFile(join(out, file), 'utf8');
      for (const [, attr, value] of html.matchAll(/\s(href|src|action)="(\/[^"]*)"/g)) {
        expect(value!.startsWith('/news-timeline/'), `${file}: ${attr}="${value}"`).toBe(true);
      }
    }
  });

  it('builds absolute URLs (canonical, feeds, JSON) from the prefixed site URL', async () => {
    let absolute = 0;
    for (const file of files) {
      const text = await readFile(join(out, file), 'utf8');
      for (const [url] of text.matchAll(/https:\/\/owner\.example\.org[^"'<\s)]*/g)) {
        absolute++;
        expect(url.startsWith(`${SITE_URL}/`), `${file}: ${url}`).toBe(true);
      }
    }
    expect(absolute).toBeGreaterThan(40);
  });

  it('resolves every internal link and anchor when served under the prefix', async () => {
    const links = await checkLinks(out, '/news-timeline/');
    expect(links.broken).toEqual([]);
    expect(links.checked).toBeGreaterThan(40);
    const anchors = await checkAnchors(out, '/news-timeline/');
    expect(anchors.broken).toEqual([]);
    expect(anchors.checked).toBeGreaterThan(39);
  });
});
