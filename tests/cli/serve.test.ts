import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchedPage } from '../helpers/browser.ts';
import { spawnPreview, type Preview } from '../helpers/editor.ts';
import { ROOT, tempProject } from '../helpers/project.ts';

/**
 * `npm start` on a copy of the project: the preview serves the site, an edit shows up on the page and tells open
 * pages to reload, a broken edit prints our diagnostics (no stack) while the last good page stays served, and a
 * fix brings the preview back. Waits are bounded by a generous timeout, never timed.
 */
let project: string;
let preview: Preview;
let child: ChildProcess;
let base: string;
let output: Preview['output'];
const events: string[] = [];
let stream: AbortController;

const EVENT = 'content/events/blockade.md';
let original: string;

const until = <T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> => preview.until(what, probe);
const page = async (path: string) => {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, html: await res.text() };
};
const title = async () => /<h1>([^<]*)<\/h1>/.exec((await page('events/blockade/')).html)?.[1];

beforeAll(async () => {
  project = await tempProject();
  // Templates of its own, so that a template edit can be tried without touching the real ones.
  await unlink(join(project, 'templates'));
  await cp(join(ROOT, 'templates'), join(project, 'templates'), { recursive: true });
  original = await readFile(join(project, EVENT), 'utf8');
  preview = spawnPreview(project);
  ({ child, output } = preview);
  base = await preview.address();
  // Listen as an open page does, for reload and problem notices.
  stream = new AbortController();
  const res = await fetch(`${base}__preview/events`, { signal: stream.signal });
  void (async () => {
    const decoder = new TextDecoder();
    const reader = res.body!.getReader();
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        for (const m of decoder.decode(r.value).matchAll(/^event: (\w+)$/gm)) events.push(m[1]!);
      }
    } catch {
      // aborted at the end
    }
  })();
});

afterAll(async () => {
  stream?.abort();
  await preview?.stop();
  await rm(project, { recursive: true, force: true });
});

