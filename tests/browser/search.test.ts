import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHostileContent } from '../build/hostile-content.ts';
import { readerSession, serveStatic, type ReaderSession, type StaticServer } from '../helpers/browser.ts';
import { ROOT, runCli, tempProject } from '../helpers/project.ts';

/**
 * Search as the reader types, in real Chromium, on the bundled site under a path prefix: results without Enter,
 * each with its category, date and an excerpt with the match marked; every spelling of a person or place finding
 * the same events; the home page's results in place; the count spoken once the reader pauses. Then a site with
 * hostile content, whose results must stay text. Screenshots go to test-results/screenshots/.
 */
const PREFIX = '/news-timeline/';
const SHOTS = join(ROOT, 'test-results/screenshots');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

interface EventData {
  id: string;
  actors: string[];
  places: string[];
}
interface Result {
  path: string;
  title: string;
  category: string;
  meta: string;
  marks: string[];
}

let reader: ReaderSession<EventData>;
let events: EventData[];

beforeAll(async () => {
  reader = await readerSession<EventData>('search-browser', PREFIX);
  ({ events } = reader);
  await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  const seen = await reader?.close();
  expect(seen?.errors).toEqual([]);
  expect(seen?.outside).toEqual([]);
});

const open = (path: string, width = 1280, scheme: 'light' | 'dark' = 'light'): Promise<Page> =>
  reader.open(path, { viewport: { width, height: 800 }, scheme });

/** Types like a person, key by key, and never presses Enter; waits for the count the live region speaks. */
async function type(page: Page, input: string, status: string, text: string): Promise<void> {
  await page.fill(input, '');
  await page.locator(input).pressSequentially(text, { delay: 50 });
  await expect.poll(() => page.textContent(status), { timeout: 15_000 }).toContain(`for “${text}”`);
}

const results = (page: Page, list: string): Promise<Result[]> =>
  page.$$eval(`${list} > li`, (lis) =>
    lis.map((li) => ({
      path: new URL(li.querySelector('a')!.href).pathname,
      title: li.querySelector('a')!.textContent ?? '',
      category: li.querySelector('.meta .result-category')?.textContent ?? '',
      meta: li.querySelector('.meta')?.textContent ?? '',
      marks: Array.from(li.querySelectorAll('.excerpt mark')).map((m) => m.textContent ?? ''),
    })),
  );
const eventIds = (rs: Result[]) => rs.map((r) => r.path).filter((p) => p.startsWith(`${PREFIX}events/`)).map((p) => p.split('/').at(-2)!).sort();
const tagged = (kind: 'actors' | 'places', id: string) => events.filter((e) => e[kind].includes(id)).map((e) => e.id).sort();

