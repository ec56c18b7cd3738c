import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryToFile, withoutEmpty } from '../../src/cms/entry-file.ts';
import { linkOnTheWay, localBackend, refusedPaths } from '../../src/cms/local-backend.ts';
import { passagesOf } from '../../src/cms/passages.ts';
import { splitFrontMatter } from '../../src/load/front-matter.ts';
import { findQuote, normaliseSpace } from '../../src/validate/quotes.ts';
import { ROOT } from '../helpers/project.ts';

describe('passagesOf: the quotes the picker offers', () => {
  it('offers passages the quote check finds once, in every bundled article', () => {
    for (const name of readdirSync(join(ROOT, 'content/sources'))) {
      const file = splitFrontMatter(name, readFileSync(join(ROOT, 'content/sources', name), 'utf8'));
      if ('ruleId' in file) throw new Error(file.message);
      const text = normaliseSpace(file.body);
      const passages = passagesOf(file.body);
      expect(passages.length, name).toBeGreaterThan(5);
      for (const p of passages) expect(findQuote(text, p.text, p.prefix, p.suffix), `${name}: ${p.text}`).toMatchObject({ kind: 'found' });
    }
  });

  it('tells a repeated sentence apart by the words around it', () => {
    const body = 'Talks resumed.\n\nThe army moved in. Talks resumed. Then the talks ended.';
    const passages = passagesOf(body);
    expect(passages).toEqual([
      { text: 'Talks resumed.', suffix: 'The army moved in. Talks resumed. Then the talks ended.' },
      { text: 'The army moved in.' },
      { text: 'Talks resumed.', prefix: 'Talks resumed. The army moved in.' },
      { text: 'Then the talks ended.' },
    ]);
    const text = normaliseSpace(body);
    expect(passages.map((p) => findQuote(text, p.text, p.prefix, p.suffix))).toEqual([
      { kind: 'found', index: 0 },
      { kind: 'found', index: 15 },
      { kind: 'found', index: 34 },
      { kind: 'found', index: 49 },
    ]);
  });
});

describe('entryToFile: the form as an event file', () => {
  it('leaves out what the editor left empty, keeps the required sources, and writes fields in the schema order', () => {
    const file = entryToFile({
      body: 'A ceasefire took effect.',
      sources: [{ id: 'delegation-in-yevlax', quote: 'A day later, the two sides negotiated a ceasefire brokered by Russia.', prefix: '' }],
      places: [],
      end: '',
      sequence: Number.NaN,
      category: 'military',
      part_of_day: 'evening',
      date: '2023-09-20',
      title: 'Ceasefire',
    });
    expect(file).toBe(
      [
        '---',
        'title: Ceasefire',
        'date: 2023-09-20',
        'part_of_day: evening',
        'category: military',
        'sources:',
        '  - id: delegation-in-yevlax',
        '    quote: A day later, the two sides negotiated a ceasefire brokered by Russia.',
        '---',
        'A ceasefire took effect.',
        '',
      ].join('\n'),
    );
  });

  it('keeps an empty `sources`, so the check says it is missing rather than nothing at all', () => {
    expect(withoutEmpty({ title: 'x', sources: [{ id: '', quote: ' ' }], actors: [] })).toEqual({ title: 'x', sources: [] });
  });

  it('keeps a year as text, which the check reads as the date the editor wrote', () => {
    expect(entryToFile({ title: 'War', date: '1991' })).toContain('date: "1991"');
  });
});

describe('refusedPaths: what the local backend lets the editor touch', () => {
  const write = (path: string) => refusedPaths({ action: 'persistEntry', params: { entry: { path, raw: '' }, assets: [] } });
  it.each([
    ['content/events/new-event.md', null],
    ['drafts/delegation-in-yevlax/a-day-later.md', null],
    ['content/sources/delegation-in-yevlax.md', 'may not touch'],
    ['content/site.yml', 'may not touch'],
    ['src/cli/build.ts', 'may not touch'],
    ['content/events/../../package.json', 'may not touch'],
    ['content/events/Bad Name.md', 'may not touch'],
  ])('writing %s', (path, refused) => {
    const answer = write(path);
    if (refused === null) expect(answer).toBeNull();
    else expect(answer).toContain(refused);
  });

  it('reads only under content/ and drafts/, takes no uploads, and knows its actions', () => {
    expect(refusedPaths({ action: 'entriesByFolder', params: { folder: 'content/events', extension: 'md', depth: 1 } })).toBeNull();
    expect(refusedPaths({ action: 'entriesByFolder', params: { folder: 'src', extension: 'ts', depth: 1 } })).toContain('may not touch `src`');
    expect(refusedPaths({ action: 'getEntry', params: { path: '.git/config' } })).toContain('may not touch');
    expect(refusedPaths({ action: 'deleteFiles', params: { paths: ['content/events/a.md', 'package.json'] } })).toContain('`package.json`');
    expect(refusedPaths({ action: 'persistMedia', params: { asset: { path: 'content/media/x.png' } } })).toBe('This timeline takes no uploads.');
    expect(refusedPaths({ action: 'persistEntry', params: { entry: { path: 'content/events/a.md' }, assets: [{ path: 'content/events/x.png' }] } })).toBe(
      'This timeline takes no uploads.',
    );
    // decap-server's rename moves every file of the entry's folder with it, and a failed one ends the process.
    expect(refusedPaths({ action: 'persistEntry', params: { entry: { path: 'content/events/a.md', newPath: 'drafts/x/a.md' }, assets: [] } })).toContain('renames');
    expect(refusedPaths({ action: 'persistEntry', params: { dataFiles: [{ path: 'content/events/a.md', newPath: 'content/events/b.md' }], assets: [] } })).toContain('renames');
    expect(refusedPaths({ action: 'runShell', params: {} })).toBe('Unknown action `runShell`.');
    expect(refusedPaths({ action: 'info', params: {} })).toBeNull();
  });
});

