import { afterAll, describe, expect, it } from 'vitest';
import { sortDiagnostics } from '../../src/diagnostics/diagnostic.ts';
import { loadAndValidate } from '../../src/pipeline.ts';
import { comparable, comparableText, numbersIn, offStyleTimes, quotedSpans, styleFindings, termPattern, type StyleConfig } from '../../src/validate/style.ts';
import { contentProject, removeProject } from './support/content-project.ts';
import { citation, claim, eventRecord } from './support/records.ts';

const NO_TERMS: StyleConfig = { loadedTerms: [] };
const TERMS: StyleConfig = {
  loadedTerms: [
    { term: 'regime', suggestion: 'government' },
    { term: 'terrorist', suggestion: 'armed' },
    { term: 'so-called', suggestion: 'nothing' },
    { term: 'ethnic cleansing', suggestion: 'attribute it' },
  ],
};

/** Findings of one rule for an event with this body (and these quotes), as `text at offset`. */
function found(rule: string, body: string, options: { quotes?: string[]; claims?: Parameters<typeof claim>[2][]; date?: string; title?: string; config?: StyleConfig } = {}) {
  const event = eventRecord('e', options.date ?? '2023-09-19', {
    title: options.title ?? 'A title',
    body,
    sources: (options.quotes ?? ['A quote of no figures at all.']).map((q) => citation('a', q)),
    claims: (options.claims ?? []).map((c) => claim('a', 'A claim quote.', c)),
  });
  return styleFindings(event, options.config ?? NO_TERMS)
    .filter((f) => f.ruleId === rule)
    .map((f) => `${f.where === 'title' ? event.title : body}`.slice(f.offset, f.offset + 12).trim() + ` @${f.offset}`);
}

describe('helpers', () => {
  it('reads numbers in digits, with thousands separators, not glued to letters', () => {
    expect(numbersIn('32 killed, 3,154 people, 1.5 km, G7, 21st, 1990s, 44-day war, 6500.').map((n) => [n.text, n.value])).toEqual([
      ['32', 32],
      ['3,154', 3154],
      ['1.5', 1.5],
      ['44', 44],
      ['6500', 6500],
    ]);
  });

  it('finds quoted passages: paired marks, single quotes that are not apostrophes, blockquotes', () => {
    const text = 'He said “no way” and "fine"; Karabakh’s ‘anti-terror’ talk,\n> a blockquote\nend';
    expect(quotedSpans(text).map(([a, b]) => text.slice(a, b))).toEqual(['“no way”', '"fine"', '‘anti-terror’', '> a blockquote']);
  });

  it.each([
    ['*Azerbaijan’s*  [army](https://x.example/1)\n said “no”', 'Azerbaijan\'s army said "no"'],
    ['  A `code` span, <https://x.example/a>, a comment <!-- x --> and https://x.example/b here. ', 'A code span, , a comment and here.'],
    ['> quoted\n\n# Heading\n«Guillemets»', 'quoted Heading "Guillemets"'],
  ])('compares %j as %j, quickly or with offsets alike', (input, expected) => {
    const slow = comparable(input);
    expect(slow.text).toBe(expected);
    expect(comparableText(input)).toBe(expected);
    // Each character of the comparable text points back at the same character (or a space) of the input.
    [...slow.text].forEach((ch, i) => expect(ch === ' ' || ch === '"' || ch === "'" ? true : input[slow.at[i]!] === ch).toBe(true));
  });

  it('matches loaded terms as whole words in any case, a hyphen separating words', () => {
    const hits = (term: string, text: string) => [...text.matchAll(termPattern(term))].map((m) => m[0]);
    expect(hits('regime', 'The Regime, a regimen, regimes, REGIME.')).toEqual(['Regime', 'REGIME']);
    expect(hits('terrorist', 'an anti-terrorist operation')).toEqual(['terrorist']);
    expect(hits('ethnic cleansing', 'of ethnic\n  cleansing')).toEqual(['ethnic\n  cleansing']);
    expect(hits('so-called', 'the so-called peacekeepers, so called')).toEqual(['so-called']);
  });
});

