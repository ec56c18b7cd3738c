import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadContent, MAX_FILE_BYTES } from '../../src/load/content.ts';
import { ROOT } from '../helpers/project.ts';

/** The seed content in a temp project; each test breaks it in one way. */
let root: string;
let outside: string;
const SEED_EVENTS = 40;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'nt-boundary-'));
  outside = await mkdtemp(join(tmpdir(), 'nt-outside-'));
  await cp(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const load = () => loadContent(join(root, 'content'), root);
const SECRET = 'secret-first-line: do not print me';
const quotes = (diagnostics: Diagnostic[], text: string) => diagnostics.some((d) => JSON.stringify(d).includes(text));

describe('loadContent reads only regular files inside the project', () => {
  it('refuses an event that links out of the project, by name, without quoting it', async () => {
    await writeFile(join(outside, 'passwd'), `${SECRET}\nmore\n`);
    await symlink(join(outside, 'passwd'), join(root, 'content/events/passwd.md'));
    const { raw, diagnostics } = await load();
    expect(diagnostics).toMatchObject([{ file: 'content/events/passwd.md', ruleId: 'file/outside-project', severity: 'error' }]);
    expect(quotes(diagnostics, 'secret-first-line')).toBe(false);
    expect(raw.events.length).toBe(SEED_EVENTS);
  });

  it('refuses a data file that links out of the project', async () => {
    await writeFile(join(outside, 'site.yml'), await readFile(join(root, 'content/site.yml')));
    await rm(join(root, 'content/site.yml'));
    await symlink(join(outside, 'site.yml'), join(root, 'content/site.yml'));
    const { raw, diagnostics } = await load();
    expect(diagnostics).toMatchObject([{ file: 'content/site.yml', ruleId: 'file/outside-project' }]);
    expect(raw.site).toBeNull();
  });

  it('refuses a link to a device, which lies outside the project', async () => {
    await symlink('/dev/zero', join(root, 'content/events/zero.md'));
    const { diagnostics } = await load();
    expect(diagnostics).toMatchObject([{ file: 'content/events/zero.md', ruleId: 'file/outside-project' }]);
  });

  it('refuses a content folder that links out of the project', async () => {
    await cp(join(root, 'content/events'), join(outside, 'events'), { recursive: true });
    await rm(join(root, 'content/events'), { recursive: true });
    await symlink(join(outside, 'events'), join(root, 'content/events'));
    const { raw, diagnostics } = await load();
    expect(diagnostics).toMatchObject([{ file: 'content/events', ruleId: 'file/outside-project' }]);
    expect(raw.events).toEqual([]);
  });

  it('follows a link whose target stays inside the project', async () => {
    await mkdir(join(root, 'shared'));
    await cp(join(root, 'content/events', await firstEvent()), join(root, 'shared/event.md'));
    await rm(join(root, 'content/events', await firstEvent()));
    await symlink('../../shared/event.md', join(root, 'content/events/linked.md'));
    const { raw, diagnostics } = await load();
    expect(diagnostics).toEqual([]);
    expect(raw.events.map((e) => e.file)).toContain('content/events/linked.md');
    expect(raw.events.length).toBe(SEED_EVENTS);
  });

  it('reports a FIFO by name instead of waiting on it forever', async () => {
    execFileSync('mkfifo', [join(root, 'content/events/pipe.md')]);
    const { raw, diagnostics } = await load();
    expect(diagnostics).toMatchObject([{ file: 'content/events/pipe.md', ruleId: 'file/unreadable', message: 'The path is a named pipe (FIFO), not a regular file.' }]);
    expect(raw.events.length).toBe(SEED_EVENTS);
  }, 5000);

  it('refuses a file over MAX_FILE_BYTES before reading it', async () => {
    await writeFile(join(root, 'content/events/huge.md'), `---\ntitle: x\n---\n${'a'.repeat(MAX_FILE_BYTES)}`);
    const { diagnostics } = await load();
    expect(diagnostics).toMatchObject([{ file: 'content/events/huge.md', ruleId: 'file/too-large', message: 'The file is 2.0 MB, over the 2 MB limit for one content file.' }]);
  });
});

describe('loadContent says what it does not read', () => {
  it('warns about each file in content/events named like an event but skipped', async () => {
    const event = await readFile(join(root, 'content/events', await firstEvent()));
    for (const name of ['upper.MD', 'long.markdown', 'trailing.md ', 'notes.txt']) await writeFile(join(root, 'content/events', name), event);
    const { raw, diagnostics } = await load();
    expect(diagnostics.map((d) => [d.file, d.ruleId, d.severity])).toEqual([
      ['content/events/long.markdown', 'file/skipped', 'warning'],
      ['content/events/trailing.md ', 'file/skipped', 'warning'],
      ['content/events/upper.MD', 'file/skipped', 'warning'],
    ]);
    expect(raw.events.length).toBe(SEED_EVENTS);
  });

  it.each<[string, () => Promise<void>, string, string]>([
    ['missing', () => rm(join(root, 'content/events'), { recursive: true }), 'file/missing', 'This folder is required and was not found'],
    [
      'a file, not a folder',
      async () => {
        await rm(join(root, 'content/events'), { recursive: true });
        await writeFile(join(root, 'content/events'), 'not a folder');
      },
      'file/unreadable',
      'The path is a file, not a folder (ENOTDIR).',
    ],
  ])('reports content/events when it is %s, instead of validating 0 events', async (_, breakIt, ruleId, message) => {
    await breakIt();
    const { raw, diagnostics } = await load();
    expect(diagnostics).toMatchObject([{ file: 'content/events', ruleId, severity: 'error' }]);
    expect(diagnostics[0]!.message).toContain(message);
    expect(raw.events).toEqual([]);
  });
});

async function firstEvent(): Promise<string> {
  return (await readdir(join(root, 'content/events'))).filter((n) => n.endsWith('.md')).sort()[0]!;
}
