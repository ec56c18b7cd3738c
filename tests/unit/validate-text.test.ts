import { afterAll, describe, expect, it } from 'vitest';
import { loadAndValidate } from '../../src/pipeline.ts';
import { suspectCharacters } from '../../src/validate/rules/text.ts';
import { contentProject, eventWith, removeProject, VALID_CONTENT } from './support/content-project.ts';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeProject));
});

async function check(overrides: Record<string, string>) {
  const root = await contentProject(overrides);
  roots.push(root);
  const { content, diagnostics } = await loadAndValidate(root);
  const text = diagnostics.filter((d) => d.ruleId.startsWith('text/'));
  return { content, text: text.map(({ file, line, column, field, ruleId, severity, message }) => ({ file, line, column, field, ruleId, severity, message })) };
}

describe('suspectCharacters', () => {
  it.each<[string, string, { ruleId: string; index: number }[]]>([
    ['plain text, tabs and line breaks', 'Tab\there\r\nand there', []],
    ['a lone high surrogate', 'a\ud800b', [{ ruleId: 'text/lone-surrogate', index: 1 }]],
    ['a lone low surrogate', 'a\udc00', [{ ruleId: 'text/lone-surrogate', index: 1 }]],
    ['a real pair (an emoji) is fine', 'flag \ud83c\udff3', []],
    ['C0, DEL and C1 controls', '\u0001x\u007f\u0085', [{ ruleId: 'text/control-character', index: 0 }, { ruleId: 'text/control-character', index: 2 }, { ruleId: 'text/control-character', index: 3 }]],
    ['bidi override and isolate', 'a\u202eb\u2066', [{ ruleId: 'text/bidi-control', index: 1 }, { ruleId: 'text/bidi-control', index: 3 }]],
    ['zero-width characters', '\u200bx\u200dy\u2060\ufeff', [{ ruleId: 'text/zero-width', index: 0 }, { ruleId: 'text/zero-width', index: 2 }, { ruleId: 'text/zero-width', index: 4 }, { ruleId: 'text/zero-width', index: 5 }]],
  ])('%s', (_, text, found) => {
    expect(suspectCharacters(text).map(({ ruleId, index }) => ({ ruleId, index }))).toEqual(found);
  });
});

describe('text hygiene in content (issue 18)', () => {
  it('a lone surrogate in an event title is an error, not a Pagefind crash later', async () => {
    const { content, text } = await check({ 'events/bad.md': eventWith({ 2: 'title: "Lone \\uD800 surrogate"' }) });
    expect(text).toEqual([
      { file: 'content/events/bad.md', line: 2, column: 8, field: 'title', ruleId: 'text/lone-surrogate', severity: 'error', message: 'Unexpected lone surrogate U+D800 in `title`, at character 6.' },
    ]);
    expect(content).toBeNull();
  });

  it('a control character in a category label is an error, not a feed that is not XML', async () => {
    const { content, text } = await check({ 'categories.yml': VALID_CONTENT['categories.yml']!.replace('label: Military', 'label: "Mili\\u0001tary"') });
    expect(text).toEqual([
      { file: 'content/categories.yml', line: 2, column: 10, field: 'military.label', ruleId: 'text/control-character', severity: 'error', message: 'Unexpected control character U+0001 in `military.label`, at character 5.' },
    ]);
    expect(content).toBeNull();
  });

  it('zero-width and bidi characters are warnings, and the body gives their own line and column', async () => {
    const { content, text } = await check({
      'actors.yml': VALID_CONTENT['actors.yml']!.replace('name: Armenia', 'name: "Arm\\u200Benia"'),
      'events/bad.md': eventWith({ 13: 'First line.\n\tIndented \u202Ereversed' }),
    });
    expect(text).toEqual([
      { file: 'content/actors.yml', line: 4, column: 9, field: 'armenia.name', ruleId: 'text/zero-width', severity: 'warning', message: 'Unexpected invisible character U+200B in `armenia.name`, at character 4.' },
      { file: 'content/events/bad.md', line: 14, column: 11, field: '', ruleId: 'text/bidi-control', severity: 'warning', message: 'Unexpected bidirectional control U+202E in the text.' },
    ]);
    expect(content).not.toBeNull();
  });
});
