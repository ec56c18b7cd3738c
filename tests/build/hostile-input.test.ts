import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject, type Run } from '../helpers/project.ts';

/**
 * Broken input, one case per test: each names the file, line and column, exits 1 without a stack trace, and
 * writes nothing. A BOM and CRLF line endings are accepted and keep positions right.
 */
let project: string;
const restore = new Map<string, Buffer>();
const created: string[] = [];

beforeAll(async () => {
  project = await tempProject();
});
afterAll(() => rm(project, { recursive: true, force: true }));
afterEach(async () => {
  for (const path of created.splice(0)) await rm(join(project, path), { force: true });
  for (const [path, bytes] of restore) await writeFile(join(project, path), bytes);
  restore.clear();
});

async function put(path: string, content: string | Buffer): Promise<void> {
  const full = join(project, path);
  if (existsSync(full) && !restore.has(path)) restore.set(path, await readFile(full));
  else if (!existsSync(full)) created.push(path);
  await writeFile(full, content);
}

const QUOTE = 'Russian peacekeepers and separatist forces evacuated thousands of civilians from the fighting.';
/** A valid event; each case breaks one thing. Line numbers below count from this. */
const EVENT = [
  '---', // 1
  'title: "A case"', // 2
  'date: "2023-09-20"', // 3
  'category: military', // 4
  'sources:', // 5
  '  - id: azerbaijan-halts-operation', // 6
  `    quote: "${QUOTE}"`, // 7
  '---', // 8
  'Body.', // 9
  '',
];
const event = (edit: (lines: string[]) => string[] = (l) => l) => edit([...EVENT]).join('\n');

async function build(name: string): Promise<Run> {
  return runCli('build.ts', ['--quiet', `--output=out-${name}`], project);
}

/** Exit 1, the exact diagnostic line, no stack, and no output folder, staging folder or lock left behind. */
async function expectRejected(run: Run, name: string, line: string): Promise<void> {
  expect(run.stderr).toContain(`\n  ${line}`);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(run.stderr).not.toContain('Internal error');
  expect(run.status).toBe(1);
  expect(existsSync(join(project, `out-${name}`))).toBe(false);
  expect((await readdir(project)).filter((n) => n.startsWith(`.out-${name}`))).toEqual([]);
}

