import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_EVENT, HOSTILE_SOURCE, writeHostileContent } from '../build/hostile-content.ts';
import { launchChromium, serveStatic, watchedPage, type StaticServer } from '../helpers/browser.ts';
import { runCli, tempProject } from '../helpers/project.ts';

/**
 * Hostile content in real Chromium: every page that shows it is loaded with JavaScript on; no payload may open a
 * dialog, set `window.__pwned` or leave an element of its own in the page.
 */
let project: string;
let server: StaticServer;
let browser: Browser;
let paths: string[];

beforeAll(async () => {
  project = await tempProject();
  await writeHostileContent(project);
  const out = join(project, 'out');
  const run = runCli('build.ts', ['--quiet', `--output=${out}`], project);
  expect(run.status).toBe(0);
  paths = [];
  for (const entry of await readdir(out, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    if ((await readFile(file, 'utf8')).includes('pwned')) paths.push(relative(out, file).split(sep).join('/').replace(/index\.html$/, ''));
  }
  server = await serveStatic(out);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(project, { recursive: true, force: true });
});

describe('hostile content in Chromium', () => {
  it('is shown on the event, source and timeline pages', () => {
    expect(paths).toEqual(expect.arrayContaining(['', `events/${HOSTILE_EVENT}/`, `sources/${HOSTILE_SOURCE}/`]));
  });

  it('runs nothing and leaves no element of its own on any page that shows it', async () => {
    for (const path of paths) {
      const watched = await watchedPage(browser);
      const dialogs: string[] = [];
      watched.page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await watched.page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      // Give late handlers (onerror of a broken image, onload) their chance to fire.
      await watched.page.waitForTimeout(300);
      const found = await watched.page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
        elements: Array.from(document.querySelectorAll('[id^="pwned-"]')).map((e) => e.outerHTML),
        handlers: Array.from(document.querySelectorAll('*')).flatMap((e) => Array.from(e.attributes).filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`)),
        jsLinks: Array.from(document.querySelectorAll('a[href], iframe[src]')).map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? '').filter((h) => /^\s*(?:javascript|data|vbscript):/i.test(h)),
        // The payload text is there, as text.
        text: document.body.textContent?.includes("window.__pwned=") ?? false,
      }));
      expect({ path, dialogs, ...found }).toEqual({ path, dialogs: [], pwned: null, elements: [], handlers: [], jsLinks: [], text: true });
      expect(watched.outside, path).toEqual([]);
      await watched.page.close();
    }
  });
});
