import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildForBrowser, launchChromium, serveStatic, watchedPage, type StaticServer, type WatchedPage } from '../helpers/browser.ts';
import { ROOT } from '../helpers/project.ts';
import { buildTimelineJs } from '../../src/exports/timelinejs.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { buildTimeline } from '../../src/views/site.ts';
import { exportContent } from '../unit/support/export-timeline.ts';
import { eventRecord } from '../unit/support/records.ts';

/**
 * Loads /timeline.json into the real TimelineJS (the @knight-lab/timelinejs package), served from the test server
 * beside the built site with no network: its script and styles come from node_modules, `script_path` points at the
 * local copy and `font: null` keeps it from fetching web fonts. TimelineJS fails silently, so the test waits for
 * `ready` and compares what it loaded with events.json.
 */
const DIST = join(ROOT, 'node_modules/@knight-lab/timelinejs/dist');

const FIXTURE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TimelineJS fixture</title>
<link rel="stylesheet" href="css/timeline.css">
<script src="js/timeline.js"></script>
</head>
<body>
<div id="timeline" style="width: 1000px; height: 650px"></div>
<script>
window.tlState = { ready: false, error: null };
fetch(new URLSearchParams(location.search).get('data') ?? '../timeline.json')
  .then((response) => response.json())
  .then((data) => {
    window.tl = new TL.Timeline('timeline', data, { script_path: new URL('js/', location.href).href, font: null });
    window.tl.on('ready', () => { window.tlState.ready = true; });
  })
  .catch((error) => { window.tlState.error = String(error); });
</script>
</body>
</html>
`;

let site: string;
let server: StaticServer;
let browser: Browser;
let watched: WatchedPage;
let events: { id: string; title: string }[];

// Issue 16: 16:00 at +04:00 (12:00 GMT) and 10:00 at −04:00 in Washington (14:00 GMT), around the 13:00 ceasefire.
const twoZonesContent = exportContent();
const cited = { sources: twoZonesContent.events[0]!.sources };
twoZonesContent.events.push(eventRecord('baku-1600', '2023-09-20T16:00+04:00', cited), eventRecord('washington-1000', '2023-09-20T10:00-04:00', cited));
const twoZones = buildTimeline(twoZonesContent, renderMarkdown);

beforeAll(async () => {
  ({ site, events } = await buildForBrowser<(typeof events)[number]>('tjs'));
  // The fixture lives only in this temporary copy of the build, never in the published site.
  await cp(join(DIST, 'js/timeline.js'), join(site, '__timelinejs/js/timeline.js'));
  await cp(join(DIST, 'css'), join(site, '__timelinejs/css'), { recursive: true });
  await writeFile(join(site, '__timelinejs/index.html'), FIXTURE);
  await writeFile(join(site, '__timelinejs/two-zones.json'), JSON.stringify(buildTimelineJs(twoZones)));
  server = await serveStatic(site);
  browser = await launchChromium();
  watched = await watchedPage(browser);
  await watched.page.goto(`${server.url}__timelinejs/`);
  await watched.page.waitForFunction(() => {
    const state = (window as unknown as { tlState: { ready: boolean; error: string | null } }).tlState;
    return state.ready || state.error !== null;
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface TlWindow {
  tlState: { ready: boolean; error: string | null };
  tl: { config: { events: { unique_id: string }[]; eras: unknown[]; title?: { text?: { headline?: string } } } };
}

describe('timeline.json in TimelineJS', () => {
  it('loads and becomes ready', async () => {
    const state = await watched.page.evaluate(() => (window as unknown as TlWindow).tlState);
    expect(state).toEqual({ ready: true, error: null });
  });

  it('holds one slide per event of events.json, with the event ids as slide ids', async () => {
    const ids = await watched.page.evaluate(() => (window as unknown as TlWindow).tl.config.events.map((e) => e.unique_id));
    expect(ids.length).toBe(events.length);
    expect([...ids].sort()).toEqual(events.map((e) => e.id).sort());
  });

  it('has a title slide carrying the site title', async () => {
    const headline = await watched.page.evaluate(() => (window as unknown as TlWindow).tl.config.title?.text?.headline);
    expect(headline).toBe('Nagorno-Karabakh, September 2023');
    expect(await watched.page.locator('.tl-slide-titleslide').count()).toBe(1);
  });

  it('renders a slide and a marker for every event', async () => {
    expect(await watched.page.locator('.tl-slide').count()).toBe(events.length + 1);
    expect(await watched.page.locator('.tl-timemarker').count()).toBe(events.length);
  });

  it('keeps the background era, and shows the ceasefire at local time with GMT', async () => {
    const eras = await watched.page.evaluate(() => (window as unknown as TlWindow).tl.config.eras.length);
    expect(eras).toBe(1);
    const date = await watched.page.locator('#ceasefire-takes-effect .tl-headline-date').textContent();
    expect(date).toBe('Wednesday 20 September 2023, 13:00 local time (UTC+4) · 09:00 GMT');
  });

  it('issue 16: shows events in two zones in our order, not by their local clocks', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}__timelinejs/?data=two-zones.json`);
    await page.waitForFunction(() => (window as unknown as TlWindow).tlState.ready || (window as unknown as TlWindow).tlState.error !== null);
    const ids = await page.evaluate(() => (window as unknown as TlWindow).tl.config.events.map((e) => e.unique_id));
    await page.close();
    expect(ids).toEqual(twoZones.events.map((e) => e.id));
    expect(ids.indexOf('ceasefire')).toBeLessThan(ids.indexOf('washington-1000'));
  });

  it('logs no errors and asks for nothing outside the test server', () => {
    expect(watched.errors).toEqual([]);
    expect(watched.outside).toEqual([]);
  });
});