describe('broken input is reported with file, line and column, and nothing is written', () => {
  it('malformed YAML: an unclosed quote', async () => {
    await put('content/events/zz-case.md', event((l) => [l[0]!, 'title: "Unclosed', ...l.slice(2)]));
    await expectRejected(
      await build('yaml'),
      'yaml',
      'content/events/zz-case.md:2:8  The front matter is not valid YAML: A quoted value opened on line 2 is never closed: add the closing `"`  file/yaml-syntax',
    );
  });

  it('malformed YAML: a colon in an unquoted value', async () => {
    await put('content/events/zz-case.md', event((l) => [l[0]!, 'title: Ceasefire: takes effect', ...l.slice(2)]));
    await expectRejected(await build('colon'), 'colon', 'content/events/zz-case.md:2:8  The front matter is not valid YAML: Nested mappings are not allowed in compact mappings  file/yaml-syntax');
  });

  it('missing front matter', async () => {
    await put('content/events/zz-case.md', event((l) => l.slice(1)));
    await expectRejected(
      await build('nofm'),
      'nofm',
      'content/events/zz-case.md:1:1  Unexpected `title: "A case"` on line 1, expected the opening `---` of the front matter. (expected `---` on the first line)  file/front-matter',
    );
  });

  it('an empty file', async () => {
    await put('content/events/zz-case.md', '');
    await expectRejected(await build('empty'), 'empty', 'content/events/zz-case.md:1:1  The file is empty.  file/empty');
  });

  it('tabs in YAML indentation', async () => {
    await put('content/events/zz-case.md', event((l) => l.map((x) => x.replace(/^ {2}- id/, '\t- id'))));
    await expectRejected(
      await build('tabs'),
      'tabs',
      'content/events/zz-case.md:6:1  The front matter is not valid YAML: A tab is used for indentation on line 6; YAML indents with spaces only (two per level)  file/yaml-syntax',
    );
  });

  it('wrong types', async () => {
    await put('content/events/zz-case.md', event((l) => [...l.slice(0, 4), 'approximate: "true"', 'actors: azerbaijan', ...l.slice(4)]));
    const run = await build('types');
    await expectRejected(run, 'types', 'content/events/zz-case.md:5:14  approximate: Unexpected text `true` in `approximate`. (expected true or false, without quotes)  schema/type');
    expect(run.stderr).toContain('  content/events/zz-case.md:6:9  actors: Unexpected text `azerbaijan` in `actors`. (expected a list, e.g. `[a, b]` or one `- item` per line)  schema/type');
  });

  it('unknown keys, with a "did you mean"', async () => {
    await put('content/events/zz-case.md', event((l) => l.map((x) => x.replace('title:', 'titel:'))));
    const run = await build('keys');
    await expectRejected(
      run,
      'keys',
      'content/events/zz-case.md:2:1  titel: Unexpected field `titel`. Did you mean `title`? (expected one of `title`, `date`, `end`, `approximate`, `date_inferred`, `category`, `importance`, `sequence`, `actors`, `places`, `sources`, `claims`, `updates`)  schema/unknown-key',
    );
  });

  it('an impossible date', async () => {
    await put('content/events/zz-case.md', event((l) => l.map((x) => x.replace('2023-09-20', '2023-02-29'))));
    await expectRejected(await build('date'), 'date', 'content/events/zz-case.md:3:7  date: `2023-02-29` is not a day on the calendar.  date/impossible');
  });

  it('an end before the start', async () => {
    await put('content/events/zz-case.md', event((l) => [...l.slice(0, 3), 'end: "2023-09-19"', ...l.slice(3)]));
    await expectRejected(
      await build('end'),
      'end',
      'content/events/zz-case.md:4:6  end: The end `2023-09-19` is before the date `2023-09-20`. (expected an end on or after 2023-09-20)  date/end-before-start',
    );
  });

  it('unknown ids, each with the closest one', async () => {
    await put('content/events/zz-case.md', event((l) => [...l.slice(0, 4), 'actors: [azerbaijn]', ...l.slice(4)].map((x) => x.replace('halts-operation', 'halts-operatoin'))));
    const run = await build('ids');
    await expectRejected(run, 'ids', 'content/events/zz-case.md:5:10  actors[0]: Unknown actor `azerbaijn`. Did you mean `azerbaijan`? (expected an id from content/actors.yml)  ref/unknown');
    expect(run.stderr).toContain(
      '  content/events/zz-case.md:7:9  sources[0].id: Unknown source `azerbaijan-halts-operatoin`. Did you mean `azerbaijan-halts-operation`? (expected an id from content/sources/)  ref/unknown',
    );
  });

  it('a duplicate id, naming both lines, without a cascade of unknown references', async () => {
    const actors = await readFile(join(project, 'content/actors.yml'), 'utf8');
    const lines = actors.split('\n');
    const first = lines.indexOf('azerbaijan:') + 1;
    await put('content/actors.yml', `${actors.trimEnd()}\nazerbaijan:\n  name: Azerbaijan again\n`);
    const run = await build('dup');
    await expectRejected(
      run,
      'dup',
      `content/actors.yml:${lines.length}:1  azerbaijan: Duplicate id \`azerbaijan\`, first defined on line ${first}. (expected each id once per file)  id/duplicate`,
    );
    expect(run.stderr).toContain(`      see also content/actors.yml:${first}`);
    expect(run.stderr).toContain('1 error and 0 warnings in 1 file.');
  });

  it('a quote not found in its source', async () => {
    await put('content/events/zz-case.md', event((l) => l.map((x) => x.replace('evacuated thousands', 'evacuated hundreds'))));
    await expectRejected(
      await build('quote'),
      'quote',
      'content/events/zz-case.md:7:12  sources[0].quote: The quote “Russian peacekeepers and separatist forces evacuated hundre…” does not occur in source `azerbaijan-halts-operation`. (expected a passage copied exactly from content/sources/azerbaijan-halts-operation.md)  quote/not-found',
    );
  });

  it('a file that is not UTF-8, pointing at the first bad byte', async () => {
    // `Café` in Latin-1 on line 2: the é is the single byte 0xE9, at column 12 of `title: "Caf…`.
    await put('content/events/zz-case.md', Buffer.from(event((l) => [l[0]!, 'title: "Caf\u00e9"', ...l.slice(2)]), 'latin1'));
    await expectRejected(
      await build('latin1'),
      'latin1',
      'content/events/zz-case.md:2:12  The file is not UTF-8 text: byte 0xE9 here is not UTF-8. It was probably saved as Windows-1252 or Latin-1. (expected UTF-8)  file/encoding',
    );
  });

  it('a UTF-16 file', async () => {
    await put('content/events/zz-case.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(event(), 'utf16le')]));
    await expectRejected(
      await build('utf16'),
      'utf16',
      'content/events/zz-case.md:1:1  The file is not UTF-8 text: byte 0xFF here is not UTF-8. It was probably saved as UTF-16 (a byte-order mark says so). (expected UTF-8)  file/encoding',
    );
  });

  it('a 5 MB body', async () => {
    await put('content/events/zz-case.md', event((l) => [...l.slice(0, 9), 'Lorem ipsum dolor sit amet. '.repeat(5 * 1024 * 1024 / 28 + 1)]));
    await expectRejected(await build('big'), 'big', 'content/events/zz-case.md:1:1  The file is 5.0 MB, over the 2 MB limit for one content file. (expected a file under 2 MB)  file/too-large');
  });
});

describe('a byte-order mark and Windows line endings are accepted', () => {
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
  const crlf = (text: string) => text.replace(/\n/g, '\r\n');

  it.each<[string, (text: string) => Buffer]>([
    ['a BOM', (text) => Buffer.concat([BOM, Buffer.from(text)])],
    ['CRLF line endings', (text) => Buffer.from(crlf(text))],
    ['a BOM and CRLF together', (text) => Buffer.concat([BOM, Buffer.from(crlf(text))])],
  ])('%s: the file builds, and a mistake in it is reported at its true line and column', async (name, encode) => {
    const out = `ok-${name.replace(/\W+/g, '-')}`;
    await put('content/events/zz-case.md', encode(event((l) => l.map((x) => x.replace('A case', 'Saved on Windows')))));
    const ok = runCli('build.ts', ['--quiet', `--output=${out}`], project);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const page = await readFile(join(project, out, 'events/zz-case/index.html'), 'utf8');
    expect(page).toContain('<h1>Saved on Windows</h1>');
    expect(page).not.toContain('\ufeff');
    expect(page).not.toContain('\r');

    await put('content/events/zz-case.md', encode(event((l) => l.map((x) => x.replace('category: military', 'category: militari')))));
    const bad = await build(`bad-${name.replace(/\W+/g, '-')}`);
    await expectRejected(
      bad,
      `bad-${name.replace(/\W+/g, '-')}`,
      'content/events/zz-case.md:4:11  category: Unknown category `militari`. Did you mean `military`? (expected an id from content/categories.yml)  ref/unknown',
    );
  });
});
