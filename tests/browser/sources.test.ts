import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readerSession, type ReaderSession } from '../helpers/browser.ts';
import { ROOT } from '../helpers/project.ts';

/**
 * Checking a quote in its context, in real Chromium, on a site built under a path prefix: from an event page, each
 * quote's link lands on its source page at the passage whose marked words are the quote. Screenshots of a source
 * page at 320 and 1280 px, light and dark, go to test-results/screenshots/.
 */
const PREFIX = '/news-timeline/';
const SHOTS = join(ROOT, 'test-results/screenshots');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

let reader: ReaderSession<unknown>;

beforeAll(async () => {
  reader = await readerSession('sources-browser', PREFIX);
  await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  const seen = await reader?.close();
  expect(seen?.errors).toEqual([]);
  expect(seen?.outside).toEqual([]);
});

const open = (path: string, width = 1280, scheme: 'light' | 'dark' = 'light'): Promise<Page> =>
  reader.open(path, { viewport: { width, height: 800 }, scheme });

// Quotation marks print curly on both pages; the words themselves must match exactly.
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('a quote, checked in its context', () => {
  it.each([
    ['events/ceasefire-takes-effect/'],
    ['events/yevlakh-talks/'],
  ])('from %s, every quote’s link lands on the source page passage that marks exactly that quote', async (path) => {
    const page = await open(path);
    const quotes = await page.$$eval('.citations li', (lis) =>
      lis.map((li) => ({ quote: li.querySelector('blockquote')!.textContent!, href: li.querySelector<HTMLAnchorElement>('a.in-context')!.getAttribute('href')! })),
    );
    expect(quotes.length).toBeGreaterThan(1);
    for (const { quote, href } of quotes) {
      await page.goto(`${reader.url}${path}`);
      await page.click(`.citations a.in-context[href="${href}"]`);
      await page.waitForURL((u) => u.hash.startsWith('#q-'));
      const url = new URL(page.url());
      expect(url.pathname).toMatch(/^\/news-timeline\/sources\/[a-z0-9-]+\/$/);
      const target = page.locator(':target');
      await expect.poll(() => target.count()).toBe(1);
      expect(await target.getAttribute('id')).toBe(url.hash.slice(1));
      const marks = await target.locator('mark').allTextContents();
      const shown = words(quote);
      if (/…|\[…\]|\[\.\.\.\]/.test(shown)) expect(marks.length).toBeGreaterThan(0);
      else expect(marks.map(words).join(' ')).toBe(shown);
      // The passage is scrolled into view.
      expect(await target.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(800);
    }
    await page.close();
  });
});

describe('a source page, as a reader sees it', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it.each([320, 1280])(`at %i px (${scheme}): no axe violations, no horizontal scrolling, a screenshot`, async (width) => {
      const page = await open('sources/azerbaijan-halts-karabakh-offensive/', width, scheme);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(SHOTS, `source-passages-${scheme}-${width}.png`), fullPage: width === 320 ? false : true });
      await page.close();
    });
  }

  it('an event page at 1280 px: the quotes come before how the date was worked out (screenshot)', async () => {
    const page = await open('events/sep20-ceasefire-holding/');
    const order = await page.$$eval('main h2', (hs) => hs.map((h) => h.id));
    expect(order.indexOf('sources-h')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('sources-h')).toBeLessThan(order.indexOf('dating-h'));
    await page.screenshot({ path: join(SHOTS, 'event-order-light-1280.png'), fullPage: true });
    await page.close();
  });
});
