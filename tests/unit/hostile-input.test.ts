import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/diagnostics/diagnostic.ts';
import { loadContentTexts } from '../../src/load/content.ts';
import { validateContent } from '../../src/validate/index.ts';
import { VALID_CONTENT } from './support/content-project.ts';

/**
 * Broken input, one case per test, checked in memory: each gives exactly the diagnostic an editor needs (file,
 * line, column, field, rule, message). tests/cli/check.test.ts runs a few of these through the real command for
 * the exit code and the absence of a stack trace. A BOM and CRLF line endings are accepted and keep positions.
 */
const QUOTE = 'Azerbaijan launched a military operation on Tuesday.';
/** A valid event citing two sources; each case breaks one thing. Line numbers below count from this. */
const EVENT = [
  '---', // 1
  'title: "A case"', // 2
  'date: "2023-09-20"', // 3
  'category: military', // 4
  'sources:', // 5
  '  - id: alpha', // 6
  `    quote: "${QUOTE}"`, // 7
  '  - id: beta', // 8
  '    quote: "Fighting stopped when the ceasefire took effect."', // 9
  '---', // 10
  'Body.', // 11
  '',
];
const event = (edit: (lines: string[]) => string[] = (l) => l) => edit([...EVENT]).join('\n');
const CASE = 'events/zz-case.md';

/** Every error, as an editor reads it in the report: `file:line:col  field: message (expected …)  rule`. */
async function errors(overrides: Record<string, string | Uint8Array>): Promise<string[]> {
  const { raw, diagnostics: loadProblems } = await loadContentTexts({ ...VALID_CONTENT, ...overrides });
  const all = [...loadProblems, ...validateContent(raw).diagnostics];
  return all
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.file}:${d.line}:${d.column}  ${d.field ? `${d.field}: ` : ''}${d.message}${d.expected ? ` (expected ${d.expected})` : ''}  ${d.ruleId}`);
}

describe('broken input is reported with file, line and column', () => {
  it.each<[string, Record<string, string | Uint8Array>, string[]]>([
    [
      'malformed YAML: an unclosed quote',
      { [CASE]: event((l) => [l[0]!, 'title: "Unclosed', ...l.slice(2)]) },
      ['content/events/zz-case.md:2:8  The front matter is not valid YAML: A quoted value opened on line 2 is never closed: add the closing `"`  file/yaml-syntax'],
    ],
    [
      'malformed YAML: a colon in an unquoted value',
      { [CASE]: event((l) => [l[0]!, 'title: Ceasefire: takes effect', ...l.slice(2)]) },
      ['content/events/zz-case.md:2:8  The front matter is not valid YAML: Nested mappings are not allowed in compact mappings  file/yaml-syntax'],
    ],
    [
      'missing front matter',
      { [CASE]: event((l) => l.slice(1)) },
      ['content/events/zz-case.md:1:1  Unexpected `title: "A case"` on line 1, expected the opening `---` of the front matter. (expected `---` on the first line)  file/front-matter'],
    ],
    ['an empty file', { [CASE]: '' }, ['content/events/zz-case.md:1:1  The file is empty.  file/empty']],
    [
      'tabs in YAML indentation',
      { [CASE]: event((l) => l.map((x) => x.replace(/^ {2}- id: alpha/, '\t- id: alpha'))) },
      ['content/events/zz-case.md:6:1  The front matter is not valid YAML: A tab is used for indentation on line 6; YAML indents with spaces only (two per level)  file/yaml-syntax'],
    ],
    [
      'wrong types',
      { [CASE]: event((l) => [...l.slice(0, 4), 'approximate: "true"', 'actors: azerbaijan', ...l.slice(4)]) },
      [
        'content/events/zz-case.md:5:14  approximate: Unexpected text `true` in `approximate`. (expected true or false, without quotes)  schema/type',
        'content/events/zz-case.md:6:9  actors: Unexpected text `azerbaijan` in `actors`. (expected a list, e.g. `[a, b]` or one `- item` per line)  schema/type',
      ],
    ],
    [
      'unknown keys, with a "did you mean"',
      { [CASE]: event((l) => l.map((x) => x.replace('title:', 'titel:'))) },
      [
        // The missing field is placed where the front matter starts.
        'content/events/zz-case.md:2:1  title: Missing required field `title`. (expected text)  schema/required',
        'content/events/zz-case.md:2:1  titel: Unexpected field `titel`. Did you mean `title`? (expected one of `title`, `date`, `end`, `approximate`, `date_inferred`, `part_of_day`, `after`, `category`, `importance`, `sequence`, `actors`, `places`, `sources`, `claims`, `updates`)  schema/unknown-key',
      ],
    ],
    [
      'an impossible date',
      { [CASE]: event((l) => l.map((x) => x.replace('2023-09-20', '2023-02-29'))) },
      ['content/events/zz-case.md:3:7  date: `2023-02-29` is not a day on the calendar.  date/impossible'],
    ],
    [
      'an end before the start',
      { [CASE]: event((l) => [...l.slice(0, 3), 'end: "2023-09-19"', ...l.slice(3)]) },
      ['content/events/zz-case.md:4:6  end: The end `2023-09-19` is before the date `2023-09-20`. (expected an end on or after 2023-09-20)  date/end-before-start'],
    ],
    [
      'unknown ids, each with the closest one',
      { [CASE]: event((l) => [...l.slice(0, 4), 'actors: [azerbaijn]', ...l.slice(4)].map((x) => x.replace('id: alpha', 'id: alpah'))) },
      [
        'content/events/zz-case.md:5:10  actors[0]: Unknown actor `azerbaijn`. Did you mean `azerbaijan`? (expected an id from content/actors.yml)  ref/unknown',
        'content/events/zz-case.md:7:9  sources[0].id: Unknown source `alpah`. Did you mean `alpha`? (expected an id from content/sources/)  ref/unknown',
      ],
    ],
    [
      'a duplicate id, naming both lines, without a cascade of unknown references',
      { [CASE]: event(), 'actors.yml': `${VALID_CONTENT['actors.yml']!.trimEnd()}\nazerbaijan:\n  name: Azerbaijan again\n` },
      ['content/actors.yml:5:1  azerbaijan: Duplicate id `azerbaijan`, first defined on line 1. (expected each id once per file)  id/duplicate'],
    ],
    [
      'a quote not found in its source',
      { [CASE]: event((l) => l.map((x) => x.replace('on Tuesday', 'on Monday'))) },
      [
        'content/events/zz-case.md:7:12  sources[0].quote: The quote “Azerbaijan launched a military operation on Monday.” does not occur in source `alpha`. (expected a passage copied exactly from content/sources/alpha.md)  quote/not-found',
      ],
    ],
    [
      'a file that is not UTF-8, pointing at the first bad byte',
      // `Café` in Latin-1 on line 2: the é is the single byte 0xE9, at column 12 of `title: "Caf…`.
      { [CASE]: Buffer.from(event((l) => [l[0]!, 'title: "Caf\u00e9"', ...l.slice(2)]), 'latin1') },
      ['content/events/zz-case.md:2:12  The file is not UTF-8 text: byte 0xE9 here is not UTF-8. It was probably saved as Windows-1252 or Latin-1. (expected UTF-8)  file/encoding'],
    ],
    [
      'a UTF-16 file',
      { [CASE]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(event(), 'utf16le')]) },
      ['content/events/zz-case.md:1:1  The file is not UTF-8 text: byte 0xFF here is not UTF-8. It was probably saved as UTF-16 (a byte-order mark says so). (expected UTF-8)  file/encoding'],
    ],
    [
      'a 5 MB body',
      { [CASE]: event((l) => [...l.slice(0, 11), 'Lorem ipsum dolor sit amet. '.repeat((5 * 1024 * 1024) / 28 + 1)]) },
      ['content/events/zz-case.md:1:1  The file is 5.0 MB, over the 2 MB limit for one content file. (expected a file under 2 MB)  file/too-large'],
    ],
  ])('%s', async (_, overrides, expected) => {
    expect(await errors(overrides)).toEqual(expected);
  });
});

