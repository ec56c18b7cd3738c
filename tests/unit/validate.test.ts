import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sortDiagnostics, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadContent } from '../../src/load/content.ts';
import { loadAndValidate } from '../../src/pipeline.ts';
import { validateContent } from '../../src/validate/index.ts';
import { contentProject, eventWith, removeProject, VALID_CONTENT } from './support/content-project.ts';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeProject));
});

async function check(overrides: Parameters<typeof contentProject>[0] = {}) {
  const root = await contentProject(overrides);
  roots.push(root);
  return loadAndValidate(root);
}

/** What a test pins down about one diagnostic; `message` and `expected` are parts of the text. */
interface Expect {
  ruleId: string;
  file?: string;
  line: number;
  column: number;
  field: string;
  message: string;
  expected?: string;
  severity?: 'error' | 'warning';
}

const BAD = 'content/events/bad.md';

/** Compares in report order (file, line, column, rule, field), not in the order the checks ran. */
function expectDiagnostics(unsorted: readonly Diagnostic[], expected: readonly Expect[]) {
  const actual = sortDiagnostics(unsorted);
  const shape = (d: Diagnostic) => ({ ruleId: d.ruleId, file: d.file, line: d.line, column: d.column, field: d.field, severity: d.severity });
  expect(actual.map(shape)).toEqual(
    expected.map((e) => ({ ruleId: e.ruleId, file: e.file ?? BAD, line: e.line, column: e.column, field: e.field, severity: e.severity ?? 'error' })),
  );
  expected.forEach((e, i) => {
    expect(actual[i]!.message).toContain(e.message);
    if (e.expected !== undefined) expect(actual[i]!.expected).toContain(e.expected);
  });
}

describe('loadAndValidate: the valid content set', () => {
  it('returns content with zero diagnostics', async () => {
    const { content, diagnostics } = await check();
    expect(diagnostics).toEqual([]);
    expect(content).not.toBeNull();
    expect(content!.site).toMatchObject({ title: 'Test timeline', url: 'https://example.org', timeZone: '+04:00' });
    expect(content!.site.eraStart.local).toBe('2023-09');
    expect(content!.categories.map((c) => c.id)).toEqual(['military', 'background']);
    expect(content!.actors.map((a) => a.id)).toEqual(['azerbaijan', 'armenia']);
    // A place without its own zone takes the site's.
    expect(content!.places).toEqual([
      { id: 'stepanakert', name: 'Stepanakert', description: null, aliases: [], alsoCalled: [], alsoSpelled: [], coordinates: [39.815, 46.752], timeZone: '+04:00' },
    ]);
    expect(content!.sources.map((s) => [s.id, s.file, s.url, s.published.local])).toEqual([
      ['alpha', 'content/sources/alpha.md', 'https://example.org/alpha', '2023-09-20'],
      ['beta', 'content/sources/beta.md', null, '2023-09-21'],
    ]);
    const ceasefire = content!.events.find((e) => e.id === 'ceasefire')!;
    expect(ceasefire).toMatchObject({
      file: 'content/events/ceasefire.md',
      title: 'The ceasefire takes effect',
      category: 'military',
      approximate: false,
      sequence: 0,
      end: null,
      actors: ['armenia'],
      places: ['stepanakert'],
      body: 'The ceasefire took effect.\n',
    });
    expect(ceasefire.date).toMatchObject({ raw: '2023-09-20T13:00+04:00', utc: '2023-09-20T09:00:00Z', precision: 'minute' });
    expect(ceasefire.claims).toEqual([
      {
        source: 'beta',
        quote: 'Armenia said at least 32 people had been killed.',
        prefix: null,
        suffix: null,
        measure: 'killed',
        value: 32,
        max: null,
        figure: null,
        qualifier: 'at-least',
        claimant: 'armenia',
        attribution: null,
        reported: null,
      },
    ]);
  });

  it.each<[string, Record<number, string | null>]>([
    ['the extra event as written', {}],
    ['an unquoted date', { 3: 'date: 2023-09-19' }],
    ['an unquoted year', { 3: 'date: 2023' }],
    ['a span', { 3: 'date: "2023-09-19"\nend: "2023-09-20"' }],
    ['a span ending in its own month', { 3: 'date: "2023-09-19"\nend: "2023-09"' }],
    ['approximate: true', { 3: 'date: "2023-09-19"\napproximate: true' }],
    ['a prefix that picks one of two passages', { 11: '    quote: "Officials said the talks would continue."\n    prefix: "had been killed."' }],
    ['a suffix that picks one of two passages', { 11: '    quote: "Officials said the talks would continue."\n    suffix: "Armenia said"' }],
    ['a background event with one source', { 4: 'category: background', 10: null, 11: null }],
    ['the actors a source names as taking part', { 9: '    quote: "Azerbaijan launched a military operation on Tuesday."\n    actors: [azerbaijan, armenia]' }],
    ['a trimmed quote whose parts occur in order', { 9: '    quote: "Azerbaijan launched a military operation […] at 1 p.m. on Wednesday."' }],
  ])('accepts %s', async (_, edits) => {
    const { content, diagnostics } = await check({ 'events/bad.md': eventWith(edits) });
    expect(diagnostics).toEqual([]);
    expect(content!.events.map((e) => e.id)).toContain('bad');
  });
});

