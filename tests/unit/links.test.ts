import { describe, expect, it } from 'vitest';
import { eventPath, sourcePath, textFragmentUrl } from '../../src/model/links.ts';

describe('eventPath and sourcePath', () => {
  const paths = { eventPath, sourcePath };
  it.each<[keyof typeof paths, string, string]>([
    ['eventPath', 'ceasefire-takes-effect', '/events/ceasefire-takes-effect/'],
    ['sourcePath', 'delegation-in-yevlax', '/sources/delegation-in-yevlax/'],
  ])('%s(%j) → %j', (name, id, path) => {
    expect(paths[name](id)).toBe(path);
  });
});

describe('textFragmentUrl', () => {
  it.each<[string, string, string, string | null, string | null, string]>([
    ['a plain word', 'https://example.org/a', 'ceasefire', null, null, 'https://example.org/a#:~:text=ceasefire'],
    ['spaces', 'https://example.org/a', 'a day later', null, null, 'https://example.org/a#:~:text=a%20day%20later'],
    ['a comma', 'https://example.org/a', 'Baku, Yerevan', null, null, 'https://example.org/a#:~:text=Baku%2C%20Yerevan'],
    ['a hyphen', 'https://example.org/a', 'anti-terror', null, null, 'https://example.org/a#:~:text=anti%2Dterror'],
    ['an ampersand', 'https://example.org/a', 'war & peace', null, null, 'https://example.org/a#:~:text=war%20%26%20peace'],
    ['line breaks and runs of spaces', 'https://example.org/a', '  one\n   two ', null, null, 'https://example.org/a#:~:text=one%20two'],
    ['curly quotes', 'https://example.org/a', '“Yes”', null, null, 'https://example.org/a#:~:text=%E2%80%9CYes%E2%80%9D'],
    ['an existing fragment is replaced', 'https://example.org/a#top', 'x', null, null, 'https://example.org/a#:~:text=x'],
    ['a query is kept', 'https://example.org/a?p=1', 'x', null, null, 'https://example.org/a?p=1#:~:text=x'],
    ['a prefix', 'https://example.org/a', 'x', 'said,', null, 'https://example.org/a#:~:text=said%2C-,x'],
    ['a suffix', 'https://example.org/a', 'x', null, 'end-game', 'https://example.org/a#:~:text=x,-end%2Dgame'],
    ['prefix and suffix', 'https://example.org/a', 'the ceasefire', 'a day later,', 'took effect', 'https://example.org/a#:~:text=a%20day%20later%2C-,the%20ceasefire,-took%20effect'],
    ['empty prefix and suffix are left out', 'https://example.org/a', 'x', '', '', 'https://example.org/a#:~:text=x'],
  ])('%s', (_, url, quote, prefix, suffix, expected) => {
    expect(textFragmentUrl(url, quote, prefix, suffix)).toBe(expected);
  });
});