describe('style/unattributed-figure', () => {
  it.each<[string, string, Parameters<typeof found>[2], string[]]>([
    ['a figure no quote gives', 'At least 45 people were killed.', {}, ['45 people we @9']],
    ['a figure a quote gives, attributed in its sentence', 'One article puts the deaths at more than 6,500.', { quotes: ['with more than 6,500 deaths'] }, []],
    ['a figure a quote gives, written without the separator', 'According to one article, more than 6500 died.', { quotes: ['with more than 6,500 deaths'] }, []],
    // Issue 16: the 2020 war's toll, stated as fact.
    ['a figure a quote gives, stated as fact', 'More than 6,500 died. Armenia said so later.', { quotes: ['with more than 6,500 deaths'] }, ['6,500 died. @10']],
    ['a figure whose attribution is in another sentence', 'One article reports the war. It had 6,500 deaths.', { quotes: ['with more than 6,500 deaths'] }, ['6,500 deaths @36']],
    ['a figure a claim gives as its value or upper bound', '200 to 250 were killed.', { claims: [{ value: 200, max: 250 }] }, []],
    ['years', 'In 1991 and again in 2020.', {}, []],
    ['dates', 'On 20 September, on 20 and 21 September, on September 21 and 22, 5–6 Sept.', {}, []],
    ['times and offsets', 'At 13:00 local time (UTC+4), 09:00 GMT, 1 p.m., 0900 GMT.', {}, []],
    ['the event’s own date parts', 'Day 19 of month 9 of 2023.', {}, []],
    ['ordinals and decades', 'The 2nd war, in the 1990s.', {}, []],
    ['list numbers', '1. First\n2. Second', {}, []],
    ['link addresses', 'See [the report](https://example.org/2023/4711).', {}, []],
    ['numbers in quotation marks still need a quote behind them', 'He said “45 died”.', {}, ['45 died”. @9']],
  ])('%s', (_, body, options, expected) => {
    expect(found('style/unattributed-figure', body, options)).toEqual(expected);
  });

  it('says that a quoted figure stated as fact needs a claim or a claimant', () => {
    const event = eventRecord('e', '2020', { category: 'background', body: 'The war cost more than 6,500 lives.', sources: [citation('a', 'with more than 6,500 deaths')] });
    expect(styleFindings(event, NO_TERMS)).toEqual([
      {
        ruleId: 'style/unattributed-figure',
        where: 'body',
        offset: 23,
        message: 'The figure `6,500` in the summary is stated as fact: a quote gives it, but no claim does, and its sentence does not say who gives it.',
        expected: 'a claim with its claimant, or a sentence that says who gives the figure ("according to …", "… said")',
      },
    ]);
  });
});

describe('style/time-format', () => {
  it.each([
    ['1 p.m.', '13:00'],
    ['1pm', '13:00'],
    ['1 PM', '13:00'],
    ['11 a.m.', '11:00'],
    ['12 p.m.', '12:00'],
    ['12 a.m.', '00:00'],
    ['9.30 am', '09:30'],
    ['9:00 a.m.', '09:00'],
    ['0900 GMT', '09:00 GMT'],
    ['0900Z', '09:00 GMT'],
    ['13.00 GMT', '13:00 GMT'],
    ['1600 hours', '16:00'],
    ['9:00', '09:00'],
  ])('%s → %s', (written, house) => {
    expect(offStyleTimes(`It began at ${written} on Tuesday.`).map((t) => [t.found.trim(), t.house])).toEqual([[written, house]]);
  });

  it.each([['13:00'], ['09:00 GMT'], ['UTC+4:30'], ['I am here'], ['2 a month'], ['3,154 people']])('leaves %s alone', (text) => {
    expect(offStyleTimes(text)).toEqual([]);
  });

  it('flags times in the summary, not in quotation marks or blockquotes', () => {
    expect(found('style/time-format', 'It took effect at 1 p.m. local time, “from 1 p.m.”.\n> at 0900 GMT')).toEqual(['1 p.m. local @18']);
  });
});