const CLAIM = (...fields: string[]) =>
  [
    '    quote: "Fighting stopped when the ceasefire took effect."', // 11
    'claims:', //                                                     12
    '  - measure: killed', //                                         13
    ...fields.map((f) => `    ${f}`), //                              14…
  ].join('\n');

describe('loadAndValidate: one mistake in one event', () => {
  it.each<[string, Record<number, string | null>, Expect[]]>([
    [
      'an unknown source id',
      { 10: '  - id: zzz-unknown' },
      [{ ruleId: 'ref/unknown', line: 10, column: 9, field: 'sources[1].id', message: 'Unknown source `zzz-unknown`.', expected: 'an id from content/sources/' }],
    ],
    [
      'a misspelt source id',
      { 8: '  - id: alpah' },
      [{ ruleId: 'ref/unknown', line: 8, column: 9, field: 'sources[0].id', message: 'Unknown source `alpah`. Did you mean `alpha`?' }],
    ],
    [
      'an unknown actor',
      { 5: 'actors: [azerbaijan, nobody-here]' },
      [{ ruleId: 'ref/unknown', line: 5, column: 22, field: 'actors[1]', message: 'Unknown actor `nobody-here`.', expected: 'an id from content/actors.yml' }],
    ],
    [
      'a misspelt actor',
      { 5: 'actors: [armenai]' },
      [{ ruleId: 'ref/unknown', line: 5, column: 10, field: 'actors[0]', message: 'Unknown actor `armenai`. Did you mean `armenia`?' }],
    ],
    [
      'an unknown place',
      { 6: 'places: [stepankert]' },
      [
        {
          ruleId: 'ref/unknown',
          line: 6,
          column: 10,
          field: 'places[0]',
          message: 'Unknown place `stepankert`. Did you mean `stepanakert`?',
          expected: 'an id from content/places.yml',
        },
      ],
    ],
    [
      'an unknown category',
      { 4: 'category: militray' },
      [
        {
          ruleId: 'ref/unknown',
          line: 4,
          column: 11,
          field: 'category',
          message: 'Unknown category `militray`. Did you mean `military`?',
          expected: 'an id from content/categories.yml',
        },
      ],
    ],
    [
      'a quote not in its source',
      { 9: '    quote: "Azerbaijan launched a naval operation on Tuesday."' },
      [
        {
          ruleId: 'quote/not-found',
          line: 9,
          column: 12,
          field: 'sources[0].quote',
          message: 'The quote “Azerbaijan launched a naval operation on Tuesday.” does not occur in source `alpha`.',
          expected: 'a passage copied exactly from content/sources/alpha.md',
        },
      ],
    ],
    [
      'a quote from the other source',
      { 11: '    quote: "Azerbaijan launched a military operation on Tuesday."' },
      [{ ruleId: 'quote/not-found', line: 11, column: 12, field: 'sources[1].quote', message: 'does not occur in source `beta`.' }],
    ],
    [
      'a quote whose prefix is wrong',
      { 9: '    quote: "Azerbaijan launched a military operation on Tuesday."\n    prefix: "Yesterday"' },
      [
        {
          ruleId: 'quote/not-found',
          line: 9,
          column: 12,
          field: 'sources[0].quote',
          message: 'The quote occurs in `alpha`, but not next to the given prefix/suffix.',
        },
      ],
    ],
    [
      'a trimmed quote whose second part comes before its first in the source',
      { 9: '    quote: "The ceasefire took effect … Azerbaijan launched a military operation"' },
      [
        {
          ruleId: 'quote/trimmed-part',
          line: 9,
          column: 12,
          field: 'sources[0].quote',
          message: 'Part 2 of 2 of the trimmed quote, “Azerbaijan launched a military operation”, does not occur in source `alpha` after the part before it.',
          expected: 'each part between `…` or `[…]` copied exactly from the source, in the order the source gives them',
        },
      ],
    ],
    [
      'an unknown actor among those a source names as taking part',
      { 9: '    quote: "Azerbaijan launched a military operation on Tuesday."\n    actors: [armenia, rusia]' },
      [{ ruleId: 'ref/unknown', line: 10, column: 23, field: 'sources[0].actors[1]', message: 'Unknown actor `rusia`.', expected: 'an id from content/actors.yml' }],
    ],
    [
      'an ambiguous quote',
      { 11: '    quote: "Officials said the talks would continue."' },
      [
        {
          ruleId: 'quote/ambiguous',
          line: 11,
          column: 12,
          field: 'sources[1].quote',
          message: 'The quote occurs 2 times in `beta`.',
          expected: 'a `prefix` or `suffix` that picks one occurrence',
        },
      ],
    ],
    [
      '`end` before `date`',
      { 3: 'date: "2023-09-20"\nend: "2023-09-19"' },
      [
        {
          ruleId: 'date/end-before-start',
          line: 4,
          column: 6,
          field: 'end',
          message: 'The end `2023-09-19` is before the date `2023-09-20`.',
          expected: 'an end on or after 2023-09-20',
        },
      ],
    ],
    [
      'a timed `end` before a timed `date` on the same day',
      { 3: 'date: "2023-09-20T13:00+04:00"\nend: "2023-09-20T12:00+04:00"' },
      [{ ruleId: 'date/end-before-start', line: 4, column: 6, field: 'end', message: 'The end `2023-09-20T12:00+04:00` is before the date `2023-09-20T13:00+04:00`.' }],
    ],
    [
      '31 September',
      { 3: 'date: "2023-09-31"' },
      [{ ruleId: 'date/impossible', line: 3, column: 7, field: 'date', message: '`2023-09-31` is not a day on the calendar.' }],
    ],
    [
      '29 February 2023',
      { 3: 'date: "2023-02-29"' },
      [{ ruleId: 'date/impossible', line: 3, column: 7, field: 'date', message: '`2023-02-29` is not a day on the calendar.' }],
    ],
    [
      'month 13',
      { 3: 'date: "2023-13"' },
      [{ ruleId: 'date/impossible', line: 3, column: 7, field: 'date', message: '`2023-13` has no month 13; months run from 01 to 12.' }],
    ],
    [
      'hour 24',
      { 3: 'date: "2023-09-19T24:00+04:00"' },
      [{ ruleId: 'date/impossible', line: 3, column: 7, field: 'date', message: '`2023-09-19T24:00+04:00` has no time 24:00.' }],
    ],
    [
      'an impossible `end`',
      { 3: 'date: "2023-09-19"\nend: "2023-09-31"' },
      [{ ruleId: 'date/impossible', line: 4, column: 6, field: 'end', message: '`2023-09-31` is not a day on the calendar.' }],
    ],
    [
      'a time without offset',
      { 3: 'date: "2023-09-19T13:00"' },
      [
        {
          ruleId: 'date/needs-zone',
          line: 3,
          column: 7,
          field: 'date',
          message: '`2023-09-19T13:00` has a time but no offset, so its moment is unknown; expected e.g. `2023-09-19T13:00+04:00`.',
        },
      ],
    ],
    [
      'a day-first date',
      { 3: 'date: "19/09/2023"' },
      [
        {
          ruleId: 'date/format',
          line: 3,
          column: 7,
          field: 'date',
          message: 'Unexpected `19/09/2023`, expected ISO 8601 such as `1991`, `2022-12`, `2023-09-20` or `2023-09-20T13:00+04:00`.',
        },
      ],
    ],
    [
      'an unknown key',
      { 3: 'date: "2023-09-19"\ndate_infered: "From the article."' },
      [
        {
          ruleId: 'schema/unknown-key',
          line: 4,
          column: 1,
          field: 'date_infered',
          message: 'Unexpected field `date_infered`. Did you mean `date_inferred`?',
          expected: '`date_inferred`',
        },
      ],
    ],
    [
      'an unknown key in a citation',
      { 9: '    quote: "Azerbaijan launched a military operation on Tuesday."\n    prefx: "the"' },
      [
        {
          ruleId: 'schema/unknown-key',
          line: 10,
          column: 5,
          field: 'sources[0].prefx',
          message: 'Unexpected field `prefx`. Did you mean `prefix`?',
          expected: 'one of `id`, `quote`, `prefix`, `suffix`',
        },
      ],
    ],
    [
      'a misspelt required key',
      { 2: 'tilte: "A bad event"' },
      [
        { ruleId: 'schema/required', line: 2, column: 1, field: 'title', message: 'Missing required field `title`.' },
        { ruleId: 'schema/unknown-key', line: 2, column: 1, field: 'tilte', message: 'Unexpected field `tilte`. Did you mean `title`?' },
      ],
    ],
    [
      '`approximate: "false"` in quotes',
      { 3: 'date: "2023-09-19"\napproximate: "false"' },
      [
        {
          ruleId: 'schema/type',
          line: 4,
          column: 14,
          field: 'approximate',
          message: 'Unexpected text `false` in `approximate`.',
          expected: 'true or false, without quotes',
        },
      ],
    ],
    [
      '`approximate: yes`',
      { 3: 'date: "2023-09-19"\napproximate: yes' },
      [{ ruleId: 'schema/type', line: 4, column: 14, field: 'approximate', message: 'Unexpected text `yes` in `approximate`.', expected: 'true or false' }],
    ],
    [
      'a claim with neither value nor figure',
      { 11: CLAIM('claimant: armenia', 'source: beta', 'quote: "Armenia said at least 32 people had been killed."') },
      [
        {
          ruleId: 'schema/required',
          line: 13,
          column: 5,
          field: 'claims[0].value',
          message: 'A claim needs a `value` (a number) or a `figure` (the words the source uses, e.g. "dozens").',
        },
      ],
    ],
    [
      'a claim whose max is below its value',
      { 11: CLAIM('value: 32', 'max: 10', 'claimant: armenia', 'source: beta', 'quote: "Armenia said at least 32 people had been killed."') },
      [{ ruleId: 'schema/format', line: 15, column: 10, field: 'claims[0].max', message: 'The upper bound 10 is below the value 32.', expected: 'a max of at least 32' }],
    ],
    [
      'a claim by an unknown actor',
      { 11: CLAIM('value: 32', 'claimant: russia', 'source: beta', 'quote: "Armenia said at least 32 people had been killed."') },
      [{ ruleId: 'ref/unknown', line: 15, column: 15, field: 'claims[0].claimant', message: 'Unknown actor `russia`.' }],
    ],
    [
      'a claim whose quote is not in its source',
      { 11: CLAIM('value: 32', 'claimant: armenia', 'source: beta', 'quote: "Armenia said 32 people had been killed."') },
      [{ ruleId: 'quote/not-found', line: 17, column: 12, field: 'claims[0].quote', message: 'does not occur in source `beta`.' }],
    ],
    [
      'an unknown measure',
      { 11: CLAIM('value: 32', 'claimant: armenia', 'source: beta', 'quote: "Armenia said at least 32 people had been killed."').replace('measure: killed', 'measure: dead') },
      [{ ruleId: 'schema/enum', line: 13, column: 14, field: 'claims[0].measure', message: 'Unexpected text `dead` in `claims[0].measure`.', expected: '`killed`' }],
    ],
    [
      'an event with no sources',
      { 7: 'sources: []', 8: null, 9: null, 10: null, 11: null },
      [{ ruleId: 'schema/format', line: 7, column: 10, field: 'sources', message: 'in `sources`', expected: 'at least one source with a quote' }],
    ],
  ])('%s', async (_, edits, expected) => {
    const { content, diagnostics } = await check({ 'events/bad.md': eventWith(edits) });
    expectDiagnostics(diagnostics, expected);
    expect(content).toBeNull();
  });
});

