import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { splitFrontMatter, truncate, type FrontMatterFile } from '../../src/load/front-matter.ts';

const FILE = 'content/events/example.md';

function split(text: string): FrontMatterFile {
  const result = splitFrontMatter(FILE, text);
  if ('ruleId' in result) throw new Error(`expected front matter, got ${result.ruleId}: ${result.message}`);
  return result;
}

function problem(text: string): Diagnostic {
  const result = splitFrontMatter(FILE, text);
  if (!('ruleId' in result)) throw new Error('expected a diagnostic');
  return result;
}

describe('splitFrontMatter: values, body and bodyLine', () => {
  it.each<[string, string, unknown, string, number]>([
    ['a simple file', '---\ntitle: "x"\n---\nBody text\n', { title: 'x' }, 'Body text\n', 4],
    ['an unquoted date stays a string', '---\ndate: 2023-09-20\n---\nBody\n', { date: '2023-09-20' }, 'Body\n', 4],
    [
      'a timestamp keeps its offset',
      '---\ndate: 2023-09-20T13:00:00+04:00\n---\n',
      { date: '2023-09-20T13:00:00+04:00' },
      '',
      4,
    ],
    ['a leading zero is decimal', '---\nsequence: 0123\n---\n', { sequence: 123 }, '', 4],
    ['an empty block', '---\n---\nBody\n', {}, 'Body\n', 3],
    ['blank lines before the closing line', '---\ntitle: x\n\n\n---\nBody', { title: 'x' }, 'Body', 6],
    ['a comment between fields', '---\n# note\ntitle: x\n---\nBody\n', { title: 'x' }, 'Body\n', 5],
    ['a blank line after the closing line', '---\ntitle: x\n---\n\nBody\n', { title: 'x' }, '\nBody\n', 4],
    [
      'a body with its own horizontal rule',
      '---\ntitle: x\n---\nOne\n\n---\n\nTwo\n',
      { title: 'x' },
      'One\n\n---\n\nTwo\n',
      4,
    ],
    [
      'several fields and a list',
      '---\ntitle: x\nactors: [a, b]\nsources:\n  - id: s\n    quote: q\n---\nBody\n',
      { title: 'x', actors: ['a', 'b'], sources: [{ id: 's', quote: 'q' }] },
      'Body\n',
      8,
    ],
  ])('%s', (_, text, value, body, bodyLine) => {
    const file = split(text);
    expect(file.file).toBe(FILE);
    expect(file.yaml.value).toEqual(value);
    expect(file.body).toBe(body);
    expect(file.bodyLine).toBe(bodyLine);
    // bodyLine is the file line of the body's first line.
    expect(text.split('\n').slice(bodyLine - 1).join('\n')).toBe(body);
  });

  it('locates fields by file line, counting the opening `---` as line 1', () => {
    const file = split('---\ntitle: "x"\ndate: "2023-09-20"\nsources:\n  - id: alpha\n    quote: "one"\n  - id: beta\n    quote: "two"\n---\n');
    expect(file.yaml.locate(['title'])).toEqual({ line: 2, column: 8 });
    expect(file.yaml.locate(['date'])).toEqual({ line: 3, column: 7 });
    expect(file.yaml.locate(['sources', 1, 'quote'])).toEqual({ line: 8, column: 12 });
    expect(file.yaml.locateKey(['sources', 1, 'quote'])).toEqual({ line: 8, column: 5 });
    expect(file.yaml.locateKey(['date'])).toEqual({ line: 3, column: 1 });
  });
});

describe('splitFrontMatter: problems', () => {
  it.each<[string, string, string, string]>([
    ['an empty file', '', 'file/empty', 'The file is empty.'],
    ['a file of blank lines', '  \n\n\t\n', 'file/empty', 'The file is empty.'],
    [
      'a blank line before `---`',
      '\n---\ntitle: x\n---\n',
      'file/front-matter',
      'Unexpected a blank line on line 1, expected the opening `---` of the front matter.',
    ],
    ['a space before `---`', ' ---\ntitle: x\n---\n', 'file/front-matter', 'Unexpected ` ---` on line 1'],
    ['no front matter at all', 'title: x\n', 'file/front-matter', 'Unexpected `title: x` on line 1'],
    ['JavaScript front matter', '---js\n{ title: "x" }\n---\n', 'file/front-matter', 'Unexpected `---js` on line 1'],
    ['JavaScript front matter, spelt out', '---javascript\n{ title: "x" }\n---\n', 'file/front-matter', 'Unexpected `---javascript` on line 1'],
    ['an unclosed front matter', '---\ntitle: x\n', 'file/front-matter', 'The front matter is never closed'],
    ['an unclosed front matter with a body', '---\ntitle: x\n\nBody text\n', 'file/front-matter', 'The front matter is never closed'],
    ['a closing line that is not `---`', '---\ntitle: x\n----\nBody\n', 'file/front-matter', 'The front matter is never closed'],
  ])('%s → %s', (_, text, ruleId, message) => {
    const d = problem(text);
    expect(d).toMatchObject({ file: FILE, ruleId, severity: 'error', line: 1, column: 1 });
    expect(d.message).toContain(message);
  });

  it('truncates a long first line in its message', () => {
    const d = problem(`${'x'.repeat(100)}\n`);
    expect(d.message).toBe(`Unexpected \`${'x'.repeat(39)}…\` on line 1, expected the opening \`---\` of the front matter.`);
  });

  it('never runs JavaScript front matter', () => {
    const key = '__frontMatterRan';
    problem(`---js\n{ ran: (globalThis.${key} = true) }\n---\n`);
    expect((globalThis as Record<string, unknown>)[key]).toBeUndefined();
  });

  it.each<[string, string, number, number, string]>([
    [
      'a duplicate key',
      '---\ntitle: one\ndate: "2023-09-20"\ntitle: two\n---\nBody\n',
      4,
      1,
      'Duplicate key `title`: keys must be unique; the first is on line 2',
    ],
    ['a duplicate key in a citation', '---\nsources:\n  - id: a\n    id: b\n---\n', 4, 5, 'Duplicate key `id`: keys must be unique; the first is on line 3'],
    ['an unclosed quote', '---\ntitle: "one\ndate: x\n---\nBody\n', 2, 8, 'A quoted value opened on line 2 is never closed'],
  ])('%s is a YAML error on its file line', (_, text, line, column, message) => {
    const d = problem(text);
    expect(d).toMatchObject({ file: FILE, ruleId: 'file/yaml-syntax', line, column });
    expect(d.message).toContain(`The front matter is not valid YAML: ${message}`);
  });
});

describe('truncate', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['eleven chars', 10, 'eleven ch…'],
  ])('%j at %i → %j', (text, max, out) => {
    expect(truncate(text, max)).toBe(out);
  });
});

describe('bodyLine after a front matter of comments only', () => {
  it.each([
    ['---\n# note\n---\nBody\n', 4],
    ['---\n# one\n# two\n---\nBody\n', 5],
  ])('%j → line %i', (text, line) => {
    const file = split(text);
    expect(file.body).toBe('Body\n');
    expect(file.bodyLine).toBe(line);
  });
});
