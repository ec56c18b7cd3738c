import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/load/content.ts';
import { runCli, snapshot, tempProject } from '../helpers/project.ts';

/**
 * Issue 18, done when: one content folder holding every broken and weak case of the issue at once. `npm run check`
 * finishes, reports each case with its file and line, exits 1, and leaves a site built before it as it was.
 */
let project: string;
let outside: string;
let built: Record<string, string>;

interface Found {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: string;
  message: string;
}
let json: { status: number | null; ok: boolean; diagnostics: Found[]; stderr: string };
let text: { status: number | null; stdout: string; stderr: string };

const FRONT = ['---', 'title: "A case"', 'date: "2023-09-20"', 'category: military', 'sources:', '  - id: azerbaijan-halts-operation', '    quote: "Russian peacekeepers and separatist forces evacuated thousands of civilians from the fighting."', '---'];
/** A valid event with line `n` (1-based) replaced, and this body from line 9. */
const event = (body: string, edits: Record<number, string> = {}) => [...FRONT.map((l, i) => edits[i + 1] ?? l), body, ''].join('\n');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** Where each case must be reported: file, rule and line (0 where the file as a whole could not be read). */
const CASES: { name: string; file: string; ruleId: string; line: number }[] = [];
const expectCase = (name: string, file: string, ruleId: string, line: number) => CASES.push({ name, file, ruleId, line });

