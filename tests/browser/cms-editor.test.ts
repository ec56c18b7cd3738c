import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/load/front-matter.ts';
import { launchChromium, watchedPage, type WatchedPage } from '../helpers/browser.ts';
import { startEditor, until, type RunningEditor } from '../helpers/editor.ts';
import { ROOT, runCli, tempProject } from '../helpers/project.ts';

/**
 * The browser editor in real Chromium against a copy of the project (`npm run edit`): an event made through the
 * form alone (a category, actors, a date with its part of the day, a quote picked from an article) shows in the
 * preview pane with the check's verdict, is saved as a file that `npm run check` passes, and appears on the site;
 * an invalid one shows its diagnostic in the pane. Nothing may be fetched from beyond 127.0.0.1.
 */
const SHOTS = join(ROOT, 'test-results/screenshots');
const QUOTE = 'A day later, the two sides negotiated a ceasefire brokered by Russia.';

let project: string;
let editor: RunningEditor;
let browser: Browser;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  project = await tempProject();
  editor = await startEditor(project);
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  const errors = opened.flatMap((w) => w.errors);
  const outside = opened.flatMap((w) => w.outside);
  await browser?.close();
  await editor?.stop();
  await rm(project, { recursive: true, force: true });
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});

const log = () => `stdout:\n${editor.output.stdout}\nstderr:\n${editor.output.stderr}`;

/** The editor, signed in to the local backend, on a new event's form. */
async function newEvent(): Promise<Page> {
  const watched = await watchedPage(browser, { viewport: { width: 1400, height: 1000 } });
  opened.push(watched);
  const { page } = watched;
  await page.goto(`${editor.base}admin/`);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.locator('a[href="#/collections/events/new"]').click();
  await field(page, 'Title').waitFor();
  return page;
}