describe('a byte-order mark and Windows line endings are accepted', () => {
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
  const crlf = (text: string) => text.replace(/\n/g, '\r\n');

  it.each<[string, (text: string) => Buffer]>([
    ['a BOM', (text) => Buffer.concat([BOM, Buffer.from(text)])],
    ['CRLF line endings', (text) => Buffer.from(crlf(text))],
    ['a BOM and CRLF together', (text) => Buffer.concat([BOM, Buffer.from(crlf(text))])],
  ])('%s: the file validates, and a mistake in it is reported at its true line and column', async (_, encode) => {
    const { raw, diagnostics } = await loadContentTexts({ ...VALID_CONTENT, [CASE]: encode(event((l) => l.map((x) => x.replace('A case', 'Saved on Windows')))) });
    const result = validateContent(raw);
    expect(hasErrors([...diagnostics, ...result.diagnostics])).toBe(false);
    const saved = result.content!.events.find((e) => e.id === 'zz-case')!;
    expect(saved.title).toBe('Saved on Windows');
    expect(saved.body).not.toContain('\r');

    expect(await errors({ [CASE]: encode(event((l) => l.map((x) => x.replace('category: military', 'category: militari')))) })).toEqual([
      'content/events/zz-case.md:4:11  category: Unknown category `militari`. Did you mean `military`? (expected an id from content/categories.yml)  ref/unknown',
    ]);
  });
});
