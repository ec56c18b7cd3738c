import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/project.ts';

/**
 * Issue 18: bidi overrides and isolates are only warnings, so content holding them builds; they must still reach
 * no page, attribute or export, where they would reorder what a reader sees (a title, the meta description).
 */
let project: string;
const files = new Map<string, string>();

const EVENT = 'aliyev-televised-address';

beforeAll(async () => {
  project = await tempProject();
  const edit = async (path: string, from: string, to: string) => {
    const before = await readFile(join(project, path), 'utf8');
    expect(before).toContain(from);
    await writeFile(join(project, path), before.replace(from, to));
  };
  // YAML escapes, as an editor pasting from a word processor would end up with.
  await edit('content/site.yml', 'description: "The Azerbaijani offensive', 'description: "The \\u202Eevisneffo\\u202C Azerbaijani offensive');
  await edit('content/categories.yml', '  label: Military', '  label: "Mili\\u2066tary\\u2069"');
  await edit(`content/events/${EVENT}.md`, 'title: "Aliyev says', 'title: "\\u202EAliyev says');
  const out = join(project, 'out');
  const run = runCli('build.ts', ['--quiet', `--output=${out}`], project);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  for (const entry of await readdir(out, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(?:html|xml|json|csv|txt)$/.test(entry.name)) {
      const path = join(entry.parentPath, entry.name);
      files.set(relative(out, path), await readFile(path, 'utf8'));
    }
  }
});
afterAll(() => rm(project, { recursive: true, force: true }));

describe('bidi controls in content that builds', () => {
  it('reach no page, attribute, feed or export', () => {
    expect(files.size).toBeGreaterThan(20);
    const holding = [...files].filter(([, text]) => /[\u202a-\u202e\u2066-\u2069]/.test(text)).map(([path]) => path);
    expect(holding).toEqual([]);
  });

  it('leave the text around them in titles, labels and the meta description', () => {
    const event = files.get(`events/${EVENT}/index.html`)!;
    expect(event).toMatch(/<title>Aliyev says in a televised address/);
    expect(files.get('index.html')).toContain('<meta name="description" content="The evisneffo Azerbaijani offensive');
    expect(files.get('index.html')).toContain('Military');
  });
});
