import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_EXPANSIONS, MAX_YAML_DEPTH, parseYaml, YamlSyntaxError } from '../../src/load/yaml.ts';

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
    // The core schema's numbers only: these stay strings.
    ['n: 1_000', { n: '1_000' }],
    ['n: 0b11', { n: '0b11' }],
    ['n: +0x1F', { n: '+0x1F' }],
    ['n: -.5', { n: -0.5 }],
    ['n: 1.e2', { n: 100 }],
    ['n: .NaN', { n: NaN }],
    ['n: -.inf', { n: -Infinity }],
    ['b: False', { b: false }],
    ['z: ~', { z: null }],
    ['a: !!str 1', { a: '1' }],
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

  it('a billion-laughs bomb is refused at the alias that crosses the limit', () => {
    const bomb = [
      'title: x',
      'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', // 9 expansions
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', // 90 more: 99 in all
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', // the first *c makes 190
    ];
    const error = syntaxError(bomb.join('\n'));
    expect(MAX_ALIAS_EXPANSIONS).toBe(100);
    expect(error.message).toMatch(/^The alias `\*c` expands into too many copies/);
    expect(error.position).toEqual({ line: 5, column: 8 });
  });

  it('a few aliases are read as their values', () => {
    expect(parseYaml('a: &x [1, 2]\nb: *x\nc: *x\n').value).toEqual({ a: [1, 2], b: [1, 2], c: [1, 2] });
  });

  it('an alias inside the value it names is refused at its line', () => {
    const error = syntaxError('title: x\na: &a\n  - 1\n  - *a\n');
    expect(error.message).toBe('The alias `*a` sits inside the value it refers to');
    expect(error.position).toEqual({ line: 4, column: 5 });
  });
});

describe('parseYaml: what content YAML may not hold, refused at its line', () => {
  it.each<[string, string, number, number, RegExp]>([
    ['a js-yaml function tag', 'title: x\nf: !!js/function "function () {}"\n', 2, 4, /^The tag `!!js\/function` is not allowed/],
    ['a local tag', 'title: x\nlist: [a, !shell b]\n', 2, 11, /^The tag `!shell` is not allowed/],
    ['a __proto__ key', 'title: x\n__proto__: { admin: true }\n', 2, 1, /^The key `__proto__` is not allowed/],
    ['a quoted constructor key in a citation', 'sources:\n  - id: a\n    "constructor": 1\n', 3, 5, /^The key `constructor` is not allowed/],
    ['a second document', 'title: x\n---\ntitle: y\n', 2, 1, /^A second YAML document starts here/],
  ])('%s', (_, source, line, column, message) => {
    const error = syntaxError(source);
    expect(error.message).toMatch(message);
    expect(error.position).toEqual({ line, column });
  });

  it.each<[string, (depth: number) => string, number]>([
    ['flow lists', (depth) => `title: x\nnest: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, 2],
    // One mapping per line from line 2; the top-level one is depth 0.
    ['block mappings', (depth) => `title: x\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`, MAX_YAML_DEPTH + 2],
  ])('nesting of %s deeper than MAX_YAML_DEPTH is refused where it goes too deep, even far past the stack', (_, nest, line) => {
    expect(parseYaml(nest(MAX_YAML_DEPTH - 1)).value).toBeTypeOf('object');
    for (const depth of [MAX_YAML_DEPTH + 1, 20_000]) {
      const error = syntaxError(nest(depth));
      expect(error.message).toBe(`The YAML is nested more than ${MAX_YAML_DEPTH} levels deep; content files need only a few levels`);
      expect(error.position.line).toBe(line);
    }
  });
});
