import { createHash } from 'node:crypto';
import { textWidth } from '../views/svg-text.ts';

/**
 * The picture link previews show for a page (`og:image`, `twitter:image`): a 1200×630 card with the page's title,
 * a date line and the site's name, drawn here as SVG and turned into a PNG by the build (src/build/share-cards.ts).
 * Its file is named by a hash of the SVG and of the renderer and font versions, so a card is rendered once for
 * given inputs, and a changed title gives a new address that unfurlers have not cached.
 */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The card's font family: the TTFs the renderer loads (and nothing else), named in share-cards.ts. */
export const CARD_FONT = 'Inter';

export interface CardText {
  title: string;
  /** The date line: the event's date, a source's publication date, or what the page covers. */
  date: string;
  site: string;
}

export interface ShareCard {
  /** Site-relative path of the PNG, e.g. `/cards/3q2x….png`. */
  path: string;
  svg: string;
  /** Alternative text for `og:image:alt`: what the card says. */
  alt: string;
}

const MARGIN = 80;
const TITLE_SIZE = 60;
const TITLE_LEADING = 74;
const TITLE_LINES = 4;
const DATE_SIZE = 36;
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;

/** Text made safe for SVG character data and attribute values. */
export function escapeSvg(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Breaks `text` into at most `maxLines` lines no wider than `width` (by the textWidth estimate). A word too long
 * for a line is cut; text that does not fit ends its last line with an ellipsis.
 */
export function wrapText(text: string, width: number, fontSize: number, maxLines: number, bold = false): string[] {
  const fits = (s: string) => textWidth(s, fontSize, bold) <= width;
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    let word = words[i]!;
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) {
      lines.push(line);
      line = '';
      if (lines.length === maxLines) break;
    }
    while (!fits(word)) {
      let cut = word.length - 1;
      while (cut > 1 && !fits(word.slice(0, cut))) cut--;
      lines.push(word.slice(0, cut));
      word = word.slice(cut);
      if (lines.length === maxLines) break;
    }
    if (lines.length === maxLines) break;
    line = word;
  }
  if (line && lines.length < maxLines) lines.push(line);
  else if (i < words.length || line) {
    // Text was left over: the last line gives way to an ellipsis.
    let last = lines[maxLines - 1]!;
    while (last && !fits(`${last}…`)) last = last.slice(0, -1).trimEnd();
    lines[maxLines - 1] = `${last.replace(/[\s,.;:]+$/, '')}…`;
  }
  return lines;
}

/** The card's SVG: the title in up to four lines (three when the date takes two), its date below, the site's name at the foot. */
export function cardSvg({ title, date, site }: CardText): string {
  const dateLines = wrapText(date, TEXT_WIDTH, DATE_SIZE, 2);
  const titleLines = wrapText(title, TEXT_WIDTH, TITLE_SIZE, dateLines.length > 1 ? TITLE_LINES - 1 : TITLE_LINES, true);
  const siteLine = wrapText(site, TEXT_WIDTH, 32, 1)[0] ?? '';
  const lines = (texts: string[], top: number, leading: number) =>
    texts.map((line, i) => `<tspan x="${MARGIN}" y="${top + i * leading}">${escapeSvg(line)}</tspan>`).join('');
  const titleTop = 150;
  const dateTop = titleTop + (titleLines.length - 1) * TITLE_LEADING + 76;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">` +
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#ffffff"/>` +
    `<rect width="${CARD_WIDTH}" height="18" fill="#a12a2a"/>` +
    `<text font-family="${CARD_FONT}" font-weight="700" font-size="${TITLE_SIZE}" fill="#1a1a1a">${lines(titleLines, titleTop, TITLE_LEADING)}</text>` +
    (dateLines.length ? `<text font-family="${CARD_FONT}" font-size="${DATE_SIZE}" fill="#4d4d4d">${lines(dateLines, dateTop, 46)}</text>` : '') +
    `<rect x="${MARGIN}" y="${CARD_HEIGHT - 120}" width="${TEXT_WIDTH}" height="2" fill="#d0d0d0"/>` +
    `<text x="${MARGIN}" y="${CARD_HEIGHT - 64}" font-family="${CARD_FONT}" font-weight="700" font-size="32" fill="#0b57a4">${escapeSvg(siteLine)}</text>` +
    `</svg>`
  );
}

/**
 * A card for `text`. `renderer` names the renderer and font versions (share-cards.ts reads them from their
 * packages): a new version gives every card a new name, so no stale PNG is reused.
 */
export function shareCard(text: CardText, renderer: string): ShareCard {
  const svg = cardSvg(text);
  const hash = createHash('sha256').update(renderer).update('\0').update(svg).digest('base64url').slice(0, 22);
  const alt = [text.title, text.date, text.site].filter(Boolean).join(' · ');
  return { path: `/cards/${hash}.png`, svg, alt };
}
