import { afterAll, describe, expect, it } from 'vitest';
import { MAX_BLOCK_DEPTH, MAX_BODY_CHARS, MAX_OPEN_EMPHASIS, markdownLimitProblems } from '../../src/markdown/limits.ts';
import { loadAndValidate } from '../../src/pipeline.ts';
import { remoteImages } from '../../src/validate/rules/bodies.ts';
import { contentProject, eventWith, removeProject, VALID_CONTENT } from './support/content-project.ts';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeProject));
});

async function check(overrides: Record<string, string>) {
  const root = await contentProject(overrides);
  roots.push(root);
  const { content, diagnostics } = await loadAndValidate(root);
  const bodies = diagnostics.filter((d) => d.ruleId.startsWith('body/'));
  return { content, bodies: bodies.map(({ file, line, column, ruleId, severity, message, expected }) => ({ file, line, column, ruleId, severity, message, expected })) };
}

const NESTED = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- level ${i}`);
const kinds = (body: string) => markdownLimitProblems(body).map(({ kind, index, found }) => ({ kind, index, found }));

describe('markdownLimitProblems', () => {
  it.each<[string, string]>([
    ['ordinary text', 'A paragraph with *emphasis*, __strong__ and a snake_case_word.\n\n> A quote\n> - with a list\n>   - nested'],
    ['three levels of lists by indentation', '- a\n  - b\n    - c\n'],
    ['arithmetic and stray asterisks', '5 * 3 = 15, and 2 * 2 * 2 = 8; a footnote mark*.'],
    ['many closed emphases in one paragraph', '*a* '.repeat(1000)],
    ['the limit itself', `${'>'.repeat(MAX_BLOCK_DEPTH)} deep enough\n\n${'*a '.repeat(MAX_OPEN_EMPHASIS)}`],
    ['escaped marks, which are text', '\\*a '.repeat(100)],
    ['underscores inside words', 'a_b '.repeat(100)],
    ['unclosed emphasis in separate paragraphs', '*a\n\n'.repeat(100)],
  ])('accepts %s', (_, body) => {
    expect(kinds(body)).toEqual([]);
  });

  it.each<[string, string, { kind: string; index: number; found: number }[]]>([
    ["'>' × 10,000", '>'.repeat(10_000), [{ kind: 'block-depth', index: 0, found: 10_000 }]],
    ["'- ' × 1,000 after a first line", `Intro.\n${'- '.repeat(1000)}`, [{ kind: 'block-depth', index: 7, found: 1000 }]],
    ['ordered list markers and block quotes mixed', `${'1. > '.repeat(17)}x`, [{ kind: 'block-depth', index: 0, found: 34 }]],
    ['lists nested by indentation', NESTED.join('\n'), [{ kind: 'block-depth', index: NESTED.slice(0, 32).join('\n').length + 1, found: 33 }]],
    ['a fenced code block, which a list item may end early', `- \`\`\`\n${'>'.repeat(100)}\n`, [{ kind: 'block-depth', index: 6, found: 100 }]],
    ["nested '*a ' × 20,000", '*a '.repeat(20_000), [{ kind: 'size', index: 0, found: 60_000 }, { kind: 'open-emphasis', index: 3 * MAX_OPEN_EMPHASIS, found: MAX_OPEN_EMPHASIS + 1 }]],
    ['unclosed emphasis across the lines of one paragraph', '_a\n'.repeat(40), [{ kind: 'open-emphasis', index: 3 * MAX_OPEN_EMPHASIS, found: MAX_OPEN_EMPHASIS + 1 }]],
    ["closing marks that close nothing, 'a* ' × 2,000", 'a* '.repeat(2_000), [{ kind: 'open-emphasis', index: 3 * MAX_OPEN_EMPHASIS + 1, found: MAX_OPEN_EMPHASIS + 1 }]],
    ['closers that the rule of three keeps from matching', `a**a ${'b* '.repeat(40)}`, [{ kind: 'open-emphasis', index: 5 + 31 * 3 + 1, found: MAX_OPEN_EMPHASIS + 1 }]],
    ['a paragraph that a lone `*` line continues', '*a\n*\n'.repeat(40), [{ kind: 'open-emphasis', index: 5 * MAX_OPEN_EMPHASIS, found: MAX_OPEN_EMPHASIS + 1 }]],
    ['a body over the size limit', 'word '.repeat(MAX_BODY_CHARS / 5 + 1), [{ kind: 'size', index: 0, found: MAX_BODY_CHARS + 5 }]],
  ])('reports %s', (_, body, found) => {
    expect(kinds(body)).toEqual(found);
  });

  it('holds a source body, which is never rendered, to the nesting limits but not the size limit', () => {
    const long = 'word '.repeat(MAX_BODY_CHARS);
    expect(markdownLimitProblems(long, { rendered: false })).toEqual([]);
    expect(markdownLimitProblems(`${long}\n${'>'.repeat(40)}`, { rendered: false }).map((p) => p.kind)).toEqual(['block-depth']);
  });
});

