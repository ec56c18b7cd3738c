import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyCache, bodyKey, CACHE_DIR_ENV, defaultCacheDir } from '../../src/markdown/cache.ts';
import { MarkdownRenderer } from '../../src/markdown/parallel.ts';
import { RENDERER_ID, renderMarkdown } from '../../src/markdown/render.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nt-body-cache-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const bodies = Array.from({ length: 150 }, (_, i) => `Event ${i}: *emphasis* and a [link](https://example.org/${i}).`);

/** Renders `list` as the build does, with the cache in `folder`, and saves the cache. */
async function renderWith(folder: string | null, list: readonly string[]) {
  const cache = await BodyCache.open(folder);
  const markdown = new MarkdownRenderer(undefined, cache);
  try {
    markdown.start(list);
    const render = await markdown.finish();
    await cache.save();
    return { html: list.map(render), renders: markdown.renders, cached: markdown.cached };
  } finally {
    await markdown.close();
  }
}

describe('BodyCache with MarkdownRenderer', () => {
  it('renders every distinct body once when cold, none when warm, and only an edited one after an edit', async () => {
    const folder = join(dir, 'cycle');
    const cold = await renderWith(folder, [...bodies, bodies[0]!]);
    expect([cold.renders, cold.cached]).toEqual([150, 0]);
    expect(cold.html).toEqual([...bodies, bodies[0]!].map(renderMarkdown));

    const warm = await renderWith(folder, bodies);
    expect([warm.renders, warm.cached]).toEqual([0, 150]);
    expect(warm.html).toEqual(cold.html.slice(0, 150));

    const edited = bodies.map((b, i) => (i === 40 ? `${b} One more *sentence*.` : b));
    const after = await renderWith(folder, edited);
    expect([after.renders, after.cached]).toEqual([1, 149]);
    expect(after.html[40]).toBe(renderMarkdown(edited[40]!));
  });

  it('serves what the file holds under a key, so a hit is read from the cache and not rendered', async () => {
    const folder = join(dir, 'planted');
    await writeFile(join(await made(folder), 'bodies.json'), JSON.stringify({ renderer: RENDERER_ID, bodies: [[bodyKey('*x*'), '<p>planted</p>']] }));
    const { html, renders } = await renderWith(folder, ['*x*', '*y*']);
    expect(html).toEqual(['<p>planted</p>', '<p><em>y</em></p>']);
    expect(renders).toBe(1);
  });

  it.each<[string, string]>([
    ['written by another renderer', JSON.stringify({ renderer: 'remark@0.0.0', bodies: [[bodyKey('*x*'), '<p>stale</p>']] })],
    ['not JSON', '{"renderer": '],
    ['of another shape', JSON.stringify({ renderer: RENDERER_ID, bodies: 'none' })],
  ])('treats a cache file %s as empty', async (name, text) => {
    const folder = join(dir, name.replace(/\W+/g, '-'));
    await writeFile(join(await made(folder), 'bodies.json'), text);
    const { html, renders } = await renderWith(folder, ['*x*']);
    expect(html).toEqual(['<p><em>x</em></p>']);
    expect(renders).toBe(1);
  });

  it('keys on the renderer’s identity: the packages that make the HTML and our options', () => {
    expect(RENDERER_ID).toMatch(/^remark@\d+\.\d+\.\d+ remark-html@\d+\.\d+\.\d+ .*hast-util-sanitize@\d+\.\d+\.\d+ .* options=\{\}$/);
    expect(bodyKey('a')).not.toBe(bodyKey('b'));
    expect(bodyKey('a')).toBe(bodyKey('a'));
  });

  it('keeps the bodies a build used and older ones up to as many again, and writes nothing without a folder', async () => {
    const folder = join(dir, 'pruned');
    const many = Array.from({ length: 1500 }, (_, i) => `body ${i}`);
    await renderWith(folder, many);
    await renderWith(folder, ['only *one*']);
    const file = JSON.parse(await readFile(join(folder, 'bodies.json'), 'utf8')) as { bodies: [string, string][] };
    // 1 used + 1001 older (2 × 1 + 1000 in all), the used one first.
    expect(file.bodies).toHaveLength(1002);
    expect(file.bodies[0]).toEqual([bodyKey('only *one*'), '<p>only <em>one</em></p>']);
    expect((await readdir(folder)).filter((f) => f !== 'bodies.json')).toEqual([]);

    const none = await renderWith(null, ['*x*']);
    expect(none.renders).toBe(1);
  });

  it('lives in node_modules/.cache/news-timeline unless NEWS_TIMELINE_CACHE_DIR says otherwise', () => {
    expect(defaultCacheDir('/p', {})).toBe(join('/p', 'node_modules', '.cache', 'news-timeline'));
    expect(defaultCacheDir('/p', { [CACHE_DIR_ENV]: '/ci/cache' })).toBe('/ci/cache');
  });
});

async function made(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  return folder;
}
