import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml, parseYamlDocument, quickLoad, YamlSyntaxError } from '../../src/load/yaml.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('parseYaml: YAML 1.2 core schema values', () => {
  it.each<[string, unknown]>([
    // Dates stay exactly as written (YAML 1.1 would make a UTC-midnight Date).
    ['date: 2023-09-20', { date: '2023-09-20' }],
    ['date: 2023-09-20T13:00:00+04:00', { date: '2023-09-20T13:00:00+04:00' }],
    ['date: 2023-09-20T13:00+04:00', { date: '2023-09-20T13:00+04:00' }],
    ['date: 2022-12', { date: '2022-12' }],
    ['date: "2023-09-20"', { date: '2023-09-20' }],
    // A bare year is a number; the schema turns it back into a year string.
    ['date: 1991', { date: 1991 }],
    // A leading zero is decimal, not octal.
    ['n: 0123', { n: 123 }],
    ['n: 0o17', { n: 15 }],
    ['n: 0x1F', { n: 31 }],
    ['flag: true', { flag: true }],
    ['flag: "false"', { flag: 'false' }],
    // YAML 1.1 booleans are plain words in 1.2.
    ['flag: yes', { flag: 'yes' }],
    ['flag: off', { flag: 'off' }],
    ['time: 12:30', { time: '12:30' }],
    ['list: [a, b]', { list: ['a', 'b'] }],
    ['empty:', { empty: null }],
    ['', {}],
    ['# only a comment', {}],
  ])('%j → %j', (source, value) => {
    expect(parseYaml(source).value).toEqual(value);
  });
});

