import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildForBrowser, launchChromium, serveStatic, watchedPage, type StaticServer } from '../helpers/browser.ts';
import { ROOT } from '../helpers/project.ts';

/**
 * Screenshots for people to review (issue 17): the home page, an event, a source and the figures page, each at
 * 320 and 1280 px wide, whole pages, the home page in both colour schemes. They go to test-results/screenshots/
 * (ignored by git); the test checks that each is a PNG of the width asked for, not how it looks.
 */
const SHOTS = join(ROOT, 'test-results/screenshots');
const PAGES = {
  home: '',
  event: 'events/ceasefire-takes-effect/',
  source: 'sources/azerbaijan-halts-operation/',
  figures: 'figures/',
};
const WIDTHS = [320, 1280] as const;
const CASES = Object.entries(PAGES).flatMap(([name, path]) =>
  WIDTHS.flatMap((width) => (name === 'home' ? (['light', 'dark'] as const) : (['light'] as const)).map((scheme) => ({ name, path, width, scheme }))),
);

/** The width and height a PNG's header declares, or null if the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * A whole-page screenshot. Headless Chromium on a busy machine now and then answers "Unable to capture screenshot"
 * for a tall page; a second try after a frame succeeds, and the file is checked all the same.
 */
async function screenshot(page: Page, path: string): Promise<void> {
  try {
    await page.screenshot({ path, fullPage: true });
  } catch (error) {
    if (!String(error).includes('Unable to capture screenshot')) throw error;
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    await page.screenshot({ path, fullPage: true });
  }
}

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const { site } = await buildForBrowser('screenshots');
  server = await serveStatic(site, '/');
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('review screenshots', () => {
  it('reads PNG sizes, and refuses what is not a PNG', () => {
    const header = Buffer.alloc(24);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header);
    header.write('IHDR', 12, 'latin1');
    header.writeUInt32BE(320, 16);
    header.writeUInt32BE(900, 20);
    expect(pngSize(header)).toEqual({ width: 320, height: 900 });
    expect(pngSize(Buffer.from('GIF89a, not a PNG at all....'))).toBeNull();
  });

  it.each(CASES)('$name at $width px, $scheme', async ({ name, path, width, scheme }) => {
    const { page, errors, outside } = await watchedPage(browser, { viewport: { width, height: 800 }, deviceScaleFactor: 1 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${server.url}${path}`);
    const file = join(SHOTS, `review-${name}-${width}-${scheme}.png`);
    await screenshot(page, file);
    await page.close();
    const size = pngSize(await readFile(file));
    expect(size?.width).toBe(width);
    expect(size!.height).toBeGreaterThanOrEqual(800);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