describe('localBackend: never writes or deletes through a link', () => {
  const options = { commitMessage: 'x', useWorkflow: false, status: 'draft' };
  const persist = (path: string, newPath?: string) => ({
    action: 'persistEntry',
    params: { branch: 'main', entry: { slug: 'x', path, raw: '---\ntitle: x\n---\n', ...(newPath ? { newPath } : {}) }, assets: [], options },
  });

  // A link committed into content/ stays inside the project, which is all decap-server checks before following it.
  it.each([
    ['saving an entry that is a link', (e: string) => persist(`${e}/evil.md`)],
    ['deleting an entry that is a link', (e: string) => ({ action: 'deleteFile', params: { branch: 'main', path: `${e}/evil.md`, options } })],
    ['deleting entries, one a link', (e: string) => ({ action: 'deleteFiles', params: { branch: 'main', paths: [`${e}/evil.md`], options } })],
    ['saving into a folder that is a link', () => persist('drafts/linked/x.md')],
  ])('%s: refused, and the file it leads to is untouched', async (_, body) => {
    const root = await mkdtemp(join(tmpdir(), 'nt-cms-link-'));
    try {
      await mkdir(join(root, 'content/events'), { recursive: true });
      await mkdir(join(root, 'src'));
      await writeFile(join(root, 'package.json'), '{}');
      await symlink('../../package.json', join(root, 'content/events/evil.md'));
      await mkdir(join(root, 'drafts'));
      await symlink('../src', join(root, 'drafts/linked'));
      const reply = await localBackend(root)(body('content/events'));
      expect(reply.status).toBe(403);
      expect(JSON.stringify(reply.json)).toContain('symbolic link');
      expect(await readFile(join(root, 'package.json'), 'utf8')).toBe('{}');
      expect(await readdir(join(root, 'src'))).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('reads no entry through a link: refuses it by name, and leaves it out of its folder’s listing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'nt-cms-read-'));
    try {
      await mkdir(join(root, 'content/events'), { recursive: true });
      await writeFile(join(root, '.env'), 'TOKEN=secret');
      await writeFile(join(root, 'content/events/real.md'), '---\ntitle: real\n---\n');
      await symlink('../../.env', join(root, 'content/events/evil.md'));
      await mkdir(join(root, 'drafts'));
      await symlink('../content/events', join(root, 'drafts/linked'));
      const backend = localBackend(root);
      for (const body of [
        { action: 'getEntry', params: { branch: 'main', path: 'content/events/evil.md' } },
        { action: 'entriesByFiles', params: { branch: 'main', files: [{ path: 'content/events/evil.md' }] } },
        { action: 'entriesByFolder', params: { branch: 'main', folder: 'drafts/linked', extension: 'md', depth: 1 } },
      ]) {
        const reply = await backend(body);
        expect(reply.status, body.action).toBe(403);
        expect(JSON.stringify(reply.json)).toContain('symbolic link');
      }
      const listing = await backend({ action: 'entriesByFolder', params: { branch: 'main', folder: 'content/events', extension: 'md', depth: 1 } });
      expect(listing.status).toBe(200);
      const entries = listing.json as { data: string; file: { path: string } }[];
      expect(entries.map((e) => e.file.path)).toEqual(['content/events/real.md']);
      expect(JSON.stringify(entries)).not.toContain('secret');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('lets ordinary saves through, in a project reached through a linked folder too', async () => {
    const real = await mkdtemp(join(tmpdir(), 'nt-cms-real-'));
    const via = `${real}-via`;
    try {
      await mkdir(join(real, 'content/events'), { recursive: true });
      await writeFile(join(real, 'content/events/a.md'), '---\ntitle: a\n---\n');
      await symlink(real, via);
      for (const root of [real, via, `${via}/`]) {
        // An existing event, a new one, and a draft in a folder not made yet.
        expect(await linkOnTheWay(root, ['content/events/a.md', 'content/events/new.md', 'drafts/some-source/x.md'])).toBeNull();
      }
    } finally {
      await rm(via, { force: true });
      await rm(real, { recursive: true, force: true });
    }
  });
});
