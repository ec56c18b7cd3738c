import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, cardSvg, escapeSvg, shareCard, wrapText } from '../../src/exports/share-card.ts';
import { FAVICON_SVG, icoFromPng } from '../../src/exports/favicon.ts';
import { renderCard } from '../../src/build/share-cards.ts';
import { textWidth } from '../../src/views/svg-text.ts';

const text = { title: 'Ceasefire takes effect', date: 'Wednesday 20 September 2023', site: 'Nagorno-Karabakh, September 2023' };

/** A PNG's width and height, from its IHDR chunk (bytes 16–23, after the signature and the chunk's length and type). */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(png);
  expect(view.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(view.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

describe('escapeSvg', () => {
  it('escapes every character that could end text or an attribute', () => {
    expect(escapeSvg(`<script>alert("x") & 'y'</script>`)).toBe('&#60;script&#62;alert(&#34;x&#34;) &#38; &#39;y&#39;&#60;/script&#62;');
  });
});

describe('cardSvg', () => {
  it('writes markup in a title, date or site name as text, never as elements', () => {
    const svg = cardSvg({ title: '</text> <script>alert(1)</script>', date: 'A & B', site: 'Test & timeline <b>' });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('>&#60;/text&#62;</tspan>');
    expect(svg).toContain('>&#60;script&#62;alert(1)&#60;/script&#62;</tspan>');
    expect(svg).toContain('A &#38; B');
    expect(svg).toContain('Test &#38; timeline &#60;b&#62;');
  });

  it('is 1200 by 630', () => {
    expect(cardSvg(text)).toMatch(new RegExp(`^<svg [^>]*width="${CARD_WIDTH}" height="${CARD_HEIGHT}"`));
  });
});

describe('wrapText', () => {
  it('keeps a short title on one line', () => {
    expect(wrapText('Ceasefire takes effect', 1040, 60, 4, true)).toEqual(['Ceasefire takes effect']);
  });

  it('breaks a long title between words, each line within the width', () => {
    const title = 'Azerbaijan launches what it calls local anti-terrorist measures in Nagorno-Karabakh';
    const lines = wrapText(title, 1040, 60, 4, true);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(title);
    for (const line of lines) expect(textWidth(line, 60, true)).toBeLessThanOrEqual(1040);
  });

  it('ends text that does not fit with an ellipsis on the last line', () => {
    const lines = wrapText(Array.from({ length: 40 }, (_, i) => `word${i}`).join(' '), 1040, 60, 4, true);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/…$/);
    expect(lines.slice(0, 3).join(' ')).toMatch(/^word0 word1 /);
    for (const line of lines) expect(textWidth(line, 60, true)).toBeLessThanOrEqual(1040);
  });

  it('cuts a word too long for a line', () => {
    const lines = wrapText('x'.repeat(60), 1040, 60, 4, true);
    expect(lines.join('')).toBe('x'.repeat(60));
    for (const line of lines) expect(textWidth(line, 60, true)).toBeLessThanOrEqual(1040);
  });
});

describe('shareCard', () => {
  it('names a card by its inputs and the renderer', () => {
    const card = shareCard(text, 'renderer@1');
    expect(card.path).toMatch(/^\/cards\/[\w-]{22}\.png$/);
    expect(shareCard({ ...text }, 'renderer@1').path).toBe(card.path);
    expect(shareCard({ ...text, title: 'Ceasefire took effect' }, 'renderer@1').path).not.toBe(card.path);
    expect(shareCard({ ...text, date: 'Thursday 21 September 2023' }, 'renderer@1').path).not.toBe(card.path);
    expect(shareCard({ ...text, site: 'Another site' }, 'renderer@1').path).not.toBe(card.path);
    expect(shareCard(text, 'renderer@2').path).not.toBe(card.path);
    expect(card.alt).toBe('Ceasefire takes effect · Wednesday 20 September 2023 · Nagorno-Karabakh, September 2023');
  });
});

describe('renderCard', () => {
  it('renders a 1200×630 PNG, byte for byte the same for the same inputs', () => {
    const { svg } = shareCard(text, 'renderer@1');
    const png = renderCard(svg);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(Buffer.compare(renderCard(svg), png)).toBe(0);
    // The text is drawn: a card without it differs.
    expect(Buffer.compare(renderCard(svg.replace(/<text[^]*?<\/text>/g, '')), png)).not.toBe(0);
  });
});

describe('icoFromPng', () => {
  it('wraps a PNG in an ICO header that points at it', () => {
    const png = renderCard(FAVICON_SVG);
    const ico = icoFromPng(png, 32);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 1]);
    expect([ico[6], ico[7]]).toEqual([32, 32]);
    expect(ico.readUInt32LE(14)).toBe(png.length);
    expect(Buffer.compare(ico.subarray(ico.readUInt32LE(18)), png)).toBe(0);
  });
});
