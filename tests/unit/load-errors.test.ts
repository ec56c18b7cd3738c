import { describe, expect, it } from 'vitest';
import { explainEncoding } from '../../src/load/read.ts';
import { explainYamlError, repeatedTopLevelKeys } from '../../src/load/yaml.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => [...new TextEncoder().encode(text)];

describe('explainEncoding: where the first byte that is not UTF-8 sits', () => {
  it.each<[string, Uint8Array, { line: number; column: number }, string, RegExp]>([
    ['Latin-1 é on line 2', bytes(...utf8('---\ntitle: "Caf'), 0xe9, 0x22), { line: 2, column: 12 }, '0xE9', /Latin-1/],
    ['after a BOM and multi-byte characters', bytes(0xef, 0xbb, 0xbf, ...utf8('“é”'), 0x80), { line: 1, column: 4 }, '0x80', /Latin-1/],
    ['an astral character counts as two columns, as JavaScript counts them', bytes(...utf8('😀'), 0xff), { line: 1, column: 3 }, '0xFF', /Latin-1/],
    ['CRLF counts as one line break', bytes(...utf8('a\r\nb\r\nc'), 0xe9), { line: 3, column: 2 }, '0xE9', /Latin-1/],
    ['UTF-16 with a byte-order mark', bytes(0xff, 0xfe, 0x61, 0x00), { line: 1, column: 1 }, '0xFF', /UTF-16/],
    ['UTF-16 without one', bytes(0x61, 0x00, 0xe9, 0x00), { line: 1, column: 3 }, '0xE9', /UTF-16/],
    ['a truncated sequence at the end', bytes(0x61, 0xe2, 0x80), { line: 1, column: 2 }, '0xE2', /Latin-1/],
    ['a surrogate encoded in UTF-8', bytes(0xed, 0xa0, 0x80), { line: 1, column: 1 }, '0xED', /Latin-1/],
  ])('%s', (_, input, at, byte, likely) => {
    const problem = explainEncoding(input)!;
    expect(problem.at).toEqual(at);
    expect(problem.byte).toBe(byte);
    expect(problem.likely).toMatch(likely);
  });

  it('finds nothing wrong in UTF-8', () => {
    expect(explainEncoding(bytes(0xef, 0xbb, 0xbf, ...utf8('Xankəndi “quoted” 😀\r\n')))).toBeNull();
  });
});

describe('explainYamlError', () => {
  it.each<[string, string, string, { line: number; col: number }, string, number, number]>([
    ['a tab as indentation', 'a:\n\tb: 1\n', 'TAB_AS_INDENT', { line: 2, col: 1 }, 'A tab is used for indentation on line 2; YAML indents with spaces only (two per level)', 2, 1],
    ['a tab after spaces', 'a:\n  - b: 1\n  \tc: 2\n', 'BAD_INDENT', { line: 3, col: 1 }, 'A tab is used for indentation on line 3; YAML indents with spaces only (two per level)', 3, 3],
    ['a duplicate key', 'title: one\ndate: x\ntitle: two\n', 'DUPLICATE_KEY', { line: 3, col: 1 }, 'Duplicate key `title`: keys must be unique; the first is on line 1', 3, 1],
    ['an unclosed quote, reported where it opened', 'title: "one\ndate: x\ncategory: y\n', 'MISSING_CHAR', { line: 4, col: 1 }, 'A quoted value opened on line 1 is never closed: add the closing `"`', 1, 8],
    ['anything else, as the parser says', 'a: [b\n', 'BAD_INDENT', { line: 2, col: 1 }, 'Flow sequence problem', 2, 1],
  ])('%s', (_, source, code, pos, message, line, column) => {
    const explained = explainYamlError(source, code, code === 'BAD_INDENT' && !source.includes('\t') ? 'Flow sequence problem' : 'Missing closing "quote', pos);
    expect(explained).toMatchObject({ message, line, column });
  });
});

describe('repeatedTopLevelKeys', () => {
  it('finds every repeat with its first line, ignoring nested keys and comments', () => {
    const source = ['# actors', 'azerbaijan:', '  name: A', 'armenia:', '  name: B', 'azerbaijan:', '  name: C', '"armenia":', '  name: D'].join('\n');
    expect(repeatedTopLevelKeys(source)).toEqual([
      { key: 'azerbaijan', line: 6, firstLine: 2 },
      { key: 'armenia', line: 8, firstLine: 4 },
    ]);
  });
});