describe('style/verbatim-summary', () => {
  const QUOTE = 'Russian peacekeepers and separatist forces evacuated thousands of civilians from the fighting.';
  it.each<[string, string, string[]]>([
    ['a summary that is the quote', QUOTE, ['Russian peac @0']],
    ['a summary that is 90% of a quote', 'Peacekeepers and separatist forces evacuated thousands of civilians from the fighting', ['Peacekeepers @0']],
    ['the whole quote, 60 characters or more, inside a longer summary', `On Tuesday, ${QUOTE} The talks begin on Thursday, as both sides say.`, ['Russian peac @12']],
    // Reported at the copy's first word, after the `*`.
    ['the same copy, with Markdown and line breaks', `On Tuesday, *Russian peacekeepers* and [separatist forces](https://x.example/)\nevacuated thousands of civilians from the fighting. The talks begin on Thursday, as both sides say.`, ['Russian peac @13']],
    ['the whole quote in quotation marks', `One article reports: “${QUOTE}” The talks begin on Thursday, as both sides say.`, []],
    ['a short summary inside a long quote', 'Civilians were evacuated.', []],
    ['a summary in other words', 'Thousands of civilians were evacuated from the fighting by Russian peacekeepers and separatist forces.', []],
  ])('%s', (_, body, expected) => {
    expect(found('style/verbatim-summary', body, { quotes: [QUOTE] })).toEqual(expected);
  });
});

describe('style/loaded-term', () => {
  it('finds listed terms in the title and the summary, not in quotation marks', () => {
    const options = { config: TERMS, title: 'Regime forces advance' };
    expect(found('style/loaded-term', 'The regime called it an “anti-terrorist operation”; an anti-terrorist raid followed.', options)).toEqual([
      'Regime force @0',
      'regime calle @4',
      'terrorist ra @60',
    ]);
  });

  it('says what to use instead', () => {
    const [finding] = styleFindings(eventRecord('e', '2023-09-19', { body: 'The so-called talks.' }), TERMS);
    expect(finding).toMatchObject({
      ruleId: 'style/loaded-term',
      message: 'The loaded term `so-called` in the summary; suggested: nothing.',
      expected: 'nothing',
    });
  });

  it('finds nothing without a list', () => {
    expect(found('style/loaded-term', 'The regime.')).toEqual([]);
  });
});

describe('style/house-spelling', () => {
  const SPELLINGS: StyleConfig = { loadedTerms: [], spellings: [{ use: 'Defence', not: ['Defense'] }] };

  it('finds a variant in the title and the summary, as a whole word with its case, not in quotation marks', () => {
    const options = { config: SPELLINGS, title: 'Defense Ministry reports shelling' };
    const body = 'The Defense Ministry said so; “the Defense Ministry” was quoted; defense and Defenses are other words.';
    expect(found('style/house-spelling', body, options)).toEqual(['Defense Mini @0', 'Defense Mini @4']);
  });

  it('says which spelling to use', () => {
    const [finding] = styleFindings(eventRecord('e', '2023-09-19', { body: 'Russia’s Defense Ministry.' }), SPELLINGS);
    expect(finding).toMatchObject({
      ruleId: 'style/house-spelling',
      where: 'body',
      offset: 9,
      message: 'Unexpected `Defense` in the summary, expected the house spelling `Defence`.',
      expected: '`Defence`',
    });
  });

  it('finds nothing without a list, or in the house spelling', () => {
    expect(found('style/house-spelling', 'The Defense Ministry.')).toEqual([]);
    expect(found('style/house-spelling', 'The Defence Ministry.', { config: SPELLINGS })).toEqual([]);
  });

  it('is placed on its file, line and column by the checker, from the spellings in content/style.yml', async () => {
    const yml = ['spellings:', '  - use: Defence', '    not: [Defense]', ''].join('\n');
    const event = EVENT.replace('The regime said 32 people had died', 'The Defense Ministry said 32 people had died');
    const root = await contentProject({ 'style.yml': yml, 'events/zz-style.md': event });
    roots.push(root);
    const { diagnostics } = await loadAndValidate(root);
    expect(diagnostics.filter((d) => d.ruleId === 'style/house-spelling').map((d) => [d.file, d.line, d.column, d.severity, d.field, d.message])).toEqual([
      ['content/events/zz-style.md', 14, 5, 'warning', 'body', 'Unexpected `Defense` in the summary, expected the house spelling `Defence`.'],
    ]);
  });
});

// --- as `npm run check` reports them: rule, message, file, line and column --------------------------------

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeProject));
});

const STYLE_YML = ['loaded_terms:', '  - term: regime', '    suggestion: "government, authorities"', ''].join('\n');

