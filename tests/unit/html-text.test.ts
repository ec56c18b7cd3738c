import { describe, expect, it } from 'vitest';
import { escapeHtml, excerpt, htmlToText, xmlSafe } from '../../src/lib/html-text.ts';

describe('escapeHtml', () => {
  it.each([
    ['plain', 'plain'],
    [`<a href="x">Tom & 'Jerry'</a>`, '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;'],
    ['</script>', '&lt;/script&gt;'],
    ['&amp;', '&amp;amp;'],
  ])('%j → %j', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });
});

describe('htmlToText', () => {
  it.each([
    ['<p>A &#x26; B</p>', 'A & B'],
    ['<p>One</p>\n<p>Two</p>', 'One Two'],
    ['<p>One</p><p>Two</p>', 'One Two'],
    ['<p>Line<br>break</p>', 'Line break'],
    ['<p>&lt;b&gt; &quot;q&quot; &#39;a&#39; &#8212; &#x3C;</p>', `<b> "q" 'a' — <`],
    ['<ul>\n<li>a</li>\n<li>b</li>\n</ul>', 'a b'],
    ['<p><strong>bold</strong> and <a href="https://example.org">link</a></p>', 'bold and link'],
    ['<p>x &unknown; y</p>', 'x &unknown; y'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(htmlToText(input)).toBe(output);
  });
});

describe('excerpt', () => {
  it.each<[string, number, string]>([
    ['short', 10, 'short'],
    ['exactly ten', 11, 'exactly ten'],
    ['one two three four', 10, 'one two…'],
    ['abcdefghijkl', 6, 'abcde…'],
    ['Hello, world again', 8, 'Hello…'],
  ])('%j at %i → %j', (text, max, output) => {
    expect(excerpt(text, max)).toBe(output);
    expect(excerpt(text, max).length).toBeLessThanOrEqual(max);
  });
});

describe('xmlSafe', () => {
  it('drops the characters XML 1.0 forbids and keeps tab, line feed and carriage return', () => {
    expect(xmlSafe('a\u0001b\tc\u000bd\ufffee\n\r')).toBe('ab\tcde\n\r');
    expect(xmlSafe('Yevlakh – “talks” ✓')).toBe('Yevlakh – “talks” ✓');
  });
});
