import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/markdown/render.ts';

describe('renderMarkdown: dangerous input never reaches the page', () => {
  it.each<[string, string, string]>([
    ['a raw <script> block', '<script>alert(1)</script>', ''],
    ['an inline <script>', 'Text <script>alert(1)</script> more', '<p>Text alert(1) more</p>'],
    ['an <img onerror>', 'Before <img src=x onerror="alert(1)"> after', '<p>Before  after</p>'],
    ['an <iframe>', '<iframe src="https://evil.example/"></iframe>', ''],
    ['a javascript: link', '[x](javascript:alert(1))', '<p><a>x</a></p>'],
    ['a javascript: link in mixed case', '[x](JaVaScRiPt:alert(1))', '<p><a>x</a></p>'],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', '<p><a>x</a></p>'],
    ['a javascript: image', '![pic](javascript:alert(1))', '<p><img alt="pic"></p>'],
    ['a raw <a href="javascript:">', 'Click <a href="javascript:alert(1)">me</a>', '<p>Click me</p>'],
    ['an event handler on a raw element', 'Hello <b onmouseover="alert(1)">bold</b>', '<p>Hello bold</p>'],
    ['a block element with a handler', '<div onclick="alert(1)">hi</div>', ''],
  ])('%s', (_, markdown, html) => {
    const out = renderMarkdown(markdown);
    expect(out).toBe(html);
    expect(out.toLowerCase()).not.toMatch(/<script|<iframe|javascript:|data:|onerror|onclick|onmouseover/);
  });
});

describe('renderMarkdown: ordinary Markdown survives', () => {
  it.each<[string, string, string]>([
    ['emphasis', '*em* and **strong**', '<p><em>em</em> and <strong>strong</strong></p>'],
    ['an https link', '[BBC](https://www.bbc.co.uk/news)', '<p><a href="https://www.bbc.co.uk/news">BBC</a></p>'],
    ['an http link', '[old](http://example.org/a?b=1)', '<p><a href="http://example.org/a?b=1">old</a></p>'],
    ['a mailto link', '[desk](mailto:desk@example.org)', '<p><a href="mailto:desk@example.org">desk</a></p>'],
    ['a relative link', '[event](/events/ceasefire/)', '<p><a href="/events/ceasefire/">event</a></p>'],
    ['an autolink', '<https://example.org>', '<p><a href="https://example.org">https://example.org</a></p>'],
    ['two paragraphs', 'One.\n\nTwo.', '<p>One.</p>\n<p>Two.</p>'],
    ['a list', '- a\n- b', '<ul>\n<li>a</li>\n<li>b</li>\n</ul>'],
    ['a block quote', '> quoted', '<blockquote>\n<p>quoted</p>\n</blockquote>'],
    ['template syntax stays text', 'Not {{ 7*7 }} nor {% raw %}', '<p>Not {{ 7*7 }} nor {% raw %}</p>'],
    ['characters that need escaping', 'A & B < C', '<p>A &#x26; B &#x3C; C</p>'],
    ['curly quotes and dashes', '“Quoted” – yes', '<p>“Quoted” – yes</p>'],
    ['nothing', '', ''],
  ])('%s', (_, markdown, html) => {
    expect(renderMarkdown(markdown)).toBe(html);
  });
});
