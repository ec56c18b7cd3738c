import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, readerSession, type ReaderSession } from '../helpers/browser.ts';

/**
 * Issue 17, the home page's first screen in real Chromium: the story starts within the first screen on a wide
 * window and within two on a phone, the first event is a few key presses away, an address naming an event the
 * filters hide says so and offers to show it, and printing from a dark-mode device uses the print palette.
 */

interface EventData {
  id: string;
  title: string;
  category: string;
}

let reader: ReaderSession<EventData>;
let events: EventData[];

beforeAll(async () => {
  reader = await readerSession<EventData>('first-screen');
  ({ events } = reader);
});

afterAll(async () => {
  const seen = await reader?.close();
  expect(seen?.errors).toEqual([]);
  expect(seen?.outside).toEqual([]);
});

const open = (path: string, width: number, height: number): Promise<Page> => reader.open(path, { viewport: { width, height } });

/** The id of the first event a reader sees in the list (the background era is folded, so it is not the first in the markup). */
const firstShown = (page: Page): Promise<{ id: string; top: number }> =>
  page.$$eval('#timeline li.event', (lis) => {
    const li = lis.find((l) => l.checkVisibility())!;
    return { id: li.id, top: li.getBoundingClientRect().top + window.scrollY };
  });

/** Presses Tab until the focus is on `selector`, and returns how many presses that took (giving up after `max`). */
async function tabsTo(page: Page, selector: string, max = 60): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return presses;
  }
  return Infinity;
}

