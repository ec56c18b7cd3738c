import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/load/front-matter.ts';
import { ROOT, runCli, tempProject } from '../helpers/project.ts';

/** `npm run extract`: drafts from a seed article, to the terminal, as JSON, and as files in drafts/. */
let project: string;
beforeAll(async () => {
  project = await tempProject();
});
afterAll(() => rm(project, { recursive: true, force: true }));

const extract = (...args: string[]) => runCli('extract.ts', args, project);
const ARTICLE = 'content/sources/azerbaijan-halts-karabakh-offensive.md';

describe('npm run extract', () => {
  it('prints each draft with its line, date, the exact sentence, actors, places and figures', () => {
    const run = extract(ARTICLE);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^content\/sources\/azerbaijan-halts-karabakh-offensive\.md: \d+ draft events from \d+ sentences \(published Wednesday 20 September 2023\)\.\n/);
    expect(run.stdout).toContain(
      [
        ' 1. line 13  2023-09-20',
        '    quote:   “Azerbaijan said on Wednesday it had halted military action in its breakaway region of Nagorno-Karabakh after Armenian separatist forces there surrendered and agreed to a ceasefire whose terms signalled the area would return to Baku’s control.”',
        "    date:    'on Wednesday' in an article published on Wednesday 20 September 2023.",
      ].join('\n'),
    );
    expect(run.stdout).toContain(' 2. line 15  2023-09-20T13:00+04:00 (2023-09-20 09:00 UTC)\n    quote:   “Under the agreement, confirmed by both sides and effective from 1 p.m. (0900 GMT) on Wednesday,');
    expect(run.stdout).toContain("    date:    '1 p.m. (0900 GMT) on Wednesday' in an article published on Wednesday 20 September 2023; 13:00 local time is 09:00 GMT, so the clock is +04:00.");
    expect(run.stdout).toContain(`To write these as event files in drafts/azerbaijan-halts-karabakh-offensive/: npm run extract -- ${ARTICLE} --out`);
    expect(existsSync(join(project, 'drafts'))).toBe(false);
  });

  it('gives the drafts as JSON', () => {
    const run = extract(ARTICLE, '--format=json');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { source: string; published: string; drafts: { date: { date: string; utc: string | null; text: string }; sentence: string }[] };
    expect(out.source).toBe('azerbaijan-halts-karabakh-offensive');
    expect(out.published).toBe('2023-09-20');
    expect(out.drafts.find((d) => d.sentence.startsWith('Under the agreement'))?.date).toMatchObject({ date: '2023-09-20T13:00+04:00', utc: '2023-09-20T09:00:00Z' });
  });

  it('with --out, writes one event file per draft to drafts/<source>/, and never over earlier drafts without --force', async () => {
    const run = extract(ARTICLE, '--out');
    expect(run.status).toBe(0);
    const dir = join(project, 'drafts/azerbaijan-halts-karabakh-offensive');
    const names = (await readdir(dir)).sort();
    expect(run.stdout).toContain(`Wrote ${names.length} drafts to drafts/azerbaijan-halts-karabakh-offensive/ (not published).`);
    const file = splitFrontMatter('x.md', await readFile(join(dir, 'under-the-agreement-confirmed-by-both-sides-and.md'), 'utf8'));
    if ('ruleId' in file) throw new Error(file.message);
    expect(file.yaml.value).toMatchObject({
      date: '2023-09-20T13:00+04:00',
      sources: [{ id: 'azerbaijan-halts-karabakh-offensive', quote: expect.stringMatching(/^Under the agreement, confirmed by both sides and effective from 1 p\.m\. \(0900 GMT\) on Wednesday, /) }],
    });

    await writeFile(join(dir, names[0]!), 'edited by hand\n');
    const again = extract(ARTICLE, '--out');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`drafts/azerbaijan-halts-karabakh-offensive/ already holds ${names.length} drafts, so nothing was written. Add --force to replace them.`);
    expect(again.stdout).toBe('');
    expect(await readFile(join(dir, names[0]!), 'utf8')).toBe('edited by hand\n');

    const forced = extract(ARTICLE, '--out', '--force');
    expect(forced.status).toBe(0);
    expect(await readFile(join(dir, names[0]!), 'utf8')).toMatch(/^---\n# Draft from content\/sources\/azerbaijan-halts-karabakh-offensive\.md, line \d+/);
  });

  it('never publishes drafts: a build leaves them out', async () => {
    if (!existsSync(join(project, 'drafts'))) expect(extract(ARTICLE, '--out').status).toBe(0);
    const build = runCli('build.ts', ['--quiet', '--output=out-drafts'], project);
    expect(build.status).toBe(0);
    const site = join(project, 'out-drafts');
    expect(existsSync(join(site, 'drafts'))).toBe(false);
    expect(existsSync(join(site, 'events/under-the-agreement-confirmed-by-both-sides-and'))).toBe(false);
    expect((await readFile(join(ROOT, '.gitignore'), 'utf8')).split('\n')).toContain('drafts/');
  });

  it('reports an article with broken front matter as a content error (exit 1)', async () => {
    const path = join(project, 'content/sources/zz-broken.md');
    await writeFile(path, '---\nid: zz-broken\ntitle: "x"\npublished: "2023-09-31"\nlanguage: en\n---\nText on Wednesday.\n');
    try {
      const run = extract('content/sources/zz-broken.md');
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('content/sources/zz-broken.md:4:12  published: `2023-09-31` is not a day on the calendar.  date/impossible');
    } finally {
      await rm(path);
    }
  });

  it.each([
    [['content/sources/no-such.md'], 'There is no file content/sources/no-such.md.'],
    [[], 'Give one source file'],
    [[ARTICLE, '--format=yaml'], '--format takes text or json'],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const run = extract(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('npm run extract: dates from the happening a sentence refers to', () => {
  it('dates "One day after the negotiated ceasefire" to the 21st and says which rule and anchor gave it', () => {
    const run = extract('content/sources/delegation-in-yevlax.md');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      [
        ' 1. line 13  2023-09-21',
        '    quote:   “One day after the negotiated ceasefire, an Armenian delegation came to the Azerbaijani city of Yevlax for talks.”',
        "    date:    'One day after the negotiated ceasefire': the negotiated ceasefire is dated Wednesday 20 September 2023 by the article ('A day later', line 15); one day after it is Thursday 21 September 2023.",
        "    rule:    after-happening, from the article's date for 'the negotiated ceasefire' (2023-09-20)",
      ].join('\n'),
    );
  });

  it('keeps the part of the day in JSON and in the event file a draft becomes', async () => {
    const source = 'ceasefire-and-yerevan-protests';
    const run = extract(`content/sources/${source}.md`, '--format=json', '--out', '--force');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { drafts: { id: string; sentence: string; date: { date: string; partOfDay: string | null; rule: string } }[] };
    const sotk = out.drafts.find((d) => d.sentence.includes('late on Wednesday evening'))!;
    expect(sotk.date).toMatchObject({ date: '2023-09-20', partOfDay: 'late evening', rule: 'weekday' });
    const file = splitFrontMatter('x.md', await readFile(join(project, `drafts/${source}/${sotk.id}.md`), 'utf8'));
    if ('ruleId' in file) throw new Error(file.message);
    expect(file.yaml.value).toMatchObject({ date: '2023-09-20', approximate: true, part_of_day: 'late evening' });
  });
});

describe('npm run extract:score', () => {
  /** A project of one article and three events whose counts are worked out by hand. */
  let small: string;
  beforeAll(async () => {
    small = await tempProject();
    for (const dir of ['content/events', 'content/sources']) {
      for (const name of await readdir(join(small, dir))) if (name !== 'delegation-in-yevlax.md') await rm(join(small, dir, name));
    }
    const event = (id: string, date: string, quote: string) =>
      writeFile(
        join(small, 'content/events', `${id}.md`),
        `---\ntitle: "${id}"\ndate: "${date}"\ncategory: diplomacy\nsources:\n  - id: delegation-in-yevlax\n    quote: "${quote}"\n---\nA summary.\n`,
      );
    // On its day (the 21st); on another day than its draft (the 20th); resting on a sentence without a date.
    await event('delegation-arrives', '2023-09-21', 'One day after the negotiated ceasefire, an Armenian delegation came to the Azerbaijani city of Yevlax for talks.');
    await event('ceasefire-wrong-day', '2023-09-22', 'A day later, the two sides negotiated a ceasefire brokered by Russia.');
    await event('escort', '2023-09-21', 'The delegation from Armenia was accompanied by Russian soldiers.');
  });
  afterAll(() => rm(small, { recursive: true, force: true }));

  it('counts events, drafted events, right days and drafts matching no event', () => {
    const check = runCli('check.ts', [], small);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const drafts = (JSON.parse(runCli('extract.ts', ['content/sources/delegation-in-yevlax.md', '--format=json'], small).stdout) as { drafts: { sentence: string }[] }).drafts;
    const quoted = drafts.filter((d) => d.sentence.startsWith('One day after') || d.sentence.startsWith('A day later')).length;
    expect(quoted).toBe(3); // the delegation's day, the ceasefire it refers back to, and the ceasefire's own sentence

    const run = runCli('extract-score.ts', ['--format=json'], small);
    expect(run.status).toBe(0);
    const { rows, total } = JSON.parse(run.stdout) as { rows: unknown[]; total: Record<string, unknown> };
    expect(rows).toHaveLength(1);
    expect(total).toMatchObject({ events: 3, drafted: 2, rightDay: 1, drafts: drafts.length, unmatched: drafts.length - quoted });
    expect(total.wrong).toEqual([{ event: 'ceasefire-wrong-day', expected: '2023-09-22', proposed: ['2023-09-20'] }]);

    const table = runCli('extract-score.ts', [], small).stdout;
    expect(table).toContain(`| **total** | 3 | 2 | 1 | 50% | ${drafts.length} | ${drafts.length - quoted} |`);
    expect(table).toContain('- ceasefire-wrong-day: 2023-09-22, drafted 2023-09-20');
  });

  it('refuses to score against content with errors (exit 1)', async () => {
    const path = join(small, 'content/events/broken.md');
    await writeFile(path, '---\ntitle: "broken"\ndate: "2023-09-31"\ncategory: diplomacy\n---\n');
    try {
      const run = runCli('extract-score.ts', [], small);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Fix these (npm run check) before scoring the drafts.');
    } finally {
      await rm(path);
    }
  });
});

describe('output to a reader that stops early', () => {
  it('ends quietly with its exit code when the pipe closes (`| head`), without an EPIPE stack', () => {
    // `true` exits at once, so the pipe is closed long before extract's first write.
    const script = `"${process.execPath}" --import tsx "${join(ROOT, 'src/cli/extract.ts')}" ${ARTICLE} | true; echo "exit $\{PIPESTATUS[0]}" >&2`;
    const run = spawnSync('bash', ['-c', script], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr).toBe('exit 0\n');
  });
});
