import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readerSession, type ReaderSession, visibleEvents, query } from '../helpers/browser.ts';
import { ROOT } from '../helpers/project.ts';
import { ONLY_21 } from '../helpers/seed.ts';

/**
 * "What was known when" in real Chromium, on a site built under a path prefix: with JavaScript, picking a
 * reporting moment on the home page hides the events not yet reported, says so, records it in the address and
 * works with the other filters and the back button; without JavaScript, the same choice is a link to a real page.
 *
 * By hand from content/: seven events cite only the two articles of 21 September 2023; every other event is cited
 * by at least one of the three articles of 20 September.
 */
const PREFIX = '/news-timeline/';
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

let reader: ReaderSession<{ id: string; category: string; era: string }>;
let events: { id: string; category: string; era: string }[];

beforeAll(async () => {
  reader = await readerSession<(typeof events)[number]>('as-of-browser', PREFIX);
  ({ events } = reader);
});

afterAll(async () => {
  const seen = await reader?.close();
  expect(seen?.errors).toEqual([]);
  expect(seen?.outside).toEqual([]);
});

const open = (path: string, viewport = { width: 1000, height: 800 }): Promise<Page> => reader.open(path, { viewport });


describe('with JavaScript, on the home page', () => {
  it('picks a moment: hides what was not yet reported, says so, and records it in the address', async () => {
    const page = await open('');
    expect(await page.isVisible('#f-as-of')).toBe(true);
    const known = events.filter((e) => !ONLY_21.includes(e.id));
    const early = known.filter((e) => e.era === 'background').length;

    await page.selectOption('#f-as-of', '2023-09-20');
    await expect.poll(() => query(page)).toBe('?as-of=2023-09-20');
    expect(await visibleEvents(page)).toEqual(known.map((e) => e.id));
    expect(await page.textContent('#f-status')).toBe(
      `Showing 33 of ${events.length} events reported by the end of 20 September 2023, ${early} of them in the background.`,
    );
    // A day no event of which is known yet disappears with its heading: the Sotk incident was reported on the 21st only.
    expect(await page.isHidden('#sotk-border-incident')).toBe(true);

    // The next moment shows everything.
    await page.selectOption('#f-as-of', '2023-09-21');
    await expect.poll(() => query(page)).toBe('?as-of=2023-09-21');
    expect(await visibleEvents(page)).toEqual(events.map((e) => e.id));

    // Back to the first choice, then to no choice at all.
    await page.goBack();
    await expect.poll(() => query(page)).toBe('?as-of=2023-09-20');
    expect(await page.inputValue('#f-as-of')).toBe('2023-09-20');
    expect(await visibleEvents(page)).toEqual(known.map((e) => e.id));
    await page.goBack();
    await expect.poll(() => query(page)).toBe('');
    expect(await page.inputValue('#f-as-of')).toBe('');
    expect(await visibleEvents(page)).toEqual(events.map((e) => e.id));
    await page.close();
  });

  it('combines with the other filters, opens from a shared address, and "Show all events" clears it', async () => {
    const page = await open('?as-of=2023-09-20&category=diplomacy');
    expect(await page.inputValue('#f-as-of')).toBe('2023-09-20');
    const expected = events.filter((e) => e.category === 'diplomacy' && !ONLY_21.includes(e.id)).map((e) => e.id);
    expect(expected.length).toBeLessThan(events.filter((e) => e.category === 'diplomacy').length);
    expect(await visibleEvents(page)).toEqual(expected);
    await page.click('#f-clear');
    await expect.poll(() => query(page)).toBe('');
    expect(await page.inputValue('#f-as-of')).toBe('');
    expect(await visibleEvents(page)).toEqual(events.map((e) => e.id));
    await page.close();
  });

  it('ignores a moment that does not exist', async () => {
    const page = await open('?as-of=1999-01-01');
    expect(await page.inputValue('#f-as-of')).toBe('');
    expect(await visibleEvents(page)).toEqual(events.map((e) => e.id));
    await page.close();
  });

  it('works by keyboard', async () => {
    const page = await open('');
    await page.focus('#f-as-of');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => query(page)).toBe('?as-of=2023-09-20');
    expect((await visibleEvents(page)).length).toBe(33);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('offers the moments as links to real pages, which list what was known then', async () => {
    const context = await reader.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.goto(reader.url);
    expect(await page.isHidden('#as-of-pick')).toBe(true);
    await page.click('.as-of-links a:text("by the end of 20 September 2023")');
    expect(new URL(page.url()).pathname).toBe(`${PREFIX}as-of/2023-09-20/`);
    const listed = () => page.$$eval('li.event', (lis) => lis.map((li) => li.id));
    expect(await listed()).toEqual(events.filter((e) => !ONLY_21.includes(e.id)).map((e) => e.id));
    expect(await page.textContent('h1')).toBe('What was known by the end of 20 September 2023');
    await page.click('a:text("Later: by the end of 21 September 2023")');
    expect(new URL(page.url()).pathname).toBe(`${PREFIX}as-of/2023-09-21/`);
    expect(await listed()).toEqual(events.map((e) => e.id));
    await context.close();
  });
});

describe('the as-of pages for every reader', () => {
  it.each([['as-of/2023-09-20/'], ['as-of/'], ['']])('%s: no axe violations (WCAG 2.2 AA), no horizontal scrolling at 320 px', async (path) => {
    const page = await open(path);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.close();
  });
});
