import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { findChromium, OFFLINE_FLAGS } from '../../src/verify/chromium.ts';
import { runCli } from './project.ts';
import { serveStatic } from '../../src/verify/static-server.ts';

export { serveStatic, type StaticServer } from '../../src/verify/static-server.ts';

/**
 * Chromium from the project's one lookup (CHROMIUM_PATH, PATH, then @sparticuz/chromium), headless, with no background
 * traffic (this machine has no network beyond localhost). No browser fails the test with how to provide one: a browser
 * test that skips would pass on a machine that checked nothing.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: (await findChromium()).path,
    args: [...OFFLINE_FLAGS],
  });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Requests to hosts other than 127.0.0.1, which were blocked. */
  outside: string[];
}

/** A page that blocks every request leaving 127.0.0.1 and records console errors. */
export async function watchedPage(browser: Browser, options: Parameters<Browser['newPage']>[0] = {}): Promise<WatchedPage> {
  const page = await browser.newPage(options);
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  return { page, errors, outside };
}

/** The events a page's filters leave showing (the collapsed background counts: it is one click away). */
export const visibleEvents = (page: Page): Promise<string[]> =>
  page.$$eval('#timeline li.event', (lis) => lis.filter((li) => !li.closest('[hidden]')).map((li) => li.id));

/** The address's query string; Playwright learns of pushState a moment later, so tests poll it. */
export const query = (page: Page): string => new URL(page.url()).search;

/**
 * Builds the bundled site into a fresh temporary folder for a browser test, for https://example.org<prefix> when a
 * path prefix is given, and reads its events.json. The build must succeed and print nothing but Eleventy's own
 * timing notes ("[11ty] Benchmark …", which appear when the machine is busy).
 */
export async function buildForBrowser<E>(tag: string, prefix?: string): Promise<{ site: string; events: E[] }> {
  const site = join(await mkdtemp(join(tmpdir(), `nt-${tag}-`)), '_site');
  const run = runCli('build.ts', [`--output=${site}`, '--quiet', ...(prefix ? [`--site-url=https://example.org${prefix}`] : [])]);
  expect(run.stderr.replace(/^\[11ty\] Benchmark .*\n?/gm, '')).toBe('');
  expect(run.status).toBe(0);
  return { site, events: (JSON.parse(await readFile(join(site, 'events.json'), 'utf8')) as { events: E[] }).events };
}

/**
 * The bundled site built (see buildForBrowser), served and read in Chromium, for one browser test file. Every page
 * it hands out is a watched page; `close` shuts the browser and the server and returns what any of those pages
 * logged as an error or asked of a host other than 127.0.0.1, for the file to expect none.
 */
export interface ReaderSession<E> {
  events: E[];
  /** The served site's address, the path prefix included, ending in `/`. */
  url: string;
  browser: Browser;
  /** A new watched page, not yet at any address. */
  watch(options?: Parameters<Browser['newPage']>[0]): Promise<Page>;
  /** A new watched page at `path` (relative to `url`), in the given colour scheme if one is given. */
  open(path: string, options?: Parameters<Browser['newPage']>[0] & { scheme?: 'light' | 'dark' }): Promise<Page>;
  close(): Promise<{ errors: string[]; outside: string[] }>;
}

export async function readerSession<E>(tag: string, prefix?: string): Promise<ReaderSession<E>> {
  const { site, events } = await buildForBrowser<E>(tag, prefix);
  const server = await serveStatic(site, prefix ?? '/');
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  const opened: WatchedPage[] = [];
  const watch = async (options: Parameters<Browser['newPage']>[0] = {}) => {
    const watched = await watchedPage(browser, options);
    opened.push(watched);
    return watched.page;
  };
  return {
    events,
    url: server.url,
    browser,
    watch,
    async open(path, { scheme, ...options } = {}) {
      const page = await watch(options);
      if (scheme) await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${server.url}${path}`);
      return page;
    },
    async close() {
      const seen = { errors: opened.flatMap((w) => w.errors), outside: opened.flatMap((w) => w.outside) };
      await browser.close();
      await server.close();
      return seen;
    },
  };
}