const EVENT = [
  '---', //                                                                            1
  'title: "Regime forces advance"', //                                                 2
  'date: "2023-09-19"', //                                                             3
  'category: military', //                                                             4
  'actors: [azerbaijan]', //                                                           5
  'places: [stepanakert]', //                                                          6
  'sources:', //                                                                       7
  '  - id: alpha', //                                                                  8
  '    quote: "Azerbaijan launched a military operation on Tuesday."', //              9
  '  - id: beta', //                                                                   10
  '    quote: "Armenia said at least 32 people had been killed."', //                  11
  '---', //                                                                            12
  'Azerbaijan launched an offensive at 1 p.m., and 45 people were killed.', //         13
  'The regime said 32 people had died, and “the regime” was quoted.', //              14
  '',
].join('\n');

const COPY = [
  '---',
  'title: "A copied summary"',
  'date: "2023-09-19"',
  'category: military',
  'sources:',
  '  - id: alpha',
  '    quote: "Azerbaijan launched a military operation on Tuesday."',
  '  - id: beta',
  '    quote: "Fighting stopped when the ceasefire took effect."',
  '---', //                                                                            10
  '', //                                                                               11
  'Azerbaijan launched a military operation on Tuesday.', //                           12
  '',
].join('\n');

describe('npm run check: the style warnings', () => {
  it('places each warning on its file, line and column, with its message, and blocks nothing', async () => {
    const root = await contentProject({ 'style.yml': STYLE_YML, 'events/zz-style.md': EVENT, 'events/zz-copy.md': COPY });
    roots.push(root);
    const { content, diagnostics } = await loadAndValidate(root);
    expect(content).not.toBeNull();
    const shape = sortDiagnostics(diagnostics).map((d) => [d.file, d.line, d.column, d.severity, d.ruleId, d.field, d.message, d.expected]);
    expect(shape).toEqual([
      [
        'content/events/zz-copy.md',
        12,
        1,
        'warning',
        'style/verbatim-summary',
        'body',
        'The summary is a word-for-word copy of the quote “Azerbaijan launched a military operation on Tuesday.” from `alpha`.',
        'a summary in your own words',
      ],
      [
        'content/events/zz-style.md',
        2,
        8,
        'warning',
        'style/loaded-term',
        'title',
        'The loaded term `Regime` in the title; suggested: government, authorities.',
        'government, authorities',
      ],
      [
        'content/events/zz-style.md',
        13,
        37,
        'warning',
        'style/time-format',
        'body',
        'Unexpected time `1 p.m.` in the summary, expected the house style `13:00` (24-hour clock).',
        '`13:00`',
      ],
      [
        'content/events/zz-style.md',
        13,
        49,
        'warning',
        'style/unattributed-figure',
        'body',
        'The figure `45` in the summary is not given by any claim or quote of this event.',
        'a figure that a quote or a claim of the event gives',
      ],
      [
        'content/events/zz-style.md',
        14,
        5,
        'warning',
        'style/loaded-term',
        'body',
        'The loaded term `regime` in the summary; suggested: government, authorities.',
        'government, authorities',
      ],
    ]);
  });

  it('reports a broken content/style.yml as an error in that file', async () => {
    const root = await contentProject({ 'style.yml': ['loaded_terms:', '  - term: regime', '    sugestion: "government"', ''].join('\n') });
    roots.push(root);
    const { content, diagnostics } = await loadAndValidate(root);
    expect(content).toBeNull();
    const sorted = sortDiagnostics(diagnostics);
    expect(sorted.map((d) => [d.file, d.line, d.ruleId, d.severity])).toEqual([
      ['content/style.yml', 2, 'schema/required', 'error'],
      ['content/style.yml', 3, 'schema/unknown-key', 'error'],
    ]);
    expect(sorted[1]!.message).toContain('Did you mean `suggestion`?');
  });

  it('needs no content/style.yml', async () => {
    const root = await contentProject({ 'events/zz-style.md': EVENT });
    roots.push(root);
    const { diagnostics } = await loadAndValidate(root);
    expect(diagnostics.map((d) => d.ruleId).sort()).toEqual(['style/time-format', 'style/unattributed-figure']);
  });
});

describe('date parts are read from the event, not guessed', () => {
  it('ignores the hour of a timed event', () => {
    expect(found('style/unattributed-figure', 'From 13 onwards.', { date: '2023-09-20T13:00+04:00' })).toEqual([]);
    expect(found('style/unattributed-figure', 'From 14 onwards.', { date: '2023-09-20T13:00+04:00' })).toEqual(['14 onwards. @5']);
  });
});