describe('loadAndValidate: sources', () => {
  const alpha = VALID_CONTENT['sources/alpha.md']!;

  it.each<[string, string, Expect]>([
    [
      'a javascript: url',
      'url: "javascript:alert(1)"',
      { ruleId: 'schema/format', line: 4, column: 6, field: 'url', message: 'Unexpected text `javascript:alert(1)` in `url`.', expected: 'an http:// or https:// address' },
    ],
    ['a data: url', 'url: "data:text/html,hi"', { ruleId: 'schema/format', line: 4, column: 6, field: 'url', message: 'in `url`', expected: 'an http:// or https:// address' }],
    ['an ftp: url', 'url: "ftp://example.org/a"', { ruleId: 'schema/format', line: 4, column: 6, field: 'url', message: 'in `url`', expected: 'an http:// or https:// address' }],
  ])('%s is refused', async (_, line, expected) => {
    const { content, diagnostics } = await check({ 'sources/alpha.md': alpha.replace('url: "https://example.org/alpha"', line) });
    expectDiagnostics(
      diagnostics.filter((d) => d.file === 'content/sources/alpha.md'),
      [{ ...expected, file: 'content/sources/alpha.md' }],
    );
    expect(content).toBeNull();
  });

  it('reports an impossible publication date', async () => {
    const { diagnostics } = await check({ 'sources/alpha.md': alpha.replace('"2023-09-20"', '"2023-09-31"') });
    expectDiagnostics(diagnostics, [
      { file: 'content/sources/alpha.md', ruleId: 'date/impossible', line: 5, column: 12, field: 'published', message: '`2023-09-31` is not a day on the calendar.' },
    ]);
  });

  it('reports a second file claiming the same id as an id that does not match its file name', async () => {
    const { content, diagnostics } = await check({ 'sources/alpha-copy.md': alpha });
    expectDiagnostics(diagnostics, [
      {
        file: 'content/sources/alpha-copy.md',
        ruleId: 'id/mismatch',
        line: 2,
        column: 5,
        field: 'id',
        message: 'Unexpected id `alpha` in `content/sources/alpha-copy.md`, expected `alpha-copy` (the file name).',
      },
    ]);
    expect(content).toBeNull();
  });

  it('reports a duplicate id with both files (validateContent on two files whose names share a stem)', async () => {
    // Two files in one folder cannot share a name, so the duplicate check is reached only through validateContent.
    const root = await contentProject();
    roots.push(root);
    const { raw } = await loadContent(join(root, 'content'), root);
    const first = raw.sources.find((s) => s.file === 'content/sources/alpha.md')!;
    raw.sources.push({ ...first, file: 'content/sources/more/alpha.md' });
    const { content, diagnostics } = validateContent(raw);
    expectDiagnostics(diagnostics, [
      {
        file: 'content/sources/more/alpha.md',
        ruleId: 'id/duplicate',
        line: 2,
        column: 5,
        field: 'id',
        message: 'Duplicate source id `alpha`, first defined in content/sources/alpha.md.',
      },
    ]);
    expect(diagnostics[0]!.related).toEqual({ file: 'content/sources/alpha.md', line: 1 });
    expect(content).toBeNull();
  });
});