/** A field of the form by its label, which Decap follows with "(optional)" for optional fields. */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}( \\(optional\\))?$`));

/** Picks an option in one of Decap's select widgets by typing its label. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const input = field(page, label);
  await input.click();
  await input.pressSequentially(option);
  await page.keyboard.press('Enter');
}

async function fillEvent(page: Page, title: string, date: string): Promise<void> {
  await field(page, 'Title').fill(title);
  await field(page, 'Date').fill(date);
  await choose(page, 'Part of the day', 'late evening');
  await choose(page, 'Category', 'Diplomacy');
  await choose(page, 'Actors', 'Armenia (armenia)');
  await choose(page, 'Actors', 'Azerbaijan (azerbaijan)');
  await page.getByRole('button', { name: 'Add a source' }).click();
  await page.getByLabel('Article 1').selectOption('delegation-in-yevlax');
  await page.getByLabel('Search the article for the passage').fill('day later negotiated');
  await page.getByRole('button', { name: QUOTE }).click();
  await page.locator('[data-slate-editor="true"]').click();
  await page.keyboard.type('Representatives of the two sides met.');
}

const pane = (page: Page): FrameLocator => page.frameLocator('iframe').first();

async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Publish now', { exact: true }).click();
}

describe('the browser editor', () => {
  it('creates an event through the form that npm run check passes and the site shows', async () => {
    const page = await newEvent();
    await fillEvent(page, 'Delegations meet late in the evening', '2023-09-21');
    const preview = pane(page);
    await expect.poll(() => preview.locator('.nt-check [role=status]').textContent(), { timeout: 60_000 }).toMatch(/^npm run check: (no problems|0 errors)/);
    await expect.poll(() => preview.locator('main h1').textContent(), { timeout: 60_000 }).toBe('Delegations meet late in the evening');
    expect(await preview.locator('main blockquote p').first().textContent()).toBe(QUOTE);
    await page.screenshot({ path: join(SHOTS, 'editor-new-event.png') });

    await publish(page);
    const file = join(project, 'content/events/delegations-meet-late-in-the-evening.md');
    await until('the saved file', () => (existsSync(file) ? true : undefined), 60_000, log);
    // Decap writes what the form holds, nothing left empty (the preSave hook), in the schema's order.
    expect(await readFile(file, 'utf8')).toBe(
      [
        '---',
        'title: Delegations meet late in the evening',
        'date: 2023-09-21',
        'part_of_day: late evening',
        'category: diplomacy',
        'actors:',
        '  - armenia',
        '  - azerbaijan',
        'sources:',
        '  - id: delegation-in-yevlax',
        `    quote: ${QUOTE}`,
        '---',
        'Representatives of the two sides met.',
        '',
      ].join('\n'),
    );

    const check = runCli('check.ts', ['content/events/delegations-meet-late-in-the-evening.md'], project);
    expect(check.stdout).toContain('0 errors');
    expect(check.status).toBe(0);
    // runCli blocked this process: let fetch see the keep-alive sockets the server closed meanwhile.
    await new Promise((r) => setTimeout(r, 50));

    await until('the event on the site', async () => ((await fetch(`${editor.base}events/delegations-meet-late-in-the-evening/`)).status === 200 ? true : undefined), 60_000, log);
    const home = await (await fetch(editor.base)).text();
    expect(home).toContain('Delegations meet late in the evening');
  });

  it('shows the check’s diagnostic for an invalid event in the pane, before and after saving', async () => {
    const page = await newEvent();
    await fillEvent(page, 'Talks on a day that never was', '2023-09-31');
    const preview = pane(page);
    // Once the pane has caught up with the whole form, the impossible day is its one error.
    const errors = () => preview.locator('.nt-check li.nt-error code').allTextContents();
    await expect.poll(errors, { timeout: 60_000 }).toEqual(['date/impossible']);
    const diagnostic = preview.locator('.nt-check li', { hasText: 'date/impossible' });
    expect(await diagnostic.textContent()).toContain('3:7  date: `2023-09-31` is not a day on the calendar.');
    await page.screenshot({ path: join(SHOTS, 'editor-invalid-event.png') });

    await publish(page);
    const file = join(project, 'content/events/talks-on-a-day-that-never-was.md');
    await until('the saved file', () => (existsSync(file) ? true : undefined), 60_000, log);
    await expect.poll(errors, { timeout: 60_000 }).toEqual(['date/impossible']);
    expect(await page.getByText('Unsaved Changes').count()).toBe(0);
    const check = runCli('check.ts', ['--format=json', 'content/events/talks-on-a-day-that-never-was.md'], project);
    expect(check.status).toBe(1);
    const saved = (JSON.parse(check.stdout) as { diagnostics: { ruleId: string; severity: string; line: number; column: number }[] }).diagnostics;
    expect(saved.filter((d) => d.severity === 'error').map((d) => [d.ruleId, d.line, d.column])).toEqual([['date/impossible', 3, 7]]);
  });

  it('opens a draft from npm run extract, and makes it an event once the check passes', async () => {
    expect(runCli('extract.ts', ['content/sources/delegation-in-yevlax.md', '--out'], project).status).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    const name = 'in-the-capital-yerevan-thousands-of-people-took-to';
    const watched = await watchedPage(browser, { viewport: { width: 1400, height: 1000 } });
    opened.push(watched);
    const { page } = watched;
    await page.goto(`${editor.base}admin/`);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('link', { name: 'Drafts from delegation-in-yevlax' }).click();
    await page.locator(`a[href="#/collections/drafts-delegation-in-yevlax/entries/${name}"]`).click();
    const preview = pane(page);
    const errors = () => preview.locator('.nt-check li.nt-error code').allTextContents();
    // The draft leaves the category to the editor.
    await expect.poll(errors, { timeout: 60_000 }).toEqual(['schema/required']);
    expect(await preview.getByRole('button', { name: /Make it an event/ }).count()).toBe(0);

    await field(page, 'Title').fill('Thousands protest in Yerevan against Pashinyan');
    await choose(page, 'Category', 'Politics');
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type('Thousands of people took to the streets of Yerevan to demand the resignation of Prime Minister Nikol Pashinyan.');
    await expect.poll(errors, { timeout: 60_000 }).toEqual([]);
    await preview.getByRole('button', { name: /Make it an event/ }).click();

    const event = join(project, `content/events/${name}.md`);
    // The event is written first, then the draft removed.
    const draft = join(project, `drafts/delegation-in-yevlax/${name}.md`);
    await until('the event file, and the draft gone', () => (existsSync(event) && !existsSync(draft) ? true : undefined), 60_000, log);
    const text = await readFile(event, 'utf8');
    expect(text).toContain('title: Thousands protest in Yerevan against Pashinyan');
    expect(text).toContain('category: politics');
    await expect.poll(() => page.url(), { timeout: 60_000 }).toContain(`#/collections/events/entries/${name}`);
    const check = runCli('check.ts', [`content/events/${name}.md`], project);
    expect(check.stdout).toContain('0 errors');
    expect(check.status).toBe(0);
  });

  it('keeps every field of an existing event, claims and all, when an editor changes one', async () => {
    const path = 'content/events/offensive-casualties.md';
    const before = splitFrontMatter(path, await readFile(join(project, path), 'utf8'));
    if ('ruleId' in before) throw new Error(before.message);
    const watched = await watchedPage(browser, { viewport: { width: 1400, height: 1000 } });
    opened.push(watched);
    const { page } = watched;
    await page.goto(`${editor.base}admin/`);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.locator('a[href="#/collections/events/entries/offensive-casualties"]').click();
    await field(page, 'Title').fill('Casualty figures for the offensive differ');
    await expect.poll(() => pane(page).locator('main h1').textContent(), { timeout: 60_000 }).toBe('Casualty figures for the offensive differ');
    await publish(page);
    await until('the saved title', async () => ((await readFile(join(project, path), 'utf8')).includes('title: Casualty figures for the offensive differ\n') ? true : undefined), 60_000, log);
    const after = splitFrontMatter(path, await readFile(join(project, path), 'utf8'));
    if ('ruleId' in after) throw new Error(after.message);
    expect(after.yaml.value).toEqual({ ...(before.yaml.value as object), title: 'Casualty figures for the offensive differ' });
    expect(after.body.trim()).toBe(before.body.trim());
    const check = runCli('check.ts', [path], project);
    expect(check.stdout).toMatch(/^No problems found\.\n/);
    expect(check.status).toBe(0);
  });

  it('adds a figure whose quote is picked from the article, and shows it in the pane’s figures table', async () => {
    const page = await newEvent();
    await fillEvent(page, 'An activist gives a death toll', '2023-09-20');
    await page.getByRole('button', { name: /Add figures/ }).click();
    await choose(page, 'What it counts', 'Killed');
    await field(page, 'Value').fill('200');
    await choose(page, 'Qualifier', 'at least');
    await choose(page, 'Claimant', 'A human rights activist');
    await choose(page, 'Source', 'Armenian delegation comes to Yevlax');
    await field(page, 'Quote').fill('at least 200 people have been killed');
    const sentence = 'According to a human rights activist from the separatist camp, at least 200 people have been killed by the Azerbaijani offensive.';
    await page.getByRole('button', { name: sentence }).click();
    const preview = pane(page);
    await expect.poll(() => preview.locator('.nt-check li.nt-error').count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => preview.locator('main table tbody tr').first().textContent(), { timeout: 60_000 }).toContain('at least 200');
  });
});
