import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readerSession, type ReaderSession, visibleEvents, query } from '../helpers/browser.ts';
import { ROOT } from '../helpers/project.ts';

/**
 * The reader's experience in real Chromium, on a site built under a path prefix (as on GitHub Pages): event order,
 * the filters by keyboard with the address and the back button, the site without JavaScript, search, and on the
 * main pages axe-core in both colour schemes, no horizontal scrolling at 320 px, no console errors and no request
 * leaving the machine. Screenshots go to test-results/screenshots/ for people to look at.
 */
const PREFIX = '/news-timeline/';
const SHOTS = join(ROOT, 'test-results/screenshots');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const PAGES = {
  home: '',
  event: 'events/ceasefire-takes-effect/',
  source: 'sources/azerbaijan-halts-operation/',
  figures: 'figures/',
  place: 'places/stepanakert/',
  search: 'search/?q=ceasefire',
};

interface EventData {
  id: string;
  category: string;
  actors: string[];
  places: string[];
  era: string;
}

let reader: ReaderSession<EventData>;
let events: EventData[];

beforeAll(async () => {
  reader = await readerSession<EventData>('reader-browser', PREFIX);
  ({ events } = reader);
  await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  // Every page any test opened: nothing it did logged an error or reached beyond 127.0.0.1.
  const seen = await reader?.close();
  expect(seen?.errors).toEqual([]);
  expect(seen?.outside).toEqual([]);
});

const open = (path: string, options: Parameters<ReaderSession<EventData>['open']>[1] = {}, scheme: 'light' | 'dark' = 'light'): Promise<Page> =>
  reader.open(path, { viewport: { width: 1000, height: 800 }, ...options, scheme });


describe('the timeline', () => {
  it('renders every event in timeline order, under day headings', async () => {
    const page = await open('');
    const ids = await page.$$eval('#timeline li.event', (lis) => lis.map((li) => li.id));
    expect(ids).toEqual(events.map((e) => e.id));
    const headings = await page.$$eval('#timeline h3', (hs) => hs.map((h) => h.textContent));
    expect(headings.slice(-3)).toEqual(['Tuesday 19 September 2023', 'Wednesday 20 September 2023', 'Thursday 21 September 2023']);
    await page.close();
  });

  it('starts with the skip link, which shows when focused', async () => {
    const page = await open('');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { text: el.textContent, left: box.left, outline: getComputedStyle(el).outlineStyle };
    });
    expect(focused.text).toBe('Skip to content');
    expect(focused.left).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.close();
  });
});