describe('npm start', () => {
  it('serves the built site, with the live-reload client only in what it serves', async () => {
    const { status, html } = await page('events/blockade/');
    expect(status).toBe(200);
    expect(html).toContain('<h1>Azerbaijan blockades Nagorno-Karabakh for nine months</h1>');
    expect(html).toContain('<script src="/__preview/client.js" defer></script></body>');
    expect(await readFile(join(project, '_site/events/blockade/index.html'), 'utf8')).not.toContain('__preview');
    expect((await page('no/such/page/')).status).toBe(404);
  });

  it('shows an edit to an event, and tells open pages to reload', async () => {
    await writeFile(join(project, EVENT), original.replace('title: "Azerbaijan blockades Nagorno-Karabakh for nine months"', 'title: "Blockade, edited in place"'));
    await until('the edited title', async () => ((await title()) === 'Blockade, edited in place' ? true : undefined));
    await until('a reload notice', () => (events.includes('reload') ? true : undefined));
    await until('the end of the rebuild', () => (output.stdout.includes(`Rebuilt after a change to ${EVENT} in`) ? true : undefined));
  });

  it('puts an edited event’s page up first, byte for byte the page the full rebuild then writes', async () => {
    const mark = output.stdout.length;
    const body = 'Azerbaijan blockaded Nagorno-Karabakh for nine months before its offensive.';
    expect(original).toContain(body);
    await writeFile(join(project, EVENT), original.replace(body, `${body} A sentence *added* in the preview.`));
    const since = () => output.stdout.slice(mark);
    await until('the quick page', () => (/^Updated \/events\/blockade\/ in \S+ s; rebuilding the rest of the site…$/m.test(since()) ? true : undefined));
    const file = join(project, '_site/events/blockade/index.html');
    const quick = await readFile(file, 'utf8');
    expect(quick).toContain('A sentence <em>added</em> in the preview.');
    await until('the full rebuild', () => (since().includes(`Rebuilt after a change to ${EVENT} in`) ? true : undefined));
    expect(await readFile(file, 'utf8')).toBe(quick);
  });

  it('shows an edit saved the way many editors save: a new file renamed over the old one', async () => {
    const temp = join(project, 'content/events/.blockade.md.swp-save');
    await writeFile(temp, original.replace('title: "Azerbaijan blockades Nagorno-Karabakh for nine months"', 'title: "Blockade, saved by rename"'));
    await rename(temp, join(project, EVENT));
    await until('the renamed file’s title', async () => ((await title()) === 'Blockade, saved by rename' ? true : undefined));
  });

  it('shows an edit to a template (Eleventy forgets the compiled one)', async () => {
    const template = join(project, 'templates/_includes/pages/event.njk');
    const before = await readFile(template, 'utf8');
    expect(before).toContain('<h1>{{ e.title }}</h1>');
    await writeFile(template, before.replace('<h1>{{ e.title }}</h1>', '<h1 data-edited>{{ e.title }}</h1>'));
    const edited = output.stdout.length;
    await until('the edited template', async () => ((await page('events/blockade/')).html.includes('<h1 data-edited>') ? true : undefined));
    // Its page is served before the builder's report of that rebuild reaches this log: wait for both.
    await until('the edited template’s rebuild', () => (output.stdout.slice(edited).includes('Rebuilt after a change to templates/') ? true : undefined));
    const mark = output.stdout.length;
    await writeFile(template, before);
    // Until the restored template's rebuild has landed: an edit made while it still runs would be reported as the
    // template's change (the next test's broken event would break that rebuild).
    await until('the template restored', async () =>
      !(await page('events/blockade/')).html.includes('<h1 data-edited>') && output.stdout.slice(mark).includes('Rebuilt after a change to templates/') ? true : undefined,
    );
  });

  it('prints the diagnostics of a broken edit, without a stack, and keeps serving the last good page', async () => {
    const mark = output.stdout.length;
    await writeFile(join(project, EVENT), original.replace('title: "Azerbaijan blockades Nagorno-Karabakh for nine months"', 'title: "Never shown"').replace('date: "2022-12"', 'date: "2022-13"'));
    const report = await until('the error report', () => (output.stderr.includes('The preview still shows the last good build') ? output.stderr : undefined));
    expect(report).toContain(`The change to ${EVENT} broke the build:`);
    expect(report).toContain(`  ${EVENT}:3:7  date: \`2022-13\` has no month 13; months run from 01 to 12.  date/impossible`);
    expect(report).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(report).not.toContain('Internal error');
    // No quick page for an edit that does not validate.
    expect(output.stdout.slice(mark)).not.toContain('Updated /events/');
    await until('a problem notice', () => (events.includes('problem') ? true : undefined));
    expect(await title()).toBe('Blockade, saved by rename');
    expect(events.at(-1)).toBe('problem');
    expect((await readdir(project)).filter((n) => n.startsWith('._site'))).toEqual([]);
  });

  it('comes back when the mistake is fixed', async () => {
    await writeFile(join(project, EVENT), original.replace('title: "Azerbaijan blockades Nagorno-Karabakh for nine months"', 'title: "Blockade, fixed"'));
    await until('the fixed title', async () => ((await title()) === 'Blockade, fixed' ? true : undefined));
  });

  it('reloads an open page in Chromium by itself, and shows a broken edit’s problem over the last good page', async () => {
    const browser = await launchChromium();
    try {
      const { page, errors, outside } = await watchedPage(browser);
      await page.goto(`${base}events/blockade/`);
      expect(await page.textContent('h1')).toBe('Blockade, fixed');
      await writeFile(join(project, EVENT), original.replace('title: "Azerbaijan blockades Nagorno-Karabakh for nine months"', 'title: "Blockade, seen in the browser"'));
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Blockade, seen in the browser', undefined, { timeout: 30_000 });

      await writeFile(join(project, EVENT), original.replace(/^category: .*$/m, 'category: militari'));
      const banner = await page.waitForSelector('pre[role="alert"]', { timeout: 30_000 });
      expect(await banner.textContent()).toContain('Unknown category `militari`. Did you mean `military`?');
      expect(await page.textContent('h1')).toBe('Blockade, seen in the browser');
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
      await writeFile(join(project, EVENT), original);
    }
  });

  it('stops cleanly on SIGTERM and leaves no lock behind', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(project, '._site.lock'))).toBe(false);
  });
});
