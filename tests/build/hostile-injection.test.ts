import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/project.ts';
import { HOSTILE_EVENT, HOSTILE_SOURCE, writeHostileContent } from './hostile-content.ts';

/** Script injection through every field an editor writes: the build succeeds, and nothing becomes live markup. */
let project: string;
let out: string;
const pages = new Map<string, string>();

async function files(dir: string, ext: RegExp): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && ext.test(entry.name)) found.push(join(entry.parentPath, entry.name));
  }
  return found;
}

beforeAll(async () => {
  project = await tempProject();
  await writeHostileContent(project);
  out = join(project, 'out');
  const run = runCli('build.ts', ['--quiet', `--output=${out}`], project);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  for (const file of await files(out, /\.(?:html|xml)$/)) pages.set(relative(out, file), await readFile(file, 'utf8'));
});
afterAll(() => rm(project, { recursive: true, force: true }));

/** Tags as the browser would see them, with JSON-LD blocks taken out (checked on their own below). */
const tags = (html: string) => html.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, '').match(/<[a-z][^>]*>/gi) ?? [];

describe('hostile content in a successful build', () => {
  it('reaches the event page, the source page and the timeline as text', () => {
    const event = pages.get(`events/${HOSTILE_EVENT}/index.html`)!;
    const source = pages.get(`sources/${HOSTILE_SOURCE}/index.html`)!;
    expect(event).toContain('&lt;script&gt;window.__pwned=');
    expect(event).toContain('{{ 7 * 7 }}');
    // The attribution is the article's wording, shown with typographic quotation marks like every quote.
    expect(event).toContain('According to &lt;img id=”pwned-claim-attribution”');
    expect(source).toContain('The &lt;img id=&quot;pwned-publisher&quot;');
    expect(pages.get('index.html')).toContain('&lt;script&gt;window.__pwned=&#39;title&#39;');
  });

  it('creates no element, handler, script or javascript: link from content, on any page or feed', () => {
    const mentioning = [...pages].filter(([, html]) => html.includes('pwned'));
    expect(mentioning.length).toBeGreaterThan(3);
    for (const [path, html] of mentioning) {
      for (const tag of tags(html)) {
        // Attribute values are escaped text; what matters is which attributes a tag has.
        const attributes = [...tag.matchAll(/\s([^\s=>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].map((m) => [m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? ''] as const);
        for (const [name, value] of attributes) {
          expect(name, `${path}: ${tag}`).not.toMatch(/^on/);
          if (name === 'id') expect(value, `${path}: ${tag}`).not.toMatch(/^pwned-/);
          if (name === 'href' || name === 'src') expect(value.trim(), `${path}: ${tag}`).not.toMatch(/^(?:javascript|data|vbscript):/i);
        }
        expect(tag, path).not.toMatch(/^<(?:iframe|object|embed)\b/i);
        if (/^<script\b/i.test(tag)) expect(tag, path).toMatch(/^<script (?:type="application\/ld\+json"|src="[^"]+"(?: defer)?|type="module" src="[^"]+")>$/);
      }
      expect(html, path).not.toContain("<script>window.__pwned");
    }
  });

  it('keeps JSON-LD closed: no `<` from content inside a script block', () => {
    const event = pages.get(`events/${HOSTILE_EVENT}/index.html`)!;
    const blocks = [...event.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      expect(block).not.toContain('<');
      expect(JSON.stringify(JSON.parse(block))).toContain('pwned');
    }
  });

  it('links to the hostile source address only as an escaped attribute', () => {
    const source = pages.get(`sources/${HOSTILE_SOURCE}/index.html`)!;
    const hrefs = [...source.matchAll(/href="([^"]*example\.org[^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).not.toMatch(/[<>"]/);
  });
});

describe('hostile addresses are refused before anything is written', () => {
  /** Runs `check` with the file's `url:` line set to `url`, given that line's number; puts the file back after. */
  async function withUrl(file: string, url: string, check: (line: number) => void): Promise<void> {
    const path = join(project, file);
    const before = await readFile(path, 'utf8');
    const lines = before.split('\n');
    const at = lines.findIndex((l) => l.startsWith('url:'));
    lines[at] = `url: ${JSON.stringify(url)}`;
    await writeFile(path, lines.join('\n'));
    try {
      check(at + 1);
    } finally {
      await writeFile(path, before);
    }
  }

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
  ])('a %s source url: exit 1 at its line, nothing written', async (scheme, url) => {
    await withUrl(`content/sources/${HOSTILE_SOURCE}.md`, url, (line) => {
      const name = `out-url-${scheme.replace(':', '')}`;
      const run = runCli('build.ts', ['--quiet', `--output=${name}`], project);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`content/sources/${HOSTILE_SOURCE}.md:${line}:6  url: Unexpected text`);
      expect(run.stderr).toContain('(expected an http:// or https:// address)  schema/format');
      expect(existsSync(join(project, name))).toBe(false);
    });
  });

  // Pages load their scripts and stylesheet from the site address's path: one a browser reads as `//evil.example/…`
  // would load them from that host.
  it.each([
    ['a doubled slash', 'https://example.org//evil.example'],
    ['a backslash', 'https://example.org/\\evil.example'],
    ['a dot segment', 'https://example.org/news/..//evil.example'],
  ])('a site url whose path has %s: refused in site.yml, SITE_URL and --site-url, nothing written', async (_, url) => {
    await withUrl('content/site.yml', url, (line) => {
      const run = runCli('build.ts', ['--quiet', '--output=out-site-url'], project);
      expect(run.stderr).toContain(`content/site.yml:${line}:6  url: `);
      expect(run.status).toBe(1);
    });
    for (const [args, env] of [[[`--site-url=${url}`], {}], [[], { SITE_URL: url }]] as const) {
      const run = runCli('build.ts', ['--quiet', '--output=out-site-url', ...args], project, env);
      expect(run.stderr).toContain('expected an http:// or https:// address');
      expect(run.status).toBe(2);
    }
    expect(existsSync(join(project, 'out-site-url'))).toBe(false);
  });
});
