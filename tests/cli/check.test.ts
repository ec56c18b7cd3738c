import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/project.ts';

/** `npm run check` on a breakable copy of the content: the linter-like report, the warnings, the exit codes. */
let project: string;
const added: string[] = [];
let actorsYml: string;

beforeAll(async () => {
  project = await tempProject();
  actorsYml = await readFile(join(project, 'content/actors.yml'), 'utf8');
});
afterAll(() => rm(project, { recursive: true, force: true }));
afterEach(async () => {
  for (const path of added.splice(0)) await rm(join(project, path), { force: true });
  await writeFile(join(project, 'content/actors.yml'), actorsYml);
});

async function write(path: string, lines: string[]): Promise<void> {
  added.push(path);
  await writeFile(join(project, path), `${lines.join('\n')}\n`);
}
const check = (...args: string[]) => runCli('check.ts', args, project);

/** An event resting on two articles, with long quotes: no warnings of its own. */
const GOOD = [
  '---',
  'title: "Ceasefire takes effect"',
  'date: "2023-09-20T13:00+04:00"',
  'category: military',
  'actors: [azerbaijan]',
  'places: [nagorno-karabakh]',
  'sources:',
  '  - id: azerbaijan-halts-karabakh-offensive',
  '    quote: "Under the agreement, confirmed by both sides and effective from 1 p.m. (0900 GMT) on Wednesday"',
  '  - id: karabakh-forces-accept-ceasefire',
  '    quote: "The agreement for a ceasefire starting at 1pm local time [09:00 GMT] on Wednesday"',
  '---',
  'Summary.',
];

describe('npm run check: errors', () => {
  it('lists every problem as file:line:column  field: message (expected …)  rule, grouped by file, with a count, and exits 1', async () => {
    await write('content/events/zz-bad.md', GOOD.map((l) => (l === 'category: military' ? 'category: militari' : l)));
    await write('content/events/aa-bad.md', GOOD.map((l) => l.replace('"2023-09-20T13:00+04:00"', '"2023-09-31"')));
    const run = check();
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const out = run.stdout;
    // Grouped: a file's name on a line of its own, then its problems.
    expect(out).toContain(
      [
        'content/events/aa-bad.md',
        '  content/events/aa-bad.md:3:7  date: `2023-09-31` is not a day on the calendar.  date/impossible',
        '      hint: Check the day and month against the article.',
      ].join('\n'),
    );
    expect(out).toContain(
      [
        'content/events/zz-bad.md',
        '  content/events/zz-bad.md:4:11  category: Unknown category `militari`. Did you mean `military`? (expected an id from content/categories.yml)  ref/unknown',
      ].join('\n'),
    );
    // Files in order; the summary counts errors and the files with problems (warnings of other files included).
    expect(out.indexOf('content/events/aa-bad.md')).toBeLessThan(out.indexOf('content/events/zz-bad.md'));
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^2 errors and \d+ warnings in \d+ files\.$/);
  });

  it('shows only the named files, and says how many errors are elsewhere', async () => {
    await write('content/events/zz-bad.md', GOOD.map((l) => (l === 'category: military' ? 'category: militari' : l)));
    await write('content/events/aa-bad.md', GOOD.map((l) => l.replace('"2023-09-20T13:00+04:00"', '"2023-09-31"')));
    const run = check('content/events/zz-bad.md');
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('aa-bad.md');
    expect(run.stdout).toContain('1 error and 0 warnings in 1 file.\n1 more error in other files: run npm run check to see them all.');
  });

  it('gives the same problems as JSON', async () => {
    await write('content/events/zz-bad.md', GOOD.map((l) => (l === 'category: military' ? 'category: militari' : l)));
    const run = check('--format=json');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; diagnostics: { file: string; line: number; column: number; field: string; ruleId: string; severity: string }[] };
    expect(report.ok).toBe(false);
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'content/events/zz-bad.md', line: 4, column: 11, field: 'category', ruleId: 'ref/unknown', severity: 'error' }),
    );
  });
});

describe('npm run check: warnings are shown and do not fail', () => {
  it('passes a clean event with no warnings of its own', async () => {
    await write('content/events/zz-good.md', GOOD);
    const run = check('content/events/zz-good.md');
    expect(run.stdout).toBe('No problems found.\n');
    expect(run.status).toBe(0);
  });

  it.each<[string, () => Promise<void>, string]>([
    [
      'an event resting on one article',
      () => write('content/events/zz-one.md', GOOD.filter((l, i) => i < 9 || i > 10)),
      'content/events/zz-one.md:8:3  warning  sources: This event rests on a single article.  event/single-source',
    ],
    [
      'a very short quote',
      () => write('content/events/zz-short.md', GOOD.map((l) => l.replace('"The agreement for a ceasefire starting at 1pm local time [09:00 GMT] on Wednesday"', '"town of Yevlkah"'))),
      'content/events/zz-short.md:11:12  warning  sources[1].quote: The quote “town of Yevlkah” is under 20 characters.  quote/short',
    ],
    [
      'an actor no event uses',
      async () => {
        await appendFile(join(project, 'content/actors.yml'), 'unused-actor:\n  name: Nobody\n  aliases: []\n');
      },
      'warning  unused-actor: No event refers to the actor `unused-actor`.  ref/unused',
    ],
    [
      'a source no event cites',
      () =>
        write('content/sources/zz-uncited.md', ['---', 'id: zz-uncited', 'title: "An uncited article"', 'published: "2023-09-20"', 'language: en', '---', 'Text.']),
      'content/sources/zz-uncited.md:2:5  warning  id: No event cites the source `zz-uncited`.  ref/unused',
    ],
  ])('%s', async (_, setUp, line) => {
    await setUp();
    const run = check();
    expect(run.stdout).toContain(line);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^0 errors and \d+ warnings? in \d+ files?\.$/);
    expect(run.status).toBe(0);
  });

  it('reports a place no event uses', async () => {
    const places = join(project, 'content/places.yml');
    const before = await readFile(places, 'utf8');
    try {
      await appendFile(places, 'nowhere:\n  name: Nowhere\n  aliases: []\n  coordinates: [40.0, 45.0]\n');
      const run = check('content/places.yml');
      expect(run.stdout).toMatch(/content\/places\.yml:\d+:1 {2}warning {2}nowhere: No event refers to the place `nowhere`\. {2}ref\/unused/);
      expect(run.status).toBe(0);
    } finally {
      await writeFile(places, before);
    }
  });
});

describe('npm run check: usage', () => {
  it('lists its rules', () => {
    const run = check('--rules');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^quote\/short {13}warning {2}/m);
    expect(run.stdout).toMatch(/^date\/impossible {9}error {4}/m);
  });

  it.each([
    [['--formt=json'], 'Unknown option --formt'],
    [['--format=xml'], '--format takes text or json, not xml.'],
    [['content/events/no-such-file.md'], 'There is no file or folder content/events/no-such-file.md.'],
    // A path outside content/ was reported "No problems found." without being read (issue 18).
    [['/etc/passwd'], "/etc/passwd is not in content/; npm run check reads only the project's content."],
    [['package.json'], "package.json is not in content/; npm run check reads only the project's content."],
    [['content/../src'], "content/../src is not in content/; npm run check reads only the project's content."],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const run = check(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
