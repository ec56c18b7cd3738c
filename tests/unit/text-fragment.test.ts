import { afterAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { textFragmentUrl } from '../../src/model/links.ts';
import { buildTimeline } from '../../src/views/site.ts';
import { loadAndValidate } from '../../src/pipeline.ts';
import { contentProject, eventWith, removeProject, VALID_CONTENT } from './support/content-project.ts';

/**
 * The URL Fragment Text Directives spec (https://wicg.github.io/scroll-to-text-fragment/):
 *   text=[prefix-,]textStart[,textEnd][,-suffix]
 * where each part is a TextDirectiveString: explicit characters `[a-zA-Z0-9] ! $ ' ( ) * + . / : ; = ? @ _ ~`
 * or percent-encoded bytes of UTF-8. So `-`, `,` and `&` (which would split the directive or the fragment) and
 * everything outside ASCII must be percent-encoded.
 */
const PART = String.raw`(?:[A-Za-z0-9!$'()*+./:;=?@_~]|%[0-9A-F]{2})+`;
const DIRECTIVE = new RegExp(`^https://e\\.example/a#:~:text=(?:(${PART})-,)?(${PART})(?:,-(${PART}))?$`);

describe('textFragmentUrl against the spec grammar', () => {
  it.each([
    ['a hyphen', 'anti-terror measures'],
    ['a comma', 'Baku, Yerevan'],
    ['an ampersand', 'war & peace'],
    ['spaces and line breaks', 'a  day\n later'],
    ['curly quotes', '“intense fire.”'],
    ['an apostrophe', 'Karabakh’s forces'],
    ['non-ASCII letters', 'Xankəndi and Yevlax – talks'],
    ['percent and hash', '100% #1'],
    ['an en dash and a minus', '5–6 and −3'],
    ['brackets', '1pm local time [09:00 GMT]'],
  ])('%s: only explicit characters and %%XX, and it decodes back to the quote', (_, quote) => {
    const url = textFragmentUrl('https://e.example/a', quote, 'the words before, - said', 'and after-wards');
    const m = DIRECTIVE.exec(url);
    expect(m, url).not.toBeNull();
    expect(decodeURIComponent(m![1]!)).toBe('the words before, - said');
    expect(decodeURIComponent(m![2]!)).toBe(quote.replace(/\s+/g, ' ').trim());
    expect(decodeURIComponent(m![3]!)).toBe('and after-wards');
  });

  it.each([
    ['Xankəndi', 'Xank%C9%99ndi'],
    ['Karabakh’s', 'Karabakh%E2%80%99s'],
    ['5–6', '5%E2%80%936'],
    ['a-b,c&d', 'a%2Db%2Cc%26d'],
  ])('encodes %s as %s', (quote, encoded) => {
    expect(textFragmentUrl('https://e.example/a', quote)).toBe(`https://e.example/a#:~:text=${encoded}`);
  });
});

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeProject));
});

// The alpha article (it has a `url`) says the same sentence twice.
const ALPHA = [
  '---',
  'id: alpha',
  'title: "Alpha article"',
  'url: "https://example.org/alpha"',
  'published: "2023-09-20"',
  'language: en',
  '---',
  'Azerbaijan launched a military operation on Tuesday. The ceasefire took effect at 1 p.m. on Wednesday.',
  'Baku said the talks would continue. Armenia said the talks would continue.',
  '',
].join('\n');

describe('a quote that occurs twice: the check asks for a prefix, the link carries it', () => {
  const cite = (extra: string) =>
    eventWith({ 8: '  - id: alpha', 9: `    quote: "said the talks would continue."${extra}` });

  it('is an error without a prefix or suffix, on the quote’s line', async () => {
    const root = await contentProject({ 'sources/alpha.md': ALPHA, 'events/bad.md': cite('') });
    roots.push(root);
    const { content, diagnostics } = await loadAndValidate(root);
    expect(content).toBeNull();
    expect(diagnostics.map((d) => [d.file, d.line, d.field, d.ruleId, d.message])).toEqual([
      ['content/events/bad.md', 9, 'sources[0].quote', 'quote/ambiguous', 'The quote occurs 2 times in `alpha`.'],
    ]);
  });

  it('is an error with a prefix that fits neither occurrence', async () => {
    const root = await contentProject({ 'sources/alpha.md': ALPHA, 'events/bad.md': cite('\n    prefix: "Moscow"') });
    roots.push(root);
    const { diagnostics } = await loadAndValidate(root);
    expect(diagnostics.map((d) => [d.line, d.ruleId])).toEqual([[9, 'quote/not-found']]);
  });

  it('passes with a prefix, and the passage link names it so the browser picks the right occurrence', async () => {
    const root = await contentProject({ 'sources/alpha.md': ALPHA, 'events/bad.md': cite('\n    prefix: "Armenia"') });
    roots.push(root);
    const { content, diagnostics } = await loadAndValidate(root);
    expect(diagnostics).toEqual([]);
    const event = buildTimeline(content!, renderMarkdown).events.find((e) => e.id === 'bad')!;
    expect(event.citations[0]!.passageUrl).toBe('https://example.org/alpha#:~:text=Armenia-,said%20the%20talks%20would%20continue.');
    // The source without an address gets no passage link.
    expect(event.citations[1]!.passageUrl).toBeNull();
    expect(VALID_CONTENT['sources/beta.md']).not.toContain('url:');
  });
});

describe('textFragmentUrl for a trimmed quote (issue 16)', () => {
  it('links the range from the first part to the last, without the omission marks', () => {
    expect(textFragmentUrl('https://e.example/a', 'close to 100 people had been killed […] could not verify that.')).toBe(
      'https://e.example/a#:~:text=close%20to%20100%20people%20had%20been%20killed,could%20not%20verify%20that.',
    );
    expect(textFragmentUrl('https://e.example/a', 'the Armenian administration, told […]')).toBe('https://e.example/a#:~:text=the%20Armenian%20administration%2C%20told');
  });
});