describe('loadAndValidate: files that cannot be read', () => {
  it.each<[string, Record<string, string | Uint8Array | null>, Expect]>([
    [
      'a Latin-1 event file',
      { 'events/bad.md': Buffer.concat([Buffer.from(eventWith(), 'utf8'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]) },
      // EVENT_LINES ends with a newline after line 13, so `caf` starts line 14 and 0xE9 is its fourth character.
      {
        ruleId: 'file/encoding',
        line: 14,
        column: 4,
        field: '',
        message: 'The file is not UTF-8 text: byte 0xE9 here is not UTF-8. It was probably saved as Windows-1252 or Latin-1.',
        expected: 'UTF-8',
      },
    ],
    [
      'a NUL character',
      { 'events/bad.md': eventWith({ 13: 'Bo\0dy.' }) },
      { ruleId: 'file/encoding', line: 13, column: 3, field: '', message: 'The file contains a NUL character', expected: 'UTF-8 text' },
    ],
    ['an empty event file', { 'events/bad.md': '' }, { ruleId: 'file/empty', line: 1, column: 1, field: '', message: 'The file is empty.' }],
    [
      'a blank line before `---`',
      { 'events/bad.md': `\n${eventWith()}` },
      { ruleId: 'file/front-matter', line: 1, column: 1, field: '', message: 'Unexpected a blank line on line 1' },
    ],
    [
      'an unclosed front matter',
      { 'events/bad.md': eventWith({ 12: null }) },
      { ruleId: 'file/front-matter', line: 1, column: 1, field: '', message: 'never closed' },
    ],
    [
      'a duplicate key',
      { 'events/bad.md': eventWith({ 4: 'category: military\ntitle: "Again"' }) },
      {
        ruleId: 'file/yaml-syntax',
        line: 5,
        column: 1,
        field: '',
        message: 'The front matter is not valid YAML: Duplicate key `title`: keys must be unique; the first is on line 2',
      },
    ],
    [
      'a duplicate key in a data file',
      { 'actors.yml': `${VALID_CONTENT['actors.yml']}armenia:\n  name: Armenia again\n` },
      { file: 'content/actors.yml', ruleId: 'id/duplicate', line: 5, column: 1, field: 'armenia', message: 'Duplicate id `armenia`, first defined on line 3.' },
    ],
    ['a missing data file', { 'categories.yml': null }, { file: 'content/categories.yml', ruleId: 'file/missing', line: 0, column: 0, field: '', message: 'This file is required and was not found.' }],
  ])('%s', async (_, overrides, expected) => {
    const { content, diagnostics } = await check(overrides);
    const file = expected.file ?? BAD;
    expectDiagnostics(
      diagnostics.filter((d) => d.file === file),
      [{ ...expected, file }],
    );
    expect(content).toBeNull();
  });
});

describe('loadAndValidate: every problem in every file in one run', () => {
  it('reports errors from several files together', async () => {
    const { content, diagnostics } = await check({
      'events/bad.md': eventWith({ 4: 'category: militray', 9: '    quote: "Azerbaijan launched a naval operation on Tuesday."' }),
      'events/worse.md': eventWith({ 3: 'date: "2023-09-31"', 5: 'actors: [nobody-here]' }),
      'events/zeta.md': eventWith({ 3: 'date: "2023-09-19"\napproximate: "false"' }),
      'sources/alpha-copy.md': VALID_CONTENT['sources/alpha.md']!,
    });
    expect(content).toBeNull();
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.field}`).sort()).toEqual(
      [
        'content/events/bad.md:4:11 ref/unknown category',
        'content/events/bad.md:9:12 quote/not-found sources[0].quote',
        'content/events/worse.md:3:7 date/impossible date',
        'content/events/worse.md:5:10 ref/unknown actors[0]',
        'content/events/zeta.md:4:14 schema/type approximate',
        'content/sources/alpha-copy.md:2:5 id/mismatch id',
      ].sort(),
    );
  });
});

describe('loadAndValidate: warnings', () => {
  it.each<[string, Record<string, string>, Expect]>([
    [
      'an event resting on one source',
      { 'events/bad.md': eventWith({ 10: null, 11: null }) },
      { ruleId: 'event/single-source', severity: 'warning', line: 8, column: 3, field: 'sources', message: 'This event rests on a single article.' },
    ],
    [
      'an event citing one source twice',
      { 'events/bad.md': eventWith({ 10: '  - id: alpha', 11: '    quote: "The ceasefire took effect at 1 p.m. on Wednesday."' }) },
      { ruleId: 'event/single-source', severity: 'warning', line: 8, column: 3, field: 'sources', message: 'This event rests on a single article.' },
    ],
    [
      'a short quote',
      { 'events/bad.md': eventWith({ 9: '    quote: "on Tuesday."' }) },
      { ruleId: 'quote/short', severity: 'warning', line: 9, column: 12, field: 'sources[0].quote', message: 'The quote “on Tuesday.” is under 20 characters.' },
    ],
    [
      'an unused actor',
      { 'actors.yml': `${VALID_CONTENT['actors.yml']}russia:\n  name: Russia\n` },
      { file: 'content/actors.yml', ruleId: 'ref/unused', severity: 'warning', line: 5, column: 1, field: 'russia', message: 'No event refers to the actor `russia`.' },
    ],
    [
      'an unused place',
      { 'places.yml': `${VALID_CONTENT['places.yml']}yerevan:\n  name: Yerevan\n  coordinates: [40.179, 44.499]\n` },
      { file: 'content/places.yml', ruleId: 'ref/unused', severity: 'warning', line: 4, column: 1, field: 'yerevan', message: 'No event refers to the place `yerevan`.' },
    ],
    [
      'an unused source',
      { 'sources/gamma.md': VALID_CONTENT['sources/beta.md']!.replace('id: beta', 'id: gamma') },
      { file: 'content/sources/gamma.md', ruleId: 'ref/unused', severity: 'warning', line: 2, column: 5, field: 'id', message: 'No event cites the source `gamma`.' },
    ],
  ])('%s', async (_, overrides, expected) => {
    const { content, diagnostics } = await check(overrides);
    expectDiagnostics(diagnostics, [{ ...expected, file: expected.file ?? BAD }]);
    // Warnings alone do not stop the build.
    expect(content).not.toBeNull();
  });
});

describe('loadAndValidate: regressions', () => {
  it('reports an offset with minute 60 as a diagnostic, not an exception', async () => {
    const { content, diagnostics } = await check({ 'events/bad.md': eventWith({ 3: 'date: "2023-09-20T13:00+04:60"' }) });
    expect(content).toBeNull();
    expect(diagnostics).toMatchObject([{ file: 'content/events/bad.md', ruleId: 'date/impossible', line: 3, column: 7, field: 'date' }]);
  });
});

describe('loadAndValidate: no cascades from a broken list', () => {
  it('reports a broken actors.yml once, not again as an unknown actor in every event', async () => {
    const { diagnostics } = await check({ 'actors.yml': 'azerbaijan:\n  name: [unclosed\n' });
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['file/yaml-syntax']);
  });

  it('reports an actor entry that fails its own checks once, not in the events that name it', async () => {
    const { diagnostics } = await check({ 'actors.yml': 'azerbaijan:\n  nam: Azerbaijan\narmenia:\n  name: Armenia\n' });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.every((d) => d.file === 'content/actors.yml')).toBe(true);
    expect(errors.map((d) => d.ruleId).sort()).toEqual(['schema/required', 'schema/unknown-key']);
  });
});
