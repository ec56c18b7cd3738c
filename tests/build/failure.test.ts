import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, snapshot, tempProject } from '../helpers/project.ts';

let project: string;

beforeAll(async () => {
  project = await tempProject();
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('a build with bad content', () => {
  it('names file, line and field, exits 1 without a stack trace, and leaves the previous site as it was', async () => {
    const good = runCli('build.ts', ['--quiet'], project);
    expect(good.status).toBe(0);
    const before = await snapshot(join(project, '_site'));
    expect(Object.keys(before)).toContain('index.html');

    await writeFile(
      join(project, 'content/events/broken.md'),
      ['---', 'title: "Broken"', 'date: "2023-09-31"', 'category: military', 'sources:', '  - id: no-such-source', '    quote: "anything at all here"', '---', 'Body.', ''].join('\n'),
    );
    const bad = runCli('build.ts', ['--quiet'], project);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('content/events/broken.md:3:7  date: `2023-09-31` is not a day on the calendar.');
    expect(bad.stderr).toContain('content/events/broken.md:6:9  sources[0].id: Unknown source `no-such-source`.');
    expect(bad.stderr).toContain('2 errors');
    expect(bad.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(await snapshot(join(project, '_site'))).toEqual(before);
    // No staging folders are left behind.
    expect((await readdir(project)).filter((n) => n.startsWith('._site'))).toEqual([]);
    await rm(join(project, 'content/events/broken.md'));
  });

  it('treats malformed YAML as a content error with its line', async () => {
    await writeFile(join(project, 'content/events/bad-yaml.md'), '---\ntitle: "Unclosed\ndate: "2023-09-20"\n---\nBody\n');
    const run = runCli('build.ts', ['--quiet', '--output=out-yaml'], project);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/content\/events\/bad-yaml\.md:\d+:\d+ {2}The front matter is not valid YAML/);
    expect((await readdir(project)).includes('out-yaml')).toBe(false);
    await rm(join(project, 'content/events/bad-yaml.md'));
  });

  it('rejects unknown options as a usage error (exit 2)', () => {
    const run = runCli('build.ts', ['--outptu=x'], project);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Unknown option --outptu');
  });
});

describe('hostile content', () => {
  it('never reaches the page as live markup', async () => {
    const file = join(project, 'content/events/hostile.md');
    await writeFile(
      file,
      [
        '---',
        'title: "<script>alert(1)</script> and <img src=x onerror=alert(2)>"',
        'date: "2023-09-20"',
        'category: military',
        'sources:',
        '  - id: azerbaijan-halts-operation',
        '    quote: "Russian peacekeepers and separatist forces evacuated thousands of civilians from the fighting."',
        '---',
        'Body <script>alert(3)</script> <a href="javascript:alert(4)">x</a> [y](javascript:alert(5)) <iframe src="https://example.org"></iframe> {{ 7 * 7 }}',
        '',
      ].join('\n'),
    );
    const run = runCli('build.ts', ['--quiet', '--output=out-hostile'], project);
    expect(run.status).toBe(0);
    const page = await readFile(join(project, 'out-hostile/events/hostile/index.html'), 'utf8');
    const home = await readFile(join(project, 'out-hostile/index.html'), 'utf8');
    for (const html of [page, home]) {
      // The only script elements allowed are our own: the site's scripts from /assets/, and the JSON-LD data block,
      // whose text holds no `<` that could close it.
      const markup = html
        .replace(/<script src="\/assets\/[a-z0-9-]+\.js" defer><\/script>/g, '')
        .replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, '');
      expect(markup).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toMatch(/<iframe/i);
      expect(html).not.toMatch(/javascript:/i);
      // No tag carries an event handler (the escaped title may mention one, as text or inside an attribute value).
      const attributes = [...markup.matchAll(/<[a-z][a-z0-9]*((?:\s+[^\s=>]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/gi)].flatMap((tag) =>
        [...tag[1]!.matchAll(/\s+([^\s=>]+)(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?/g)].map((a) => a[1]!.toLowerCase()),
      );
      expect(attributes).toContain('href');
      expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
      // The title is shown, as text.
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      // Editors' Markdown never runs through a template engine.
      expect(html).toContain('{{ 7 * 7 }}');
    }
    await rm(file);
  });
});
