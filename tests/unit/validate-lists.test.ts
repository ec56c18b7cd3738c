import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLists } from '../../src/validate/lists.ts';
import { readSiteUrl } from '../../src/serve/site-url.ts';
import { ROOT } from '../helpers/project.ts';

let root: string;
let outside: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'nt-lists-'));
  outside = await mkdtemp(join(tmpdir(), 'nt-lists-outside-'));
  await cp(join(ROOT, 'content'), join(root, 'content'), { recursive: true, filter: (src) => !src.includes('/events/') && !src.includes('/sources/') });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

/** Top-level ids of a seed list, counted from its text: one `id:` line at column 1 per entry. */
const seedIds = async (name: string) => [...(await readFile(join(ROOT, 'content', `${name}.yml`), 'utf8')).matchAll(/^([a-z0-9-]+):/gm)].map((m) => m[1]!);

describe('loadLists', () => {
  it('reads the seed lists whole, ids in file order, with no diagnostics', async () => {
    const { lists, diagnostics } = loadLists(root);
    expect(diagnostics).toEqual([]);
    expect(lists.categories).toEqual(await seedIds('categories'));
    expect(lists.actors.map((a) => a.id)).toEqual(await seedIds('actors'));
    expect(lists.places.map((p) => p.id)).toEqual(await seedIds('places'));
    expect(lists.actors[0]).toEqual({ id: 'azerbaijan', name: 'Azerbaijan', aliases: ['Baku', 'Azerbaijani army', 'Azeri army', "Azerbaijan's Defence Ministry", 'Azerbaijani Ministry of Defense'] });
    expect(lists.site).toEqual({ url: 'http://localhost:8080', timeZone: '+04:00' });
  });

  it('reads only the lists asked for', () => {
    const { lists } = loadLists(root, ['categories']);
    expect(lists.actors).toEqual([]);
    expect(lists.site).toEqual({ url: null, timeZone: null });
    expect(lists.categories.length).toBeGreaterThan(0);
  });

  it('leaves out a broken entry or a bad id and reports each at its line, keeping the rest', async () => {
    const actors = await readFile(join(root, 'content/actors.yml'), 'utf8');
    // The seed file ends in a newline: the first added line is `lines`.
    const lines = actors.trimEnd().split('\n').length + 1;
    await writeFile(join(root, 'content/actors.yml'), `${actors.trimEnd()}\nnameless:\n  aliases: [x]\nBad Id:\n  name: B\n`);
    const { lists, diagnostics } = loadLists(root, ['actors']);
    expect(diagnostics).toMatchObject([
      // As `npm run check` places them: a missing field at its entry's fields, a bad id at its value.
      { file: 'content/actors.yml', ruleId: 'schema/required', field: 'nameless.name', line: lines + 1 },
      { file: 'content/actors.yml', ruleId: 'id/format', line: lines + 3 },
    ]);
    expect(lists.actors.map((a) => a.id)).toEqual(await seedIds('actors'));
  });

  it('reads site.yml field by field: an unsafe address is reported and not used', async () => {
    const site = await readFile(join(root, 'content/site.yml'), 'utf8');
    await writeFile(join(root, 'content/site.yml'), site.replace('url: "http://localhost:8080"', 'url: "javascript:alert(1)"'));
    const { lists, diagnostics } = loadLists(root, ['site']);
    expect(diagnostics).toMatchObject([{ file: 'content/site.yml', field: 'url', line: 5 }]);
    expect(lists.site).toEqual({ url: null, timeZone: '+04:00' });
    expect(await readSiteUrl(root)).toBeUndefined();
  });

  it('applies the loader\'s boundary: a list linked from outside the project is refused unread', async () => {
    await writeFile(join(outside, 'categories.yml'), 'secret-id:\n  label: Secret\n');
    await rm(join(root, 'content/categories.yml'));
    await symlink(join(outside, 'categories.yml'), join(root, 'content/categories.yml'));
    const { lists, diagnostics } = loadLists(root, ['categories']);
    expect(diagnostics).toMatchObject([{ file: 'content/categories.yml', ruleId: 'file/outside-project' }]);
    expect(lists.categories).toEqual([]);
  });

  it('reports a list that is missing or not valid YAML', async () => {
    await rm(join(root, 'content/places.yml'));
    await writeFile(join(root, 'content/actors.yml'), 'a: 1\n  b: [\n');
    const { diagnostics } = loadLists(root, ['actors', 'places']);
    expect(diagnostics.map((d) => [d.file, d.ruleId])).toEqual([
      ['content/actors.yml', 'file/yaml-syntax'],
      ['content/places.yml', 'file/missing'],
    ]);
  });
});

describe('readSiteUrl', () => {
  it('gives site.yml\'s address through loadLists', async () => {
    expect(await readSiteUrl(root)).toBe('http://localhost:8080');
  });
});
