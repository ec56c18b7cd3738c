import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildForBrowser, launchChromium, serveStatic, type StaticServer } from '../helpers/browser.ts';
import { ROOT } from '../helpers/project.ts';

/**
 * Pages worth sharing (issue 17), in real Chromium on a site built under a path prefix: the favicon is served, every
 * kind of page names a 1200×630 PNG card for link previews, the share control copies the address where the browser
 * has no Web Share API (and hands it to the API where it has one), and the feeds and data are linked for readers.
 */
const PREFIX = '/news-timeline/';
const SITE_URL = `https://example.org${PREFIX}`;
const SHOTS = join(ROOT, 'test-results/screenshots');
const PAGES = {
  home: '',
  event: 'events/ceasefire-takes-effect/',
  source: 'sources/azerbaijan-halts-operation/',
  figures: 'figures/',
  place: 'places/stepanakert/',
  actor: 'actors/aliyev/',
  category: 'categories/military/',
  asOf: 'as-of/2023-09-20/',
  sources: 'sources/',
  search: 'search/',
};

let site: string;
let server: StaticServer;
let browser: Browser;
const outside: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  ({ site } = await buildForBrowser('sharing-browser', PREFIX));
  server = await serveStatic(site, PREFIX);
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  expect(errors).toEqual([]);
  expect(outside).toEqual([]);
});

/** A context that blocks and records requests leaving 127.0.0.1, and records console errors (a 404 logs one). */
async function context(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  await ctx.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  ctx.on('page', (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(err.message));
  });
  return ctx;
}

/** A PNG's width and height from its IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const meta = (page: Page, key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).getAttribute('content');

describe('the favicon', () => {
  it('is served as SVG and as /favicon.ico, and a page loads with no 404 for it', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    for (const [file, type] of [
      ['favicon.ico', 'image/x-icon'],
      ['favicon.svg', 'image/svg+xml'],
    ] as const) {
      const response = await page.request.get(`${server.url}${file}`);
      expect(response.status(), file).toBe(200);
      expect(response.headers()['content-type']).toBe(type);
    }
    const ico = await (await page.request.get(`${server.url}favicon.ico`)).body();
    // An ICO holding one 32 px PNG.
    expect([ico.readUInt16LE(2), ico.readUInt16LE(4), ico[6]]).toEqual([1, 1, 32]);
    expect(pngSize(ico.subarray(ico.readUInt32LE(18)))).toEqual({ width: 32, height: 32 });
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(r.url());
    });
    await page.goto(`${server.url}${PAGES.event}`, { waitUntil: 'networkidle' });
    for (const href of await page.$$eval('link[rel="icon"]', (links) => links.map((l) => (l as HTMLLinkElement).href))) {
      expect((await page.request.get(href)).status(), href).toBe(200);
    }
    expect(failed).toEqual([]);
    await ctx.close();
  });
});

describe('link previews', () => {
  it.each(Object.entries(PAGES))('the %s page names a 1200×630 PNG card, large in Twitter’s preview', async (_kind, path) => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(`${server.url}${path}`);
    const image = (await meta(page, 'og:image'))!;
    expect(image).toMatch(new RegExp(`^${SITE_URL}cards/[\\w-]{22}\\.png$`));
    expect(await meta(page, 'twitter:image')).toBe(image);
    expect(await meta(page, 'twitter:card')).toBe('summary_large_image');
    expect([await meta(page, 'og:image:width'), await meta(page, 'og:image:height')]).toEqual(['1200', '630']);
    // The card shows the page's own title, as the document title has it before the site's name.
    expect((await meta(page, 'og:image:alt'))!.startsWith(`${(await page.title()).split(' · ')[0]} · `)).toBe(true);
    // The card is on the site at the address the page gives, under the prefix.
    const response = await page.request.get(image.replace(SITE_URL, server.url));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
    await ctx.close();
  });

  it('gives pages with different titles different cards and descriptions', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    const seen = { image: new Set<string>(), description: new Set<string>() };
    for (const path of [PAGES.event, PAGES.source, PAGES.figures, PAGES.place, PAGES.actor, PAGES.category, PAGES.asOf]) {
      await page.goto(`${server.url}${path}`);
      seen.image.add((await meta(page, 'og:image'))!);
      const description = (await meta(page, 'description'))!;
      expect(await meta(page, 'og:description')).toBe(description);
      seen.description.add(description);
    }
    expect(seen.image.size).toBe(7);
    expect(seen.description.size).toBe(7);
    await ctx.close();
  });
});

describe('the share control', () => {
  it('is hidden without JavaScript', async () => {
    const ctx = await context({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}${PAGES.event}`);
    expect(await page.locator('.share').count()).toBe(1);
    expect(await page.locator('.share-button').isVisible()).toBe(false);
    await ctx.close();
  });

  it('copies the address and says so where the browser has no Web Share API', async () => {
    const ctx = await context();
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await ctx.addInitScript(() => Object.defineProperty(Navigator.prototype, 'share', { value: undefined, configurable: true }));
    const page = await ctx.newPage();
    await page.goto(`${server.url}${PAGES.event}`);
    expect(await page.evaluate(() => 'share' in navigator && typeof navigator.share)).not.toBe('function');
    const button = page.getByRole('button', { name: 'Share this page' });
    expect(await button.isVisible()).toBe(true);
    await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await button.click();
    const status = page.locator('.share-status');
    await expect.poll(() => status.textContent()).toBe('Link copied');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}${PAGES.event}`);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: width === 320 ? 640 : 800 });
        await page.locator('.site-footer').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `share-footer-${width}-${scheme}.png`) });
      }
    }
    await ctx.close();
  });

  it('hands the address, filters included, to the Web Share API where the browser has it', async () => {
    const ctx = await context();
    await ctx.addInitScript(() => {
      const calls: ShareData[] = [];
      (window as unknown as { shared: ShareData[] }).shared = calls;
      Object.defineProperty(Navigator.prototype, 'share', { value: (data: ShareData) => (calls.push(data), Promise.resolve()), configurable: true });
    });
    const page = await ctx.newPage();
    await page.goto(`${server.url}?category=military`);
    await page.getByRole('button', { name: 'Share this page' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared)).toEqual([
      { title: await page.title(), url: `${server.url}?category=military` },
    ]);
    expect(await page.locator('.share-status').textContent()).toBe('');
    await ctx.close();
  });
});

describe('the feed and data links', () => {
  it('are visible in every page’s footer, named for readers, and each resolves', async () => {
    const ctx = await context({ viewport: { width: 320, height: 640 } });
    const page = await ctx.newPage();
    await page.goto(`${server.url}${PAGES.figures}`);
    const nav = page.getByRole('navigation', { name: 'Follow and data' });
    expect(await nav.isVisible()).toBe(true);
    expect((await nav.locator('p').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      'Follow: Atom feed, JSON feed',
      'Data: JSON, CSV, TimelineJS',
    ]);
    const links = await nav.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.map((href) => href.replace(server.url, ''))).toEqual(['feed.xml', 'feed.json', 'events.json', 'events.csv', 'timeline.json']);
    for (const href of links) expect((await page.request.get(href)).status(), href).toBe(200);
    await ctx.close();
  });
});
