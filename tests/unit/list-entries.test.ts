import Eleventy from '@11ty/eleventy';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { noPages } from '../../src/eleventy/paged-pages.ts';
import { listEntryCache } from '../../src/eleventy/list-entries.ts';
import newsTimeline from '../../src/eleventy/plugin.ts';

const dir = mkdtempSync(join(tmpdir(), 'list-entries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

describe('the eventItems filter', () => {
  it('renders an event that several pages list once per variant, through Eleventy', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id) => ({ id }));
    write('eleventy.config.js', 'export default function () {}\n');
    write('templates/_includes/layouts/base.njk', '{{ content | safe }}');
    write('templates/_includes/event-item.njk', '<li>{{ e.id }} {{ level }}</li>');
    // Three pages listing five entries, of which three (a and b at level 2, b again) were rendered before.
    write(
      'templates/lists.njk',
      '---\npagination:\n  data: lists\n  size: 1\n  alias: list\npermalink: "/{{ pagination.pageNumber }}/"\neleventyExcludeFromCollections: true\n---\n{{ list | eventItems(2, true) | safe }}',
    );
    const entries = listEntryCache();
    const eleventy = new Eleventy(join(dir, 'templates'), join(dir, '_site'), {
      quietMode: true,
      configPath: join(dir, 'eleventy.config.js'),
      config: (config: { addGlobalData(name: string, value: unknown): void; addPlugin(plugin: unknown, options: object): void }) => {
        config.addGlobalData('timeline', { events: [a, b, c], site: { url: 'https://example.org/' } });
        config.addGlobalData('lists', [[a, b], [a, b], [b]]);
        // The plugin's paged page types, with nothing to render.
        config.addGlobalData('paged', noPages());
        config.addPlugin(newsTimeline, { entries });
      },
    });
    await eleventy.write();
    expect(readFileSync(join(dir, '_site/1/index.html'), 'utf8')).toBe('<li>a 2</li>\n<li>b 2</li>\n');
    expect(readFileSync(join(dir, '_site/2/index.html'), 'utf8')).toBe('<li>b 2</li>\n');
    expect({ hits: entries.hits, misses: entries.misses }).toEqual({ hits: 3, misses: 2 });
  });
});

describe('listEntryCache', () => {
  it('keeps each build apart: a new events array renders its entries anew', () => {
    const entries = listEntryCache();
    const e = { id: 'a' };
    expect(entries.get([e], e, '2:true', () => 'old')).toBe('old');
    expect(entries.get([e], e, '2:true', () => 'new')).toBe('new');
    const events = [e];
    entries.get(events, e, '2:true', () => 'first');
    expect(entries.get(events, e, '2:true', () => 'again')).toBe('first');
    expect(entries.get(events, e, '3:true', () => 'level 3')).toBe('level 3');
    expect({ hits: entries.hits, misses: entries.misses }).toEqual({ hits: 1, misses: 4 });
  });
});