describe('the first screen', () => {
  it.each([
    // Within the first screen on a laptop; within two on a phone, where the introduction alone is half a screen.
    [1280, 800, 800],
    [320, 640, 1280],
  ])('at %i × %i px, the first event of the list starts above %i px', async (width, height, limit) => {
    const page = await open('', width, height);
    const first = await firstShown(page);
    expect(first.id).toBe(events.find((e) => e.category !== 'background')!.id);
    expect(first.top).toBeGreaterThan(0);
    expect(first.top).toBeLessThan(limit);
    await page.close();
  });

  it('puts the filters behind one "Filter events" control on a narrow screen, and in the open on a wide one', async () => {
    const narrow = await open('', 320, 640);
    expect(await narrow.isVisible('#filter-box > summary')).toBe(true);
    expect(await narrow.isVisible('#f-actor')).toBe(false);
    await narrow.click('#filter-box > summary');
    expect(await narrow.isVisible('#f-actor')).toBe(true);
    await narrow.close();
    // An address that filters opens it, so that the reader sees what hides the other events.
    const filtered = await open('?category=diplomacy', 320, 640);
    expect(await filtered.isVisible('#f-actor')).toBe(true);
    await filtered.close();
    const wide = await open('', 1280, 800);
    expect(await wide.isVisible('#f-actor')).toBe(true);
    // Beside the story: the filters start level with the title's column, not below the timeline.
    const [filters, timeline] = await Promise.all(['#filters', '#timeline'].map((s) => wide.locator(s).boundingBox()));
    expect(filters!.x).toBeGreaterThan(timeline!.x + timeline!.width);
    await wide.close();
  });

  it('reaches the first event in four Tab presses by the skip link, and in a bounded number without it', async () => {
    const first = `#t-${events.find((e) => e.category !== 'background')!.id} a`;
    const page = await open('', 320, 640);
    // "Skip to content", "Skip to the timeline", Enter; then the background's summary, then the first event.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the timeline');
    await page.keyboard.press('Enter');
    expect(await tabsTo(page, first)).toBe(2);
    await page.close();

    // Without it, the stops before the first event are: 2 skip links, the site title and 6 navigation links (9);
    // one link per day and per key event on the time axis (8 here, each itself a way into the list); the folded
    // "Filter events" (1) and the background's summary (1): 19, so the event is the 20th press. On a wide screen
    // the open filters add a radio group, two selects, a button and a summary (5). Before issue 17: 25 presses.
    for (const [width, bound] of [[320, 20], [1280, 25]] as const) {
      const fresh = await open('', width, 800);
      const axisLinks = await fresh.locator('.axis-svg a').count();
      expect(axisLinks).toBe(8);
      expect(await tabsTo(fresh, first)).toBeLessThanOrEqual(bound);
      await fresh.close();
    }
  });

  it.each([
    [1350, 940],
    [412, 823],
  ])('at %i × %i px, moves nothing already drawn when the filters script arrives late', async (width, height) => {
    // Lighthouse's desktop and mobile windows. The script is held back until the page has painted without it, as
    // on a slow network; what it folds and shows must not push drawn content about (cumulative layout shift).
    const page = await reader.watch({ viewport: { width, height } });
    await page.addInitScript(() => {
      const w = window as unknown as { shifted: number };
      w.shifted = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.shifted += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/filters.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(reader.url, { waitUntil: 'commit' });
    await page.waitForSelector('.era-main li.event');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.isHidden('#filters')).toBe(true);
    release();
    await page.waitForSelector('#filters', { state: 'attached' });
    await expect.poll(() => page.textContent('#f-status')).toMatch(/^Showing all \d+ events\.$/);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => (window as unknown as { shifted: number }).shifted)).toBeLessThan(0.005);
    await page.close();
  });

  it('keeps the headings in order: one h1, then no level skipped', async () => {
    const page = await open('', 320, 640);
    const levels = await page.$$eval('main :is(h1, h2, h3, h4, h5, h6)', (hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.slice(1).forEach((l, i) => expect(l).toBeLessThanOrEqual(levels[i]! + 1));
    await page.close();
  });

  it('draws the time axis with links that land on existing days and events, and no text under 11 px at 320 px', async () => {
    const page = await open('', 320, 640);
    const links = await page.$$eval('.axis-svg a', (as) =>
      as.map((a) => ({ href: a.getAttribute('href')!, name: a.getAttribute('aria-label')!, exists: !!document.getElementById(a.getAttribute('href')!.slice(1)) })),
    );
    expect(links.every((l) => l.exists)).toBe(true);
    const main = events.filter((e) => e.category !== 'background');
    expect(links).toContainEqual({ href: '#d-2023-09-20', name: `Wednesday 20 September 2023: ${await page.locator('#d-2023-09-20 ~ ol > li.event').count()} events`, exists: true });
    expect(links.map((l) => l.href)).toContain('#ceasefire-takes-effect');
    expect(main.length).toBeGreaterThan(0);
    // The rendered size: the font size in SVG units times the drawing's scale on screen.
    const sizes = await page.$$eval('.axis-svg text', (ts) =>
      ts.map((t) => parseFloat(getComputedStyle(t).fontSize) * (t as SVGTextElement).getScreenCTM()!.a),
    );
    expect(sizes.length).toBeGreaterThanOrEqual(5 * 2 + 3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.close();
  });
});

describe('an address naming an event the filters hide', () => {
  it('says so, and a button clears the filters, scrolls to the event and focuses it', async () => {
    const page = await open('?category=diplomacy#ceasefire-takes-effect', 1280, 800);
    const ceasefire = events.find((e) => e.id === 'ceasefire-takes-effect')!;
    expect(ceasefire.category).not.toBe('diplomacy');
    expect(await page.isHidden('#ceasefire-takes-effect')).toBe(true);
    const notice = page.locator('#hidden-target');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain(`“${ceasefire.title}”, is hidden by the current filter.`);

    await page.focus('#hidden-target-show');
    await page.keyboard.press('Enter');
    expect(await page.isVisible('#ceasefire-takes-effect')).toBe(true);
    expect(await notice.isHidden()).toBe(true);
    await expect.poll(() => query(page)).toBe('');
    expect(await page.evaluate(() => document.activeElement?.closest('li.event')?.id)).toBe('ceasefire-takes-effect');
    const top = await page.evaluate(() => document.getElementById('ceasefire-takes-effect')!.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(800);
    expect(await page.isChecked('input[name="category"][value=""]')).toBe(true);
    await page.close();
  });

  it('says so for a day of the time axis that the filters empty, on screen, and shows the day again', async () => {
    const page = await open('?category=military', 320, 640);
    expect(events.filter((e) => e.id === 'yevlakh-talks').map((e) => e.category)).toEqual(['diplomacy']);
    await page.click('.axis-svg a[href="#d-2023-09-21"]');
    const notice = page.locator('#hidden-target');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('“Thursday 21 September 2023”, which this address points to, has no event that matches the current filter.');
    const box = (await notice.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(640);

    await page.click('#hidden-target-show');
    expect(await page.isVisible('#yevlakh-talks')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('d-2023-09-21');
    expect(await notice.isHidden()).toBe(true);
    await page.close();
  });

  it('says nothing when the filter shows the event', async () => {
    const page = await open('?category=military#ceasefire-takes-effect', 1280, 800);
    expect(await page.isVisible('#ceasefire-takes-effect')).toBe(true);
    expect(await page.isHidden('#hidden-target')).toBe(true);
    await page.close();
  });
});

describe('print from a device in dark mode', () => {
  /** WCAG 2 contrast ratio of two `rgb(r, g, b)` colours. */
  const contrast = (a: string, b: string): number => {
    const lum = (c: string) => {
      const [r, g, bl] = c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
        const s = Number(v) / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };

  const colours = (page: Page) =>
    page.evaluate(() => {
      const style = (s: string) => getComputedStyle(document.querySelector(s)!);
      return {
        body: style('body').color,
        page: style('body').backgroundColor,
        background: style('#blockade .category').color,
        military: style('#ceasefire-takes-effect .category').color,
      };
    });

  it('prints category labels and text in the print palette, and leaves the controls out', async () => {
    const page = await open('', 1280, 800);
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    const screen = await colours(page);
    // The dark screen palette: pale labels on a dark page, which on paper would be almost invisible.
    expect(contrast(screen.background, 'rgb(255, 255, 255)')).toBeLessThan(2);

    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const print = await colours(page);
    expect(print).toEqual({ body: 'rgb(0, 0, 0)', page: 'rgb(255, 255, 255)', background: 'rgb(80, 90, 98)', military: 'rgb(161, 42, 42)' });
    for (const c of [print.body, print.background, print.military]) expect(contrast(c, print.page)).toBeGreaterThanOrEqual(4.5);

    const displays = await page.$$eval('.skip-link, #filter-box, #filters, #f-as-of, #home-q, #timeline button, .home-side button', (els) =>
      els.map((el) => `${el.id || el.className || el.tagName}: ${getComputedStyle(el).display}`),
    );
    expect(displays.length).toBeGreaterThanOrEqual(7);
    for (const d of displays) expect(d).toMatch(/: none$/);
    await page.close();
  });
});