describe('the filters', () => {
  it('filter by keyboard, update the address, announce the count, and the back button restores each step', async () => {
    const page = await open('');
    const status = page.locator('#f-status');
    expect(await status.getAttribute('role')).toBe('status');
    await expect.poll(() => status.textContent()).toBe(`Showing all ${events.length} events.`);

    // Category: the radio group takes arrow keys.
    await page.focus('input[name="category"][value=""]');
    await page.keyboard.press('ArrowRight');
    const military = events.filter((e) => e.category === 'military');
    await expect.poll(() => query(page)).toBe('?category=military');
    expect(await visibleEvents(page)).toEqual(military.map((e) => e.id));
    expect(await status.textContent()).toBe(`Showing ${military.length} of ${events.length} events.`);

    // Place: Tab to the select (past the actor select) and arrow down: Anywhere → Chanyatag → Moscow → Nagorno-Karabakh.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-place');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    // Events in Stepanakert or Chanyatag count as in Nagorno-Karabakh: they lie within it (content/places.yml).
    const inRegion = ['nagorno-karabakh', 'stepanakert', 'stepanakert-airport', 'chanyatag'];
    const both = military.filter((e) => e.places.some((p) => inRegion.includes(p)));
    await expect.poll(() => query(page)).toBe('?category=military&place=nagorno-karabakh');
    expect(both.length).toBeLessThan(military.length);
    expect(await visibleEvents(page)).toEqual(both.map((e) => e.id));

    // Back: one step at a time.
    await page.goBack();
    await expect.poll(() => query(page)).toBe('?category=military&place=moscow');
    await page.goBack();
    await page.goBack();
    await expect.poll(() => query(page)).toBe('?category=military');
    expect(await page.inputValue('#f-place')).toBe('');
    expect(await visibleEvents(page)).toEqual(military.map((e) => e.id));
    await page.goBack();
    await expect.poll(() => query(page)).toBe('');
    expect(await page.isChecked('input[name="category"][value=""]')).toBe(true);
    expect(await visibleEvents(page)).toHaveLength(events.length);
    await page.close();
  });

  it('restore a shared address, open the background when it holds matches, and clear with Enter or Space', async () => {
    const page = await open('?actor=russia&category=background');
    const expected = events.filter((e) => e.category === 'background' && e.actors.includes('russia'));
    expect(expected.length).toBeGreaterThan(0);
    expect(await page.inputValue('#f-actor')).toBe('russia');
    expect(await page.isChecked('input[name="category"][value="background"]')).toBe(true);
    expect(await page.evaluate(() => (document.getElementById('background') as HTMLDetailsElement).open)).toBe(true);
    expect(await visibleEvents(page)).toEqual(expected.map((e) => e.id));
    expect(await page.textContent('#f-status')).toBe(
      `Showing ${expected.length} of ${events.length} events, ${expected.length} of them in the background.`,
    );
    // Only days and eras with a match stay on screen.
    expect(await page.isHidden('#era-main')).toBe(true);

    await page.focus('#f-clear');
    await page.keyboard.press('Space');
    await expect.poll(() => query(page)).toBe('');
    expect(await visibleEvents(page)).toHaveLength(events.length);

    await page.selectOption('#f-actor', 'putin');
    await page.selectOption('#f-place', 'washington');
    expect(await page.isVisible('#no-results')).toBe(true);
    expect(await page.textContent('#f-status')).toBe(`Showing 0 of ${events.length} events.`);
    await page.focus('#f-clear');
    await page.keyboard.press('Enter');
    expect(await page.isHidden('#no-results')).toBe(true);
    await page.close();
  });

  it('filter as the address says when its fragment is a malformed escape, without an error', async () => {
    const page = await open('?category=diplomacy#%E0%A4%A');
    const diplomacy = events.filter((e) => e.category === 'diplomacy');
    await expect.poll(() => page.locator('#f-status').textContent()).toBe(`Showing ${diplomacy.length} of ${events.length} events.`);
    expect(await visibleEvents(page)).toEqual(diplomacy.map((e) => e.id));
    expect(await page.isHidden('#hidden-target')).toBe(true);
    await page.close();
  });

  it('open the collapsed background when a link points into it', async () => {
    const page = await open('#blockade');
    expect(await page.evaluate(() => (document.getElementById('background') as HTMLDetailsElement).open)).toBe(true);
    expect(await page.isVisible('#blockade')).toBe(true);
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('shows every event, links to the category, actor and place pages, and the background opens by its summary', async () => {
    const context = await reader.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    await page.goto(reader.url);
    expect(await page.isHidden('#filters')).toBe(true);
    expect(await page.isVisible('.browse-links a[href$="/categories/military/"]')).toBe(true);
    expect(await page.isVisible('#blockade')).toBe(false);
    await page.click('#background > summary');
    expect(await page.isVisible('#blockade')).toBe(true);
    await page.click('.browse-links a[href$="/places/yevlakh/"]');
    expect(new URL(page.url()).pathname).toBe(`${PREFIX}places/yevlakh/`);
    expect(await page.$$eval('li.event', (lis) => lis.map((li) => li.id))).toEqual(
      events.filter((e) => e.places.includes('yevlakh')).map((e) => e.id),
    );
    await context.close();
  });
});

describe('search', () => {
  it('finds events by a word in their text, loading the index only when asked', async () => {
    const page = await open('');
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
    await page.fill('#home-q', 'Yevlakh');
    await page.press('#home-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=Yevlakh$/);
    await expect.poll(() => page.textContent('#search-status'), { timeout: 15_000 }).toMatch(/^(\d+ results?|The first 20 of \d+ results) for “Yevlakh”\.$/);
    const links = await page.$$eval('#search-results a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toContain(`${PREFIX}events/yevlakh-talks/`);
    expect(loaded.some((p) => p.startsWith(`${PREFIX}pagefind/`))).toBe(true);
    await page.close();

    const home = await open('');
    await home.waitForLoadState('networkidle');
    const requests = await home.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(requests.filter((r) => r.includes('/pagefind/'))).toEqual([]);
    await home.close();
  });
});

describe.each(['light', 'dark'] as const)('the main pages in the %s colour scheme', (scheme) => {
  it.each(Object.entries(PAGES))('%s: no axe violations (WCAG 2.2 AA), a screenshot', async (name, path) => {
    const page = await open(path, {}, scheme);
    if (name === 'search') await page.waitForSelector('#search-results li');
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`), fullPage: true });
    await page.close();
  });

  it.each(Object.entries(PAGES))('%s: no horizontal scrolling at 320 px wide, nor at double zoom', async (name, path) => {
    const page = await open(path, { viewport: { width: 320, height: 640 } }, scheme);
    if (name === 'search') await page.waitForSelector('#search-results li');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: join(SHOTS, `${name}-${scheme}-320.png`) });
    // A 1280 × 800 window at 200 % zoom lays out like a 640 × 400 one.
    await page.setViewportSize({ width: 640, height: 400 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
    await page.close();
  });
});
