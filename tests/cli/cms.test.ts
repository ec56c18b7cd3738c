import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryToFile } from '../../src/cms/entry-file.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { startEditor, type RunningEditor } from '../helpers/editor.ts';
import { runCli, tempProject } from '../helpers/project.ts';

/**
 * `npm run edit` on a copy of the project: the editor's page and Decap's bundle come from the preview itself, the
 * configuration from content/, and the check of an unsaved event says what `npm run check` says once it is saved.
 * Writes go only where events and drafts live, and only from this machine's own pages.
 */
let project: string;
let editor: RunningEditor;

beforeAll(async () => {
  project = await tempProject();
  editor = await startEditor(project);
});

afterAll(async () => {
  await editor?.stop();
  await rm(project, { recursive: true, force: true });
});

const QUOTE = 'A day later, the two sides negotiated a ceasefire brokered by Russia.';
const event = (date: string) => ({
  title: 'Talks in the evening',
  date,
  part_of_day: 'evening',
  category: 'diplomacy',
  actors: ['armenia', 'azerbaijan'],
  places: [],
  end: '',
  sources: [{ id: 'delegation-in-yevlax', quote: QUOTE }],
  body: 'Representatives of the two sides met.',
});
/** A POST with headers fetch will not send as given (Host). */
const rawPost = (path: string, body: unknown, headers: Record<string, string>) =>
  new Promise<number>((resolve, reject) => {
    const url = new URL(path, editor.base);
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${editor.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('npm run edit', () => {
  it('prints the editor’s address and serves Decap CMS from the installed package', async () => {
    expect(editor.output.stdout).toMatch(/^Editor: http:\/\/127\.0\.0\.1:\d+\/admin\/$/m);
    const page = await fetch(`${editor.base}admin/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="decap-cms.js"></script>');
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await fetch(`${editor.base}admin/decap-cms.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
  });

  it('serves the configuration generated from content/, with the local backend', async () => {
    const { config, sitePrefix, writable } = (await (await fetch(`${editor.base}admin/config.json`)).json()) as {
      config: { backend: { name: string }; collections: { name: string; fields: { name: string; options?: { value: string }[] }[] }[] };
      sitePrefix: string;
      writable: boolean;
    };
    expect([config.backend.name, sitePrefix, writable]).toEqual(['proxy', '/', true]);
    const category = config.collections[0]!.fields.find((f) => f.name === 'category')!;
    expect(category.options!.map((o) => o.value)).toEqual(['military', 'diplomacy', 'humanitarian', 'politics', 'background']);
  });

  it('checks an unsaved event as npm run check checks the saved file, and renders a valid one with the site’s template', async () => {
    const good = (await (await post('__cms/check', { path: null, data: event('2023-09-21') })).json()) as { path: string; diagnostics: Diagnostic[]; html: string; text: string };
    expect(good.path).toBe('content/events/talks-in-the-evening.md');
    expect(good.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(good.html).toContain('<h1>Talks in the evening</h1>');
    // The quote cites its passage on the source page, where the site built with this event would mark it.
    expect(good.html).toMatch(new RegExp(`<blockquote cite="/sources/delegation-in-yevlax/#q-[0-9a-f]{8}"><p>${QUOTE.replace(/[.]/g, '\\.')}</p></blockquote>`));

    const bad = (await (await post('__cms/check', { path: null, data: event('2023-09-31') })).json()) as { diagnostics: Diagnostic[]; html: string | null; text: string };
    expect(bad.html).toBeNull();
    expect(bad.diagnostics.map((d) => [d.ruleId, d.field, d.line])).toContainEqual(['date/impossible', 'date', 3]);

    // The same file, saved: npm run check gives the same diagnostics for it.
    await writeFile(join(project, 'content/events/talks-in-the-evening.md'), bad.text);
    try {
      const run = runCli('check.ts', ['--format=json', 'content/events/talks-in-the-evening.md'], project);
      expect(run.status).toBe(1);
      expect((JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics).toEqual(bad.diagnostics);
    } finally {
      await rm(join(project, 'content/events/talks-in-the-evening.md'));
    }
  });

  it('renders a valid event in the pane even while another event is broken', async () => {
    await writeFile(join(project, 'content/events/broken-elsewhere.md'), '---\ntitle: Broken\ndate: "2023-09-31"\n---\n');
    try {
      const result = (await (await post('__cms/check', { path: null, data: event('2023-09-21') })).json()) as { diagnostics: Diagnostic[]; html: string | null };
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(result.html).toContain('<h1>Talks in the evening</h1>');
    } finally {
      await rm(join(project, 'content/events/broken-elsewhere.md'));
    }
  });

  it('offers every article’s sentences as passages to quote', async () => {
    const { sources } = (await (await fetch(`${editor.base}__cms/passages`)).json()) as { sources: { id: string; passages: { text: string }[] }[] };
    const yevlax = sources.find((s) => s.id === 'delegation-in-yevlax')!;
    expect(yevlax.passages.map((p) => p.text)).toContain(QUOTE);
  });

  it('writes event files through the local backend, and nothing outside content/events/ and drafts/', async () => {
    const raw = '---\ntitle: Written by the editor\n---\n';
    // As Decap's proxy backend sends it.
    const options = { collectionName: 'events', commitMessage: 'Create Event', useWorkflow: false, status: 'draft' };
    const save = (path: string) => post('api/v1', { action: 'persistEntry', params: { branch: 'main', entry: { slug: 'x', path, raw }, assets: [], options } });
    const ok = await save('content/events/written-by-the-editor.md');
    expect(ok.status).toBe(200);
    expect(await readFile(join(project, 'content/events/written-by-the-editor.md'), 'utf8')).toBe(raw);
    await rm(join(project, 'content/events/written-by-the-editor.md'));

    const refused = await save('content/site.yml');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toContain('may not touch `content/site.yml`');
    expect(await readFile(join(project, 'content/site.yml'), 'utf8')).not.toBe(raw);
  });

  it('opens extract’s drafts as a collection, and moves a finished one into content/events/', async () => {
    expect(runCli('extract.ts', ['content/sources/delegation-in-yevlax.md', '--out'], project).status).toBe(0);
    // runCli blocked this process for seconds: let fetch see the keep-alive sockets the server closed meanwhile.
    await new Promise((r) => setTimeout(r, 50));
    try {
      const { config } = (await (await fetch(`${editor.base}admin/config.json`)).json()) as { config: { collections: { name: string; folder: string }[] } };
      expect(config.collections.map((c) => c.folder)).toEqual(['content/events', 'drafts/delegation-in-yevlax']);
      const draft = 'drafts/delegation-in-yevlax/in-the-capital-yerevan-thousands-of-people-took-to.md';
      const target = 'content/events/in-the-capital-yerevan-thousands-of-people-took-to.md';
      // As the form holds it once finished: the draft's own date and quote, a category and a summary added.
      const data = {
        ...event('2023-09-20'),
        title: 'Thousands protest in Yerevan',
        part_of_day: '',
        category: 'politics',
        actors: ['armenia'],
        sources: [{ id: 'delegation-in-yevlax', quote: 'In the capital Yerevan, thousands of people took to the streets on Wednesday to demand the resignation of the prime minister.' }],
      };
      const unfinished = await post('__cms/adopt', { path: draft, data: { ...data, category: '' } });
      expect(unfinished.status).toBe(422);
      expect(((await unfinished.json()) as { diagnostics: Diagnostic[] }).diagnostics.map((d) => d.ruleId)).toContain('schema/required');
      expect(existsSync(join(project, target))).toBe(false);

      const moved = await post('__cms/adopt', { path: draft, data });
      expect(moved.status).toBe(200);
      expect(await moved.json()).toEqual({ path: target });
      expect(await readFile(join(project, target), 'utf8')).toBe(entryToFile(data));
      expect(existsSync(join(project, draft))).toBe(false);
      // Never over an event that exists.
      expect((await post('__cms/adopt', { path: draft, data })).status).toBe(409);
      expect((await post('__cms/adopt', { path: 'content/sources/delegation-in-yevlax.md', data })).status).toBe(400);
    } finally {
      await rm(join(project, 'drafts'), { recursive: true, force: true });
      await rm(join(project, 'content/events/in-the-capital-yerevan-thousands-of-people-took-to.md'), { force: true });
    }
  });

  it('refuses writes from other sites’ pages, other host names and forms', async () => {
    const body = { action: 'persistEntry', params: { entry: { slug: 'x', path: 'content/events/from-elsewhere.md', raw: 'x' }, assets: [] } };
    const fromElsewhere = await post('api/v1', body, { origin: 'https://attacker.example' });
    expect(fromElsewhere.status).toBe(403);
    // The preview server itself answers no request addressed to another name (DNS rebinding).
    const rebound = await rawPost('api/v1', body, { host: 'attacker.example' });
    expect(rebound).toBe(421);
    const form = await fetch(`${editor.base}api/v1`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) });
    expect(form.status).toBe(403);
    expect(existsSync(join(project, 'content/events/from-elsewhere.md'))).toBe(false);
  });
});

describe('npm run edit -- --host=0.0.0.0', () => {
  it('serves the editor read-only: nothing is written from the network', async () => {
    const open = await startEditor(project, ['--host=0.0.0.0', '--output=_site_open']);
    try {
      expect(open.output.stdout).toContain('(read-only: the preview listens beyond this machine)');
      const base = open.base.replace('localhost', '127.0.0.1');
      const res = await fetch(`${base}api/v1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'persistEntry', params: { entry: { path: 'content/events/from-the-network.md', raw: 'x' }, assets: [] } }),
      });
      expect(res.status).toBe(403);
      expect(existsSync(join(project, 'content/events/from-the-network.md'))).toBe(false);
    } finally {
      await open.stop();
    }
  });
});

describe('npm run build -- --with-editor', () => {
  it('publishes the editor at /admin/ with the GitHub backend and the editorial workflow, only when asked', async () => {
    const out = join(project, '_site_published');
    const run = runCli('build.ts', [`--output=${out}`, '--quiet', '--with-editor'], project, { CMS_GITHUB_REPO: 'newsroom/timeline', CMS_AUTH_URL: 'https://auth.example.org' });
    expect(run.stderr.replace(/^\[11ty\] Benchmark .*\n?/gm, '')).toBe('');
    expect(run.status).toBe(0);
    const { config, check } = JSON.parse(await readFile(join(out, 'admin/config.json'), 'utf8')) as { config: Record<string, unknown>; check: boolean };
    expect(config).toMatchObject({ backend: { name: 'github', repo: 'newsroom/timeline', branch: 'main', base_url: 'https://auth.example.org' }, publish_mode: 'editorial_workflow' });
    expect(check).toBe(false);
    // Every file the page and its module load is published beside it.
    const page = await readFile(join(out, 'admin/index.html'), 'utf8');
    const script = await readFile(join(out, 'admin/admin.js'), 'utf8');
    const loaded = [...page.matchAll(/(?:src|href)="([^"]+)"/g), ...script.matchAll(/^import .* from '\.\/([^']+)';$/gm)].map((m) => m[1]!);
    expect(loaded.sort()).toEqual(['admin.css', 'admin.js', 'decap-cms.js', 'pruned.js']);
    for (const file of loaded) expect(existsSync(join(out, 'admin', file)), file).toBe(true);
    const { sources } = JSON.parse(await readFile(join(out, 'admin/passages.json'), 'utf8')) as { sources: { id: string }[] };
    expect(sources.map((s) => s.id)).toContain('delegation-in-yevlax');

    const plain = join(project, '_site_plain');
    expect(runCli('build.ts', [`--output=${plain}`, '--quiet'], project, { CMS_GITHUB_REPO: 'newsroom/timeline' }).status).toBe(0);
    expect(existsSync(join(plain, 'admin'))).toBe(false);
  });

  it('refuses to publish an editor with nowhere to save, before building anything', () => {
    const out = join(project, '_site_refused');
    const run = runCli('build.ts', [`--output=${out}`, '--quiet', '--with-editor'], project, { CMS_GITHUB_REPO: '' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--with-editor needs CMS_GITHUB_REPO=owner/name');
    expect(existsSync(out)).toBe(false);
  });
});