describe('search as you type', () => {
  it('shows results for an alias without Enter, each with its category, date and the match marked', async () => {
    const page = await open('search/');
    // Every text the live region is given while the reader types: it should speak once, after the pause.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = seen;
      const status = document.getElementById('search-status')!;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await type(page, '#q', '#search-status', 'Pashinian');
    expect(new URL(page.url()).pathname).toBe(`${PREFIX}search/`);
    expect(new URL(page.url()).search).toBe('?q=Pashinian');
    expect(await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken.filter(Boolean))).toEqual([
      expect.stringMatching(/^\d+ results for “Pashinian”, with other spellings of Nikol Pashinyan\.$/),
    ]);
    expect(await page.getAttribute('#search-status', 'role')).toBe('status');

    const alias = await results(page, '#search-results');
    const events = alias.filter((r) => r.path.includes('/events/'));
    expect(events.length).toBeGreaterThan(0);
    for (const r of events) {
      expect(r.category).toMatch(/^(Military|Diplomacy|Humanitarian|Politics|Background)$/);
      expect(r.meta).toMatch(/ · .*(2020|2022|2023)/);
    }
    // The name is marked where the summary or a quote spells it: the spelling the text uses, not the one typed.
    expect(events.filter((r) => r.marks.some((m) => /Pashinyan/.test(m))).length).toBeGreaterThan(0);
    // The events tagged with him are all there, whatever their text says.
    expect(eventIds(alias)).toEqual(expect.arrayContaining(tagged('actors', 'pashinyan')));

    await type(page, '#q', '#search-status', 'Pashinyan');
    expect(eventIds(await results(page, '#search-results'))).toEqual(eventIds(alias));
    await page.close();
  });

  it('finds the same events for “Yevlax” as for “Yevlakh”', async () => {
    const page = await open('search/');
    await type(page, '#q', '#search-status', 'Yevlax');
    const alias = eventIds(await results(page, '#search-results'));
    await type(page, '#q', '#search-status', 'Yevlakh');
    const name = eventIds(await results(page, '#search-results'));
    expect(alias).toEqual(name);
    expect(name).toEqual(expect.arrayContaining([...tagged('places', 'yevlakh'), 'yevlakh-talks', 'reintegration-talks-announced']));
    await page.close();
  });

  it('on the home page, shows the first results in place and links to the rest; Enter still opens the search page', async () => {
    const search = await open('search/?q=Artsakh');
    await expect.poll(() => search.textContent('#search-status'), { timeout: 15_000 }).toContain('for “Artsakh”');
    const all = await results(search, '#search-results');
    const total = Number(/^(\d+) results/.exec((await search.textContent('#search-status')) ?? '')?.[1]);
    // More than the home page shows: Nagorno-Karabakh is in most events.
    expect(total).toBeGreaterThan(5);
    await search.close();

    const page = await open('');
    expect(await page.isVisible('#home-search-results')).toBe(false);
    await type(page, '#home-q', '#home-search-status', 'Artsakh');
    expect(new URL(page.url()).pathname).toBe(PREFIX);
    expect(new URL(page.url()).search).toBe('?q=Artsakh');
    const inPlace = await results(page, '#home-search-results');
    expect(inPlace.map((r) => r.path)).toEqual(all.slice(0, 5).map((r) => r.path));
    const more = await page.$eval('#home-search-more a', (a) => ({ href: new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).search, text: a.textContent }));
    expect(more).toEqual({ href: `${PREFIX}search/?q=Artsakh`, text: `All ${total} results on the search page` });
    await page.locator('form.search-form').screenshot({ path: join(SHOTS, 'search-home-in-place.png') });
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);

    // Emptying the box takes the results and the query away.
    await page.fill('#home-q', '');
    await expect.poll(() => page.isVisible('#home-search-results')).toBe(false);
    await expect.poll(() => new URL(page.url()).search).toBe('');

    await page.locator('#home-q').pressSequentially('Yevlakh');
    await page.press('#home-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=Yevlakh$/);
    await page.close();
  });

  it('without JavaScript, the forms still submit the query to the search page', async () => {
    const page = await reader.open('', { javaScriptEnabled: false });
    await page.fill('#home-q', 'Yevlax');
    await page.press('#home-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=Yevlax$/);
    expect(await page.isVisible('#search-nojs')).toBe(true);
    await page.close();
  });

  it.each([
    [320, 'light'],
    [320, 'dark'],
    [1280, 'light'],
    [1280, 'dark'],
  ] as const)('a screenshot at %i px, %s', async (width, scheme) => {
    const page = await open('search/', width, scheme);
    await type(page, '#q', '#search-status', 'Pashinian');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: join(SHOTS, `search-typed-${width}-${scheme}.png`), fullPage: width === 320 ? false : true });
    await page.close();
  });
});

describe('search results from hostile content', () => {
  let project: string;
  let hostile: StaticServer;

  beforeAll(async () => {
    project = await tempProject();
    await writeHostileContent(project);
    const out = join(project, 'out');
    expect(runCli('build.ts', ['--quiet', `--output=${out}`], project).status).toBe(0);
    hostile = await serveStatic(out);
  });
  afterAll(async () => {
    await hostile?.close();
    await rm(project, { recursive: true, force: true });
  });

  it('stay text: the marked-up title and quote are shown as written, and nothing runs', async () => {
    const page = await reader.watch();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${hostile.url}search/`);
    // "Officials" is in the hostile quote only; "quoted" in the hostile title.
    for (const word of ['Officials', 'quoted']) {
      await type(page, '#q', '#search-status', word);
      await page.waitForTimeout(300);
      const found = await page.evaluate(() => {
        const list = document.getElementById('search-results')!;
        return {
          pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
          elements: Array.from(document.querySelectorAll('[id^="pwned-"], #search-results script, #search-results img')).map((e) => e.outerHTML),
          tags: Array.from(new Set(Array.from(list.querySelectorAll('*')).map((e) => e.tagName))).sort(),
          text: list.textContent ?? '',
        };
      });
      expect({ dialogs, pwned: found.pwned, elements: found.elements }).toEqual({ dialogs: [], pwned: null, elements: [] });
      expect(found.tags.filter((t) => !['LI', 'H2', 'A', 'P', 'SPAN', 'MARK'].includes(t))).toEqual([]);
      expect(found.text).toContain(word === 'quoted' ? `<script>window.__pwned='title';alert('title')</script>` : `said <script>window.__pwned='quote'`);
    }
    await page.close();
  });
});
