import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/load/front-matter.ts';
import { ROOT, runCli, snapshot, tempProject } from '../helpers/project.ts';

/** `npm run new`: scaffolds an event file, validates its arguments first, never overwrites by accident. */
let project: string;
beforeAll(async () => {
  project = await tempProject();
});
afterAll(() => rm(project, { recursive: true, force: true }));

const events = () => join(project, 'content/events');
const newEvent = (...args: string[]) => runCli('new-event.ts', args, project);
const frontMatter = async (id: string) => {
  const file = splitFrontMatter(id, await readFile(join(events(), `${id}.md`), 'utf8'));
  if ('ruleId' in file) throw new Error(file.message);
  return file.yaml.value as Record<string, unknown>;
};

describe('npm run new', () => {
  it('writes content/events/<slug>.md with the full template, prints the path and the next command, without a TTY', async () => {
    // stdin closed: nothing may wait for an answer.
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/new-event.ts'), 'Armenian delegation arrives in Yevlax', '--date', '2023-09-21T10:00+04:00', '--category', 'diplomacy'], {
      cwd: project,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'Created content/events/armenian-delegation-arrives-in-yevlax.md\nNext: fill in the fields it marks, write a short summary below the front matter, then run: npm run check\n',
    );
    const text = await readFile(join(events(), 'armenian-delegation-arrives-in-yevlax.md'), 'utf8');
    for (const field of ['title', 'date', 'end', 'approximate', 'date_inferred', 'category', 'importance', 'sequence', 'actors', 'places', 'sources', 'claims']) {
      expect(text, field).toMatch(new RegExp(`^(?:# )?${field}:`, 'm'));
    }
    expect(await frontMatter('armenian-delegation-arrives-in-yevlax')).toMatchObject({
      title: 'Armenian delegation arrives in Yevlax',
      date: '2023-09-21T10:00+04:00',
      category: 'diplomacy',
      actors: [],
      places: [],
    });
  });

  it('fills in the source, so that `npm run check` only asks for the quote', async () => {
    const run = newEvent('Talks open in Yevlakh', '--date=2023-09-21', '--category=politics', '--source=delegation-in-yevlax');
    expect(run.status).toBe(0);
    const check = runCli('check.ts', ['content/events/talks-open-in-yevlakh.md'], project);
    expect(check.status).toBe(1);
    const errors = check.stdout.split('\n').filter((l) => l.startsWith('  content/') && !l.includes('  warning  '));
    expect(errors).toEqual([
      '  content/events/talks-open-in-yevlakh.md:14:12  sources[0].quote: The quote “Paste the exact passage from the article here.” does not occur in source `delegation-in-yevlax`. (expected a passage copied exactly from content/sources/delegation-in-yevlax.md)  quote/not-found',
    ]);
  });

  it('keeps a title with quotes, colons and hashes exactly', async () => {
    const title = 'Aliyev: "They are our citizens" # not a comment';
    expect(newEvent(title, '--date=2023-09-20', '--id=aliyev-citizens').status).toBe(0);
    expect((await frontMatter('aliyev-citizens')).title).toBe(title);
  });

  it('refuses to overwrite an existing event, names a free id, and replaces it only with --force', async () => {
    const path = join(events(), 'blockade.md');
    const before = await readFile(path, 'utf8');
    const run = newEvent('Blockade', '--date=2022-12');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('content/events/blockade.md already exists, so nothing was written. To keep it, choose another id: --id=blockade-2. To replace it, add --force.');
    expect(await readFile(path, 'utf8')).toBe(before);

    const forced = newEvent('Blockade', '--date=2022-12', '--force');
    expect(forced.status).toBe(0);
    expect(await frontMatter('blockade')).toMatchObject({ title: 'Blockade', date: '2022-12' });
    await writeFile(path, before);
  });

  it.each<[string, string[], string]>([
    ['an impossible date', ['Talks', '--date=2023-02-30'], '--date: `2023-02-30` is not a day on the calendar.'],
    ['a time without an offset', ['Talks', '--date=2023-09-21T10:00'], '--date: `2023-09-21T10:00` has a time but no offset'],
    ['a date that is not ISO 8601', ['Talks', '--date=21/09/2023'], '--date: Unexpected `21/09/2023`, expected ISO 8601'],
    ['an end before the date', ['Talks', '--date=2023-09-21', '--end=2023-09-20'], '--end 2023-09-20 is before --date 2023-09-21.'],
    ['no date', ['Talks'], 'Give the date with --date'],
    ['no title', ['--date=2023-09-21'], "Give the event's title, in quotes"],
    ['an unknown category', ['Talks', '--date=2023-09-21', '--category=militray'], 'Unknown category `militray`. Did you mean `military`?'],
    ['an unknown source', ['Talks', '--date=2023-09-21', '--source=delegation-in-yevlx'], 'Unknown source `delegation-in-yevlx`: there is no content/sources/delegation-in-yevlx.md. Did you mean `delegation-in-yevlax`?'],
    ['an id that is not lowercase words', ['Talks', '--date=2023-09-21', '--id=Talks_2'], 'Unexpected id `Talks_2`'],
    ['a title without Latin letters', ['Ереван', '--date=2023-09-21'], 'give one with --id='],
  ])('rejects %s up front (exit 2) and writes nothing', async (_, args, message) => {
    const before = await snapshot(events());
    const run = newEvent(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(await snapshot(events())).toEqual(before);
  });

  it('prints its options with --help', () => {
    const run = newEvent('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--force');
    expect(existsSync(join(events(), '--help.md'))).toBe(false);
  });
});