beforeAll(async () => {
  project = await tempProject();
  outside = await mkdtemp(join(tmpdir(), 'nt-outside-'));
  const build = runCli('build.ts', ['--quiet'], project);
  expect(build.status).toBe(0);
  built = await snapshot(join(project, '_site'));

  const put = (path: string, body: string | Buffer) => writeFile(join(project, 'content', path), body);
  const edit = async (path: string, from: string, to: string) => {
    const before = await readFile(join(project, 'content', path), 'utf8');
    expect(before).toContain(from);
    await put(path, before.replace(from, to));
    return lineOf(before, from);
  };

  // Broken 3: an event linked in from outside the project.
  await writeFile(join(outside, 'event.md'), event('Published from elsewhere.'));
  await symlink(join(outside, 'event.md'), join(project, 'content/events/linked-out.md'));
  expectCase('a symlink out of the project', 'content/events/linked-out.md', 'file/outside-project', 0);
  // Broken 4: a FIFO.
  execFileSync('mkfifo', [join(project, 'content/events/pipe.md')]);
  expectCase('a FIFO', 'content/events/pipe.md', 'file/unreadable', 0);
  // Broken 5: deep Markdown.
  await put('events/deep-quote.md', event('>'.repeat(10_000)));
  expectCase("'>' × 10,000", 'content/events/deep-quote.md', 'body/too-deep', 9);
  await put('events/deep-list.md', event('- '.repeat(10_000)));
  expectCase("'- ' × 10,000", 'content/events/deep-list.md', 'body/too-deep', 9);
  await put('events/deep-emphasis.md', event('*a '.repeat(20_000)));
  expectCase("nested '*a ' × 20,000", 'content/events/deep-emphasis.md', 'body/open-emphasis', 9);
  // Broken 6 and 7: a lone surrogate, a control character in a category label.
  await put('events/surrogate.md', event('Body.', { 2: 'title: "Lone \\uD800 surrogate"' }));
  expectCase('a lone surrogate', 'content/events/surrogate.md', 'text/lone-surrogate', 2);
  const label = await edit('categories.yml', '  label: Military', '  label: "Mili\\u0001tary"');
  expectCase('a control character in a category label', 'content/categories.yml', 'text/control-character', label);
  // Weak: terminal escapes in a value.
  await put('events/terminal.md', event('Body.', { 4: 'category: "\\u001b]0;PWNED\\u0007\\u001b[2J\\u001b[31mFAKE: 0 errors"' }));
  expectCase('terminal escapes in a value', 'content/events/terminal.md', 'text/control-character', 4);
  // Weak: a remote image.
  await put('events/remote-image.md', event('Photo: ![](http://tracker.example/p.gif?reader=1)'));
  expectCase('a remote image', 'content/events/remote-image.md', 'body/remote-image', 9);
  // Weak: an invalid time_zone, an invalid language.
  const zone = await edit('places.yml', 'time_zone: "+04:00"', 'time_zone: "Mars/Olympus"');
  expectCase('an invalid time_zone', 'content/places.yml', 'schema/format', zone);
  const source = (await readdir(join(project, 'content/sources'))).sort()[0]!;
  const language = await edit(`sources/${source}`, 'language: en', 'language: "English!"');
  expectCase('an invalid language', `content/sources/${source}`, 'schema/format', language);
  // Weak: a billion-laughs bomb, reported at the alias that crosses the limit.
  const lol = 'lol, '.repeat(8);
  await put(
    'events/bomb.md',
    ['---', 'title: "Bomb"', `a: &a [${lol}lol]`, `b: &b [${'*a, '.repeat(8)}*a]`, `c: &c [${'*b, '.repeat(8)}*b]`, `d: &d [${'*c, '.repeat(8)}*c]`, '---', 'Body.', ''].join('\n'),
  );
  expectCase('billion laughs', 'content/events/bomb.md', 'file/yaml-syntax', 6);
  // Weak: files named like events but not read.
  await put('events/upper.MD', event('Body.'));
  expectCase('x.MD', 'content/events/upper.MD', 'file/skipped', 0);
  await put('events/long.markdown', event('Body.'));
  expectCase('x.markdown', 'content/events/long.markdown', 'file/skipped', 0);
  // Held already, kept in the set: a file over the size limit, duplicate keys, a JavaScript tag.
  await put('events/huge.md', event('a'.repeat(MAX_FILE_BYTES)));
  expectCase('a file over the size limit', 'content/events/huge.md', 'file/too-large', 1);
  await put('events/duplicate-key.md', event('Body.', { 3: 'title: "Twice"' }));
  expectCase('a duplicate key', 'content/events/duplicate-key.md', 'file/yaml-syntax', 3);
  await put('events/js-tag.md', event('Body.', { 2: 'title: !!js/function "function () { return 1 }"' }));
  expectCase('a !!js tag', 'content/events/js-tag.md', 'file/yaml-syntax', 2);

  const run = runCli('check.ts', ['--format=json'], project);
  json = { status: run.status, stderr: run.stderr, ...(JSON.parse(run.stdout) as { ok: boolean; diagnostics: Found[] }) };
  text = runCli('check.ts', [], project);
}, 120_000);

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('npm run check over every case of issue 18 at once', () => {
  it('exits 1 without a stack trace, in both formats', () => {
    expect(json.status).toBe(1);
    expect(json.ok).toBe(false);
    expect(text.status).toBe(1);
    for (const stderr of [json.stderr, text.stderr]) {
      expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(stderr).not.toContain('Internal error');
    }
  });

  it('reports each case with its file and line', () => {
    expect(CASES.length).toBe(17);
    const missing = CASES.filter(({ file, ruleId, line }) => !json.diagnostics.some((d) => d.file === file && d.ruleId === ruleId && d.line === line) || !text.stdout.includes(`  ${file}:${line}:`));
    const found = (file: string) => json.diagnostics.filter((d) => d.file === file).map((d) => `${d.line} ${d.ruleId}`);
    expect(missing.map((c) => ({ ...c, found: found(c.file) }))).toEqual([]);
  });

  it('prints no raw terminal escape and quotes no file from outside the project', () => {
    // eslint-disable-next-line no-control-regex -- looking for raw escapes is the point
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text.stdout).not.toContain('Published from elsewhere');
  });

  it('leaves the site built before it byte for byte as it was', async () => {
    expect(Object.keys(built).length).toBeGreaterThan(20);
    expect(await snapshot(join(project, '_site'))).toEqual(built);
  });

  it('stops a build over the same content before any body is rendered: exit 1, not a stack overflow', async () => {
    const build = runCli('build.ts', ['--quiet'], project);
    expect(build.stderr).toContain('  content/events/deep-list.md:9:1  Unexpected 10000 levels of nested block quotes or lists on this line. (expected at most 32 levels)  body/too-deep');
    expect(build.stderr).not.toContain('Maximum call stack');
    expect(build.stderr).not.toContain('Internal error');
    expect(build.status).toBe(1);
    expect(await snapshot(join(project, '_site'))).toEqual(built);
  }, 60_000);
});
