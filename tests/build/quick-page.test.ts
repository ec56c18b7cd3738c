import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltModel } from '../../src/build/build.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { buildTimeline } from '../../src/views/site.ts';
import { loadAndValidate } from '../../src/pipeline.ts';
import { quickEventPage } from '../../src/serve/quick.ts';
import { tempProject } from '../helpers/project.ts';

/**
 * The preview's quick page must step aside (null, nothing written) whenever an edit could change more than the
 * edited event's page or is not valid: the full rebuild then reports it. These cases are decided before anything
 * is rendered, so they run in-process on the model; the page it does write, and that it is byte for byte the page
 * the full rebuild writes next, is checked through the running preview in tests/cli/serve.test.ts.
 */
const EVENT = 'content/events/blockade.md';
let project: string;
let out: string;
let model: BuiltModel;
let original: string;

beforeAll(async () => {
  project = await tempProject();
  out = join(project, '_site');
  const { content, raw } = await loadAndValidate(project);
  if (!content) throw new Error('the seed did not validate');
  model = { raw, timeline: buildTimeline(content, renderMarkdown) };
  original = await readFile(join(project, EVENT), 'utf8');
});

afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

const edit = (text: string) => writeFile(join(project, EVENT), text);

describe('quickEventPage', () => {
  it.each<[string, (text: string) => string]>([
    ['an invalid date', (t) => t.replace('date: "2022-12"', 'date: "2022-13"')],
    ['an unknown source', (t) => t.replace('- id: karabakh-forces-accept-ceasefire', '- id: no-such-source')],
    ['a quote not in its source', (t) => t.replace('which it had blockaded for nine months.', 'which it had blockaded for ten months.')],
    ['a new date, which may move the event', (t) => t.replace('date: "2022-12"', 'date: "2022-11"')],
    ['a sequence number, which may move the event', (t) => t.replace('category: background', 'category: background\nsequence: 2')],
    ['broken front matter', (t) => t.replace('---\n', '')],
  ])('steps aside for %s, and writes nothing', async (_, change) => {
    const changed = change(original);
    expect(changed).not.toBe(original);
    await edit(changed);
    expect(await quickEventPage(project, out, model, EVENT)).toBeNull();
    expect(existsSync(out)).toBe(false);
  });

  it('steps aside for a file that is not an existing event', async () => {
    await edit(original);
    await writeFile(join(project, 'content/events/brand-new.md'), original);
    expect(await quickEventPage(project, out, model, 'content/events/brand-new.md')).toBeNull();
    expect(await quickEventPage(project, out, model, 'content/actors.yml')).toBeNull();
    expect(await quickEventPage(project, out, model, 'content/events/no-such-event.md')).toBeNull();
    expect(existsSync(out)).toBe(false);
    await rm(join(project, 'content/events/brand-new.md'));
  });
});
