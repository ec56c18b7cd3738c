import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { escapeControls, escapeTerminal, failureReport, formatDiagnostics, formatOne, summarise, toSafeJson } from '../../src/diagnostics/reporter.ts';

const base: Diagnostic = {
  file: 'content/events/bad.md',
  line: 4,
  column: 11,
  field: 'category',
  ruleId: 'ref/unknown',
  severity: 'error',
  message: 'Unknown category `militray`. Did you mean `military`?',
};
const d = (over: Partial<Diagnostic>): Diagnostic => ({ ...base, ...over });

describe('formatOne', () => {
  it.each<[string, Diagnostic, string]>([
    [
      'field, message, expected and rule',
      d({ expected: 'an id from content/categories.yml' }),
      '  content/events/bad.md:4:11  category: Unknown category `militray`. Did you mean `military`? (expected an id from content/categories.yml)  ref/unknown',
    ],
    ['no expected', base, '  content/events/bad.md:4:11  category: Unknown category `militray`. Did you mean `military`?  ref/unknown'],
    [
      'a whole-file problem has no field',
      d({ file: 'content/places.yml', line: 0, column: 0, field: '', ruleId: 'file/missing', message: 'This file is required and was not found.' }),
      '  content/places.yml:0:0  This file is required and was not found.  file/missing',
    ],
    [
      'a warning says so',
      d({ field: 'sources', severity: 'warning', ruleId: 'event/single-source', message: 'This event rests on a single article.', line: 8, column: 3 }),
      '  content/events/bad.md:8:3  warning  sources: This event rests on a single article.  event/single-source',
    ],
    [
      'a hint on its own line',
      d({ hint: 'Use an id defined in content/.' }),
      '  content/events/bad.md:4:11  category: Unknown category `militray`. Did you mean `military`?  ref/unknown\n      hint: Use an id defined in content/.',
    ],
    [
      'a related place, then the hint',
      d({
        file: 'content/sources/b.md',
        line: 2,
        column: 5,
        field: 'id',
        ruleId: 'id/duplicate',
        message: 'Duplicate source id `a`, first defined in content/sources/a.md.',
        related: { file: 'content/sources/a.md', line: 1 },
        hint: 'Give one of them a different id.',
      }),
      [
        '  content/sources/b.md:2:5  id: Duplicate source id `a`, first defined in content/sources/a.md.  id/duplicate',
        '      see also content/sources/a.md:1',
        '      hint: Give one of them a different id.',
      ].join('\n'),
    ],
  ])('%s', (_, diagnostic, line) => {
    expect(formatOne(diagnostic)).toBe(line);
  });
});

describe('formatDiagnostics', () => {
  it('groups by file, in file then line then column order', () => {
    const out = formatDiagnostics([
      d({ file: 'content/events/zeta.md', line: 3, column: 7, field: 'date', ruleId: 'date/impossible', message: '`2023-09-31` is not a day on the calendar.' }),
      d({ line: 9, column: 12, field: 'sources[0].quote', ruleId: 'quote/not-found', message: 'The quote “x” does not occur in source `alpha`.' }),
      d({ expected: 'an id from content/categories.yml' }),
      d({ file: 'content/events/zeta.md', line: 3, column: 1, field: 'tilte', ruleId: 'schema/unknown-key', message: 'Unexpected field `tilte`.' }),
    ]);
    expect(out).toBe(
      [
        'content/events/bad.md',
        '  content/events/bad.md:4:11  category: Unknown category `militray`. Did you mean `military`? (expected an id from content/categories.yml)  ref/unknown',
        '  content/events/bad.md:9:12  sources[0].quote: The quote “x” does not occur in source `alpha`.  quote/not-found',
        '',
        'content/events/zeta.md',
        '  content/events/zeta.md:3:1  tilte: Unexpected field `tilte`.  schema/unknown-key',
        '  content/events/zeta.md:3:7  date: `2023-09-31` is not a day on the calendar.  date/impossible',
      ].join('\n'),
    );
  });

  it('prints nothing for no diagnostics', () => {
    expect(formatDiagnostics([])).toBe('');
  });

  it('does not reorder its input', () => {
    const list = [d({ line: 9 }), d({ line: 1 })];
    formatDiagnostics(list);
    expect(list.map((x) => x.line)).toEqual([9, 1]);
  });
});