function syntaxError(source: string, lineOffset = 0): YamlSyntaxError {
  try {
    parseYaml(source, lineOffset);
  } catch (error) {
    if (error instanceof YamlSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a YamlSyntaxError');
}

describe('parseYaml: syntax errors say where and what, in the editor\'s terms', () => {
  it.each<[string, string, number, number, string]>([
    [
      'a duplicate key',
      'title: one\ndate: "2023-09-20"\ntitle: two\n',
      3,
      1,
      'Duplicate key `title`: keys must be unique; the first is on line 1',
    ],
    [
      'a duplicate key in a list item',
      'sources:\n  - id: a\n    id: b\n',
      3,
      5,
      'Duplicate key `id`: keys must be unique; the first is on line 2',
    ],
    [
      // The parser only notices at the end of the document; the editor needs the line the quote opened on.
      'an unclosed quote',
      'title: "one\ndate: x\n',
      1,
      8,
      'A quoted value opened on line 1 is never closed: add the closing `"`',
    ],
    [
      'a tab before a list item',
      'title: x\nsources:\n\t- id: a\n',
      3,
      1,
      'A tab is used for indentation on line 3; YAML indents with spaces only (two per level)',
    ],
    ['a tab before a nested key', 'a:\n\tb: 1\n', 2, 1, 'A tab is used for indentation on line 2; YAML indents with spaces only (two per level)'],
  ])('%s', (_, source, line, column, message) => {
    const error = syntaxError(source);
    expect(error.position).toEqual({ line, column });
    expect(error.message).toBe(message);
  });

  it('shifts error positions by lineOffset', () => {
    expect(syntaxError('a: 1\na: 2\n', 10).position).toEqual({ line: 12, column: 1 });
  });
});

const EVENT = [
  'title: "Ceasefire"', //                     1
  'date: "2023-09-20T13:00+04:00"', //         2
  'actors: [armenia, azerbaijan]', //          3
  'sources:', //                               4
  '  - id: alpha', //                          5
  '    quote: "The first passage."', //        6
  '  - id: beta', //                           7
  '    quote: "The second passage."', //       8
  '    prefix: >-', //                         9
  '      folded', //                           10
  '      text', //                             11
  'claims: []', //                             12
].join('\n');

describe('locate and locateKey: 1-based line and column', () => {
  const yaml = parseYaml(EVENT);

  it.each<[string, (string | number)[], number, number]>([
    ['a top-level value', ['title'], 1, 8],
    ['a quoted date', ['date'], 2, 7],
    ['a flow list', ['actors'], 3, 9],
    ['an item in a flow list', ['actors', 1], 3, 19],
    ['a block list', ['sources'], 5, 3],
    ['the first citation', ['sources', 0], 5, 5],
    ['a citation id', ['sources', 0, 'id'], 5, 9],
    ['the second quote', ['sources', 1, 'quote'], 8, 12],
    ['a folded scalar', ['sources', 1, 'prefix'], 9, 13],
    ['an empty list', ['claims'], 12, 9],
    // A missing field points at its nearest existing parent.
    ['a missing field of a citation', ['sources', 1, 'suffix'], 7, 5],
    ['a missing item', ['sources', 5, 'quote'], 5, 3],
    ['a missing top-level field', ['category'], 1, 1],
    ['the whole document', [], 1, 1],
  ])('locate: %s', (_, path, line, column) => {
    expect(yaml.locate(path)).toEqual({ line, column });
  });

  it.each<[string, (string | number)[], number, number]>([
    ['a top-level key', ['title'], 1, 1],
    ['a key with a block value', ['sources'], 4, 1],
    ['a key inside a list item', ['sources', 1, 'quote'], 8, 5],
    ['a key in the first item', ['sources', 0, 'id'], 5, 5],
    ['the key of an empty list', ['claims'], 12, 1],
  ])('locateKey: %s', (_, path, line, column) => {
    expect(yaml.locateKey(path)).toEqual({ line, column });
  });

  it('shifts positions by lineOffset', () => {
    const shifted = parseYaml(EVENT, 3);
    expect(shifted.locate(['sources', 1, 'quote'])).toEqual({ line: 11, column: 12 });
    expect(shifted.locateKey(['date'])).toEqual({ line: 5, column: 1 });
  });
});

describe('aliases: a broken one is an editor error, not a crash', () => {
  it('an alias to no anchor before it names the alias and its line', () => {
    const error = syntaxError('title: x\nactors: *people\n');
    expect(error.message).toBe('The alias `*people` refers to no anchor `&people` defined before it');
    expect(error.position).toEqual({ line: 2, column: 9 });
  });

  it('aliases that would expand into a huge document are refused', () => {
    const nested = ['a: &a [1, 1, 1, 1, 1, 1, 1, 1]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a]', 'c: [*b, *b, *b, *b, *b, *b, *b, *b]'];
    expect(syntaxError(nested.join('\n')).message).toMatch(/^Too many aliases/);
  });
});

/** Seeded, so a failure names a reproducible mutant. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function documentValue(source: string): unknown {
  try {
    return parseYamlDocument(source, 0, {}).value;
  } catch (error) {
    if (error instanceof YamlSyntaxError) return 'error';
    throw error;
  }
}

function quickValue(source: string): unknown {
  try {
    return parseYaml(source).value;
  } catch (error) {
    if (error instanceof YamlSyntaxError) return 'error';
    throw error;
  }
}

describe('the quick reading (js-yaml) agrees with the yaml package wherever it is used', () => {
  const seedFrontMatter = ['events', 'sources'].flatMap((folder) => {
    const dir = join(ROOT, 'content', folder);
    return readdirSync(dir).map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      return text.slice(4, text.indexOf('\n---', 3) + 1);
    });
  });
  const dataFiles = ['site', 'categories', 'actors', 'places', 'style'].map((name) => readFileSync(join(ROOT, 'content', `${name}.yml`), 'utf8'));

  it('reads every seed content file, and reads it as the yaml package does', () => {
    for (const source of [...seedFrontMatter, ...dataFiles]) {
      const quick = quickLoad(source);
      expect(quick, source.slice(0, 60)).toBeDefined();
      expect(quick!.value ?? {}).toStrictEqual(parseYamlDocument(source, 0, {}).value);
    }
  });

  it.each<[string, string]>([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a tab', 'a:\t1\n'],
    ['a directive', '%YAML 1.1\n---\na: 1\n'],
    ['a comment right after a quote, which yaml refuses', 'a: "x"#c\n'],
    ['a quoted value continued on a less indented line, which yaml refuses', 'list:\n  - quote: "one\n  two"\n'],
    ['a flow list continued on the next line', 'a: [x,\n  y]\n'],
    ['a folded block scalar', 'a: >-\n  one\n  two\n'],
    ['a complex key', '? [a, b]\n: 1\n'],
    ['a collection as a key', '[a, b]: 1\n'],
    ['an empty key, which js-yaml calls `null`', 'a: [: x]\n'],
    ['a lone carriage return', 'a: 1\rb: 2\n'],
    ['a duplicate key, which js-yaml also refuses', 'a: 1\na: 2\n'],
    ['text after a document marker, which js-yaml reads as a key', '---title: x\n'],
    ['a document marker', '--- \ntitle: x\n...\n'],
    ['a key over 1,024 characters, which yaml refuses', `${'k'.repeat(1100)}: 1\n`],
  ])('leaves %s to the yaml package', (_, source) => {
    expect(quickLoad(source)).toBeUndefined();
  });

  it.each<[string, unknown]>([
    // js-yaml's own core schema would read these as numbers.
    ['n: 1_000', { n: '1_000' }],
    ['n: 0b11', { n: '0b11' }],
    ['n: +0x1F', { n: '+0x1F' }],
    ['n: 0123', { n: 123 }],
    ['n: 0o17', { n: 15 }],
    ['n: -.5', { n: -0.5 }],
    ['n: 1.e2', { n: 100 }],
    ['n: .NaN', { n: NaN }],
    ['n: -.inf', { n: -Infinity }],
    ['b: False', { b: false }],
    ['b: yes', { b: 'yes' }],
    ['z: ~', { z: null }],
    ['d: 2023-09-20', { d: '2023-09-20' }],
  ])('reads the core schema as yaml does: %j', (source, value) => {
    expect(quickLoad(source)?.value).toStrictEqual(value);
    expect(parseYamlDocument(source, 0, {}).value).toStrictEqual(value);
  });

  it('locates fields on the quick path as the yaml package does', () => {
    const source = seedFrontMatter.find((s) => s.includes('claims:'))!;
    expect(quickLoad(source)).toBeDefined();
    const quick = parseYaml(source, 1);
    const full = parseYamlDocument(source, 1, {});
    for (const path of [['title'], ['sources', 1, 'quote'], ['claims', 0, 'value'], ['claims', 0, 'nope'], ['nope']]) {
      expect(quick.locate(path)).toEqual(full.locate(path));
      expect(quick.locateKey(path)).toEqual(full.locateKey(path));
    }
  });

  it('gives the same value or the same refusal on 3,000 mutated seed front matters', () => {
    const random = prng(20231920);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const inserts = [':', ': ', ' #', '#', '"', "'", '\\', '- ', '-', '[', ']', '{', '}', ',', '? ', ' ', '\n', '\n  ', '|', '>-', '@', '`', '%',
      '&a ', '*a', '!!str ', '\t', '\r', '\r\n', '0o17', '1_000', '.5', '1e3', 'null', '~', 'True', 'yes', '2023-09-20', '12:30', '0123', '...', '---'];
    let agreed = 0;
    for (let i = 0; i < 3000; i++) {
      let source = pick([...seedFrontMatter, ...dataFiles]);
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const at = Math.floor(random() * source.length);
        source = random() < 0.7 ? source.slice(0, at) + pick(inserts) + source.slice(at) : source.slice(0, at) + source.slice(at + 1 + Math.floor(random() * 3));
      }
      const expected = documentValue(source);
      expect(quickValue(source), JSON.stringify(source)).toStrictEqual(expected);
      if (expected !== 'error' && quickLoad(source)) agreed++;
    }
    // Most mutants stay valid and take the quick path, so the comparison is not vacuous.
    expect(agreed).toBeGreaterThan(1000);
  });
});
