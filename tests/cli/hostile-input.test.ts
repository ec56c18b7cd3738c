import { existsSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject, type Run } from '../helpers/project.ts';

/**
 * Broken input through the real commands: exit 1, the report without a stack trace, nothing written. Which
 * diagnostic each kind of broken file gives is pinned in tests/unit/hostile-input.test.ts, in memory.
 */
let project: string;
const CASE = 'content/events/zz-case.md';

beforeAll(async () => {
  project = await tempProject();
});
afterAll(() => rm(project, { recursive: true, force: true }));
afterEach(() => rm(join(project, CASE), { force: true }));

const EVENT = [
  '---',
  'title: "A case"',
  'date: "2023-09-20"',
  'category: military',
  'sources:',
  '  - id: azerbaijan-halts-operation',
  '    quote: "Russian peacekeepers and separatist forces evacuated thousands of civilians from the fighting."',
  '---',
  'Body.',
  '',
];

function expectNoStack(run: Run): void {
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(run.stderr).not.toContain('Internal error');
}

describe('broken input through the commands', () => {
  it('build: malformed YAML exits 1 with the report, no stack, and writes nothing', async () => {
    await writeFile(join(project, CASE), EVENT.map((l, i) => (i === 1 ? 'title: "Unclosed' : l)).join('\n'));
    const run = runCli('build.ts', ['--quiet', '--output=out-yaml'], project);
    expect(run.stderr).toContain(`\n  ${CASE}:2:8  The front matter is not valid YAML: A quoted value opened on line 2 is never closed: add the closing \`"\`  file/yaml-syntax`);
    expect(run.stderr).toContain('1 error and 0 warnings in 1 file. Nothing was written; out-yaml/ is unchanged.');
    expectNoStack(run);
    expect(run.status).toBe(1);
    expect(existsSync(join(project, 'out-yaml'))).toBe(false);
    expect((await readdir(project)).filter((n) => n.startsWith('.out-yaml'))).toEqual([]);
  });

  it('check: a file that is not UTF-8 exits 1 without a stack', async () => {
    await writeFile(join(project, CASE), Buffer.from(EVENT.map((l, i) => (i === 1 ? 'title: "Caf\u00e9"' : l)).join('\n'), 'latin1'));
    const run = runCli('check.ts', [CASE], project);
    expect(run.stdout).toContain(`  ${CASE}:2:12  The file is not UTF-8 text: byte 0xE9 here is not UTF-8.`);
    expectNoStack(run);
    expect(run.status).toBe(1);
  });

  it('check: terminal escapes in a value are printed visibly, never raw, and --format=json stays valid (issue 18)', async () => {
    const hostile = '\\u001b]0;PWNED\\u0007\\u001b[2J\\u001b[31mFAKE: 0 errors';
    await writeFile(join(project, CASE), EVENT.map((l, i) => (i === 3 ? `category: "${hostile}"` : l)).join('\n'));
    const text = runCli('check.ts', [CASE], project);
    expect(text.stdout).toContain('Unexpected text `\\u001b]0;PWNED\\u0007\\u001b[2J\\u001b[31mFAKE: 0 errors` in `category`.');
    // eslint-disable-next-line no-control-regex -- looking for raw escapes is the point
    expect(text.stdout).not.toMatch(/[\u001b\u0007]/);
    expectNoStack(text);
    expect(text.status).toBe(1);

    const json = runCli('check.ts', [CASE, '--format=json'], project);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; diagnostics: { field: string; actual?: string }[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.diagnostics.find((d) => d.field === 'category')!.actual).toBe('\u001b]0;PWNED\u0007\u001b[2J\u001b[31mFAKE: 0 errors');
    expect(json.status).toBe(1);
  });

  it('extract: terminal escapes in an article are printed visibly, never raw, in text and in JSON', async () => {
    const article = 'content/sources/zz-escapes.md';
    await writeFile(
      join(project, article),
      [
        '---',
        'id: zz-escapes',
        'title: "Escapes"',
        'published: "2023-09-21"',
        'language: en',
        '---',
        // ESC [2J clears the screen, ESC ]0;… retitles the window; U+009B is the one-byte (C1) form of ESC [.
        'On Wednesday, \u001b]0;PWNED\u0007\u001b[2Jforces of Azerbaijan attacked Stepanakert.',
        '',
        'A day later, \u009b31mtalks began in Yevlakh.',
        '',
      ].join('\n'),
    );
    try {
      const text = runCli('extract.ts', [article], project);
      expect(text.stdout).toContain('On Wednesday, \\u001b]0;PWNED\\u0007\\u001b[2Jforces');
      expect(text.stdout).toContain('A day later, \\u009b31mtalks');
      // eslint-disable-next-line no-control-regex -- looking for raw escapes is the point
      expect(text.stdout + text.stderr).not.toMatch(/[\u001b\u0007\u009b]/);
      expectNoStack(text);
      expect(text.status).toBe(0);

      const json = runCli('extract.ts', [article, '--format=json'], project);
      // eslint-disable-next-line no-control-regex -- as above
      expect(json.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
      const parsed = JSON.parse(json.stdout) as { drafts: { sentence: string }[] };
      expect(parsed.drafts.map((d) => d.sentence)).toContain('A day later, \u009b31mtalks began in Yevlakh.');
    } finally {
      await rm(join(project, article), { force: true });
    }
  });

  it('usage errors: terminal escapes in an argument are printed visibly, never raw', () => {
    const run = runCli('new-event.ts', ['A title', '--date=2023-09-20', '--category=\u001b[2J\u009b31mmilitar'], project);
    expect(run.stderr).toContain('Unknown category `\\u001b[2J\\u009b31mmilitar`.');
    // eslint-disable-next-line no-control-regex -- looking for raw escapes is the point
    expect(run.stderr).not.toMatch(/[\u001b\u009b]/);
    expect(run.status).toBe(2);
  });
});