describe('summarise', () => {
  it.each<[string, Partial<Diagnostic>[], string]>([
    ['nothing', [], 'No problems found.'],
    ['one error', [{}], '1 error and 0 warnings in 1 file.'],
    ['one warning', [{ severity: 'warning' }], '0 errors and 1 warning in 1 file.'],
    ['two errors in one file', [{}, { line: 9 }], '2 errors and 0 warnings in 1 file.'],
    [
      'errors and warnings in several files',
      [{}, { file: 'content/actors.yml' }, { file: 'content/actors.yml', severity: 'warning' }, { file: 'content/sources/a.md', severity: 'warning' }],
      '2 errors and 2 warnings in 3 files.',
    ],
  ])('%s', (_, list, summary) => {
    expect(summarise(list.map(d))).toBe(summary);
  });
});

describe('failureReport', () => {
  it('lists only the errors, then their count, then what follows it on the same line', () => {
    const report = failureReport([d({}), d({ line: 8, severity: 'warning', ruleId: 'event/single-source', message: 'One article.' })], 'Nothing was written.');
    expect(report).toBe(
      [
        'content/events/bad.md',
        '  content/events/bad.md:4:11  category: Unknown category `militray`. Did you mean `military`?  ref/unknown',
        '',
        '1 error and 0 warnings in 1 file. Nothing was written.',
      ].join('\n'),
    );
  });
});

describe('terminal controls in what the reporter prints (issue 18)', () => {
  // Everything the terminal could act on; tab and newline only where the report's layout allows them.
  // eslint-disable-next-line no-control-regex -- matching controls is the point
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  const hostile = '\u001b]0;PWNED\u0007\u001b[2J\u001b[31mFAKE: 0 errors';

  it('shows C0 and C1 controls and bidi overrides as visible escapes', () => {
    const line = formatOne(d({ message: `Unexpected text \`${hostile}\`.`, hint: 'a\u009b2Jb', expected: 'x\u202ey\u2066z' }));
    expect(line).toBe(
      [
        '  content/events/bad.md:4:11  category: Unexpected text `\\u001b]0;PWNED\\u0007\\u001b[2J\\u001b[31mFAKE: 0 errors`. (expected x\\u202ey\\u2066z)  ref/unknown',
        '      hint: a\\u009b2Jb',
      ].join('\n'),
    );
    expect(line).not.toMatch(RAW);
  });

  it('escapes controls in text of several lines, and keeps its lines, tabs and every script as they are', () => {
    const text = 'Ստեփանակերտ — Xankəndi\n\t„Waffenruhe“ \u201cceasefire\u201d\u00a0ok';
    expect(escapeTerminal(text)).toBe(text);
    expect(escapeTerminal('a\u001b[2Jb\u009b\u202ec\r\n')).toBe('a\\u001b[2Jb\\u009b\\u202ec\\u000d\n');
  });

  it('keeps a value from starting a line of its own', () => {
    expect(escapeControls('a\nb\tc')).toBe('a\\u000ab\\u0009c');
  });

  it('escapes the file name heading a group too', () => {
    expect(formatDiagnostics([d({ file: 'content/events/\u001b[2J.md' })]).split('\n')[0]).toBe('content/events/\\u001b[2J.md');
  });

  it('keeps --format=json valid, with the same values once decoded', () => {
    const value = { diagnostics: [d({ message: `${hostile}\u0085\u202e` })] };
    const json = toSafeJson(value);
    expect(json).not.toMatch(RAW);
    expect(JSON.parse(json)).toEqual(value);
  });
});