describe('remoteImages', () => {
  it.each<[string, string, string[], string[]]>([
    ['an inline image from a tracker', 'Text ![](http://tracker.example/p.gif) more', [], ['tracker.example']],
    ['a protocol-relative image', '![x](//cdn.example/x.png "t")', [], ['cdn.example']],
    ['an image target in angle brackets', '![x](<https://a.example/my pic.png>)', [], ['a.example']],
    ['alt text holding brackets', '![a [b] c](https://b.example/y.png)', [], ['b.example']],
    ['a reference image, full, collapsed and shortcut', '![a][Pix] ![pix][] ![PIX]\n\n[pix]: https://c.example/z.png', [], ['c.example', 'c.example', 'c.example']],
    // A browser reads `https:host/x` on a page served over http (and `http:host/x` over https) as that host's address.
    ['a scheme without slashes', '![x](https:cdn.example/x.png) ![y](http:cdn.example/y.png) ![z](HTTPS:cdn.example/z.png)', [], ['cdn.example', 'cdn.example', 'cdn.example']],
    ['backslashes, which browsers read as slashes', '![x](/\\cdn.example/x.png) ![y](https:\\\\cdn.example/y.png)', [], ['cdn.example', 'cdn.example']],
    ['an allowed host', '![x](https://images.example.org/a.png)', ['images.example.org'], []],
    ['an allowed host does not allow its neighbours', '![x](https://evil.example.org/a.png)', ['images.example.org'], ['evil.example.org']],
    ['a path on the site itself', '![map](/assets/map.png) ![m](assets/m.png)', [], []],
    ['a link, not an image', '[read](https://example.org/article)', [], []],
    ['a data: image, which the sanitiser drops', '![x](data:image/png;base64,AAAA)', [], []],
    ['the text of an image in a code span, which renders as text', 'Write `![x](https://d.example/a.png)` for a picture', [], []],
    ['the text of an image in a fenced code block', '```\n![x](https://d.example/a.png)\n```', [], []],
    ['an escaped image', '\\![x](https://d.example/a.png)', [], []],
    ['a reference image whose label is never defined', '![x][nowhere]', [], []],
    ['the first of two definitions of a label', '![p][]\n\n[p]: https://first.example/a.png\n[p]: https://second.example/a.png', [], ['first.example']],
  ])('%s', (_, body, allowed, hosts) => {
    expect(remoteImages(body, allowed).map((i) => i.host)).toEqual(hosts);
  });
});

describe('Markdown bodies in content (issue 18)', () => {
  it('deep block quotes are an error at their line and column, before any rendering', async () => {
    const { content, bodies } = await check({ 'events/bad.md': eventWith({ 13: `Fine line.\n${'>'.repeat(10_000)}` }) });
    expect(bodies).toEqual([
      { file: 'content/events/bad.md', line: 13, column: 1, ruleId: 'body/too-large', severity: 'error', message: 'Unexpected body of 10,012 characters.', expected: 'at most 10,000 characters' },
      { file: 'content/events/bad.md', line: 14, column: 1, ruleId: 'body/too-deep', severity: 'error', message: 'Unexpected 10000 levels of nested block quotes or lists on this line.', expected: 'at most 32 levels' },
    ]);
    expect(content).toBeNull();
  });

  it('unclosed emphasis is an error at the delimiter that passes the limit', async () => {
    const { bodies } = await check({ 'events/bad.md': eventWith({ 13: '*a '.repeat(20_000) }) });
    expect(bodies).toEqual([
      { file: 'content/events/bad.md', line: 13, column: 1, ruleId: 'body/too-large', severity: 'error', message: 'Unexpected body of 60,001 characters.', expected: 'at most 10,000 characters' },
      { file: 'content/events/bad.md', line: 13, column: 97, ruleId: 'body/open-emphasis', severity: 'error', message: 'Unexpected 33 emphasis marks (`*`, `_`) left open or closing nothing in this paragraph.', expected: 'at most 32' },
    ]);
  });

  it('a source body is held to the limits too', async () => {
    const { bodies } = await check({ 'sources/beta.md': `${VALID_CONTENT['sources/beta.md']!}\n${'- '.repeat(1000)}\n` });
    expect(bodies.map((b) => [b.file, b.line, b.ruleId])).toEqual([['content/sources/beta.md', 11, 'body/too-deep']]);
  });

  it('a remote image is an error unless site.yml allows its host', async () => {
    const body = 'Seen here.\n\nPhoto: ![](http://tracker.example/p.gif?id=1)';
    const refused = await check({ 'events/bad.md': eventWith({ 13: body }) });
    expect(refused.bodies).toEqual([
      { file: 'content/events/bad.md', line: 15, column: 8, ruleId: 'body/remote-image', severity: 'error', message: 'Unexpected image from `tracker.example`.', expected: 'an image from the site itself, or from a host listed in `image_hosts` in content/site.yml' },
    ]);
    expect(refused.content).toBeNull();

    const allowed = await check({ 'events/bad.md': eventWith({ 13: body }), 'site.yml': `${VALID_CONTENT['site.yml']!}image_hosts: [tracker.example]\n` });
    expect(allowed.bodies).toEqual([]);
    expect(allowed.content).not.toBeNull();
  });

  it('a remote image in a source body, which is never rendered, is not reported', async () => {
    const { bodies } = await check({ 'sources/beta.md': `${VALID_CONTENT['sources/beta.md']!}\n![](http://tracker.example/p.gif)\n` });
    expect(bodies).toEqual([]);
  });

  it('image_hosts takes bare lowercase host names', async () => {
    const root = await contentProject({ 'site.yml': `${VALID_CONTENT['site.yml']!}image_hosts: ["https://images.example.org/"]\n` });
    roots.push(root);
    const { diagnostics } = await loadAndValidate(root);
    expect(diagnostics.map((d) => [d.file, d.line, d.field, d.ruleId])).toEqual([['content/site.yml', 7, 'image_hosts[0]', 'schema/format']]);
  });
});
