import { parseFeed } from '@rowanmanning/feed-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, snapshot } from '../helpers/project.ts';

/**
 * Builds the real content twice, under a site address with a path prefix, and checks what feed readers, data
 * users, search engines and other sites get: the feeds, /events.csv, /timeline.json, JSON-LD and sharing tags on
 * every page, the sitemap, robots.txt, the 404 page and the embeds; then that both builds are byte-identical.
 */
const BASE = 'https://news.example/karabakh';
const PREFIX = '/karabakh';

interface JsonEvent {
  id: string;
  title: string;
  date: string;
  precision: string;
  utc: string | null;
  end: { date: string } | null;
  category: string;
  actors: string[];
  places: string[];
  sources: { id: string }[];
  claims: { source: string }[];
  url: string;
}
interface JsonData {
  events: JsonEvent[];
  sources: { id: string; title: string }[];
  categories: { id: string; label: string }[];
}

let first: string;
let second: string;
let elsewhere: string;
let data: JsonData;
let htmlFiles: string[];

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

/** `events/x/index.html` → `/events/x/`; `404.html` → `/404.html`. */
const pathOf = (file: string) => `/${relative(first, file).replace(/(^|\/)index\.html$/, '$1')}`;
const read = (path: string) => readFile(join(first, path), 'utf8');
const build = async (name: string, env: NodeJS.ProcessEnv = {}) => {
  const out = join(await mkdtemp(join(tmpdir(), `nt-exports-${name}-`)), '_site');
  const run = runCli('build.ts', [`--output=${out}`, `--site-url=${BASE}`, '--quiet'], undefined, env);
  // Eleventy's timing notes (`[11ty] Benchmark …`, printed when a slow machine is busy) are not errors.
  expect(run.stderr.replace(/^\[11ty\] Benchmark .*\n?/gm, '')).toBe('');
  expect(run.status).toBe(0);
  return out;
};
const citedSources = (e: JsonEvent) => [...new Set([...e.sources.map((s) => s.id), ...e.claims.map((c) => c.source)])];

beforeAll(async () => {
  first = await build('a');
  second = await build('b');
  elsewhere = await build('la', { TZ: 'America/Los_Angeles' });
  data = JSON.parse(await read('events.json'));
  htmlFiles = (await walk(first)).filter((f) => f.endsWith('.html'));
});

describe('/feed.xml (Atom)', () => {
  let feed: ReturnType<typeof parseFeed>;
  beforeAll(async () => {
    feed = parseFeed(await read('feed.xml'));
  });

  it('parses as Atom with one entry per event', () => {
    expect(feed.meta.type).toBe('atom');
    expect(feed.items).toHaveLength(data.events.length);
    expect(data.events.length).toBeGreaterThanOrEqual(30);
  });

  it("points at itself and the site from the configured address", () => {
    expect(feed.self).toBe(`${BASE}/feed.xml`);
    expect(feed.url).toBe(`${BASE}/`);
    expect(feed.title).toBe('Nagorno-Karabakh, September 2023');
  });

  it("identifies each entry by its event page's absolute address, newest event first", () => {
    expect(feed.items.map((i) => i.id)).toEqual(data.events.map((e) => `${BASE}/events/${e.id}/`).reverse());
    for (const item of feed.items) expect(item.url).toBe(item.id);
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(data.events.length);
  });

  it('dates entries from the content: the ceasefire was first reported at its own instant, last on 21 September', () => {
    const ceasefire = feed.items.find((i) => i.id === `${BASE}/events/ceasefire-takes-effect/`)!;
    // 13:00 at +04:00; its latest article is dated 21 September, 00:00 at +04:00 = 20:00Z the day before.
    expect(ceasefire.published?.toISOString()).toBe('2023-09-20T09:00:00.000Z');
    expect(ceasefire.updated?.toISOString()).toBe('2023-09-20T20:00:00.000Z');
    expect(feed.updated?.toISOString()).toBe('2023-09-20T20:00:00.000Z');
  });

  it('carries each event with its category, and links only to absolute addresses', async () => {
    const ceasefire = feed.items.find((i) => i.id === `${BASE}/events/ceasefire-takes-effect/`)!;
    expect(ceasefire.title).toBe('Ceasefire takes effect in Nagorno-Karabakh');
    expect(ceasefire.categories.map((c) => c.term)).toEqual(['military']);
    expect(ceasefire.content).toContain('took effect at 13:00 local time (09:00 GMT)');
    for (const item of feed.items) {
      for (const [, href] of (item.content ?? '').matchAll(/href="([^"]*)"/g)) expect(href!.startsWith(`${BASE}/`), href).toBe(true);
    }
  });
});

describe('/feed.json (JSON Feed 1.1)', () => {
  // No JSON Feed parser is installed: these are the spec's requirements, checked one by one.
  let feed: {
    version: string;
    title: string;
    home_page_url: string;
    feed_url: string;
    items: { id: string; url: string; title: string; content_html?: string; content_text?: string; date_published: string; date_modified: string }[];
  };
  beforeAll(async () => {
    feed = JSON.parse(await read('feed.json'));
  });

  it('has the top-level fields JSON Feed 1.1 requires', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Nagorno-Karabakh, September 2023');
    expect(feed.home_page_url).toBe(`${BASE}/`);
    expect(feed.feed_url).toBe(`${BASE}/feed.json`);
  });

  it('has one item per event, with the same ids as the Atom feed and content in every item', async () => {
    const atom = parseFeed(await read('feed.xml'));
    expect(feed.items.map((i) => i.id)).toEqual(atom.items.map((i) => i.id));
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(item.url).toBe(item.id);
      expect(typeof (item.content_html ?? item.content_text)).toBe('string');
      expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(item.date_modified >= item.date_published).toBe(true);
    }
  });
});

describe('/events.csv', () => {
  let text: string;
  let rows: Record<string, string>[];
  beforeAll(async () => {
    const bytes = await readFile(join(first, 'events.csv'));
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    rows = parseCsv(text, { columns: true });
  });

  it('round-trips through a CSV parser to the events of events.json, in the same order', () => {
    expect(rows).toHaveLength(data.events.length);
    rows.forEach((row, i) => {
      const e = data.events[i]!;
      expect(row, e.id).toMatchObject({
        id: e.id,
        title: e.title,
        date: e.date,
        precision: e.precision,
        utc: e.utc ?? '',
        end: e.end?.date ?? '',
        category: e.category,
        actors: e.actors.join(';'),
        places: e.places.join(';'),
        sources: [...new Set(e.sources.map((s) => s.id))].join(';'),
        claims: String(e.claims.length),
        url: e.url,
      });
    });
  });

  it('ends every record with CRLF (RFC 4180)', () => {
    expect(text.split('\r\n')).toHaveLength(data.events.length + 2);
  });
});

describe('/timeline.json', () => {
  it('holds every event in timeline order with its id, and a title slide', async () => {
    const tjs = JSON.parse(await read('timeline.json'));
    expect(tjs.events.map((s: { unique_id: string }) => s.unique_id)).toEqual(data.events.map((e) => e.id));
    expect(tjs.title.text.headline).toBe('Nagorno-Karabakh, September 2023');
    expect(tjs.eras).toHaveLength(1);
  });
});

describe('JSON-LD', () => {
  it('parses on every event page and names the event, its date and its articles', async () => {
    const titles = new Map(data.sources.map((s) => [s.id, s.title]));
    for (const e of data.events) {
      const html = await read(`events/${e.id}/index.html`);
      const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
      expect(scripts, e.id).toHaveLength(1);
      const body = scripts[0]![1]!;
      expect(body).not.toContain('<');
      const ld = JSON.parse(body);
      expect(ld['@type']).toBe('WebPage');
      expect(ld.url).toBe(`${BASE}/events/${e.id}/`);
      expect(ld.about).toMatchObject({ '@type': 'Event', name: e.title, startDate: e.date });
      expect(ld.about.endDate).toBe(e.end?.date);
      const cited = ld.citation.map((c: { headline?: string; name?: string }) => c.headline ?? c.name);
      expect(cited, e.id).toEqual(citedSources(e).map((id) => titles.get(id)));
      for (const c of ld.citation) expect(c['@type']).toBe('NewsArticle');
      expect(ld.mentions?.length ?? 0).toBe(e.claims.length);
    }
  });

  it('appears on event pages only', async () => {
    for (const file of htmlFiles) {
      const isEvent = /^\/events\/[^/]+\/$/.test(pathOf(file));
      expect((await readFile(file, 'utf8')).includes('application/ld+json'), pathOf(file)).toBe(isEvent);
    }
  });
});

describe('sharing tags', () => {
  it('gives every page (but the embeds) a title, description, canonical address, Open Graph and Twitter tags', async () => {
    const pages = htmlFiles.filter((f) => !pathOf(f).startsWith('/embed/'));
    expect(pages.length).toBeGreaterThan(data.events.length);
    for (const file of pages) {
      const html = await readFile(file, 'utf8');
      const path = pathOf(file);
      const meta = (attr: string, name: string) => new RegExp(`<meta ${attr}="${name.replace('+', '\\+')}" content="([^"]+)">`).exec(html)?.[1];
      expect(/<title>[^<]+<\/title>/.test(html), path).toBe(true);
      expect(meta('name', 'description'), path).toBeTruthy();
      expect(html, path).toContain(`<link rel="canonical" href="${BASE}${path}">`);
      expect(meta('property', 'og:url'), path).toBe(`${BASE}${path}`);
      for (const tag of ['og:title', 'og:description', 'og:type', 'og:site_name']) expect(meta('property', tag), `${path} ${tag}`).toBeTruthy();
      for (const tag of ['twitter:card', 'twitter:title', 'twitter:description']) expect(meta('name', tag), `${path} ${tag}`).toBeTruthy();
    }
  });

  it("describes an event page by its own title and summary, as an article", async () => {
    const html = await read('events/ceasefire-takes-effect/index.html');
    expect(html).toMatch(/<title>Ceasefire takes effect in Nagorno-Karabakh · [^<]+<\/title>/);
    expect(html).toContain('<meta name="twitter:title" content="Ceasefire takes effect in Nagorno-Karabakh">');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="og:title" content="Ceasefire takes effect in Nagorno-Karabakh">');
    expect(html).toMatch(/<meta name="description" content="20 Sep 2023: A ceasefire between Azerbaijan and the ethnic Armenian forces/);
  });

  it('announces both feeds under the path prefix', async () => {
    const html = await read('index.html');
    expect(html).toContain(`<link rel="alternate" type="application/atom+xml" href="${PREFIX}/feed.xml"`);
    expect(html).toContain(`<link rel="alternate" type="application/feed+json" href="${PREFIX}/feed.json"`);
  });
});

describe('/sitemap.xml and /robots.txt', () => {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

  it('lists every indexable HTML page of the build, and nothing else', async () => {
    const parts = locs(await read('sitemap.xml'));
    expect(parts).toEqual([`${BASE}/sitemap-1.xml`]);
    const listed: string[] = [];
    for (const part of parts) listed.push(...locs(await read(part.slice(BASE.length + 1))));
    const indexable: string[] = [];
    for (const file of htmlFiles) {
      if (!(await readFile(file, 'utf8')).includes('<meta name="robots" content="noindex">')) indexable.push(`${BASE}${pathOf(file)}`);
    }
    expect([...listed].sort()).toEqual(indexable.sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toContain(`${BASE}/events/ceasefire-takes-effect/`);
    expect(listed).toContain(`${BASE}/sources/`);
  });

  it('points robots.txt at the sitemap', async () => {
    expect(await read('robots.txt')).toContain(`\nSitemap: ${BASE}/sitemap.xml\n`);
  });
});

describe('/404.html', () => {
  it('exists and keeps itself out of search engines', async () => {
    const html = await read('404.html');
    expect(html).toContain('<h1>Page not found</h1>');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });
});

describe('/embed/', () => {
  const eventLinks = (html: string) => [...html.matchAll(/<a href="([^"]+)"([^>]*)>/g)].filter((m) => m[1]!.includes('/events/'));

  it('lists every event once, each link opening the full event in a new tab', async () => {
    const html = await read('embed/index.html');
    const links = eventLinks(html);
    expect(links.map((m) => m[1])).toEqual(data.events.map((e) => `${PREFIX}/events/${e.id}/`));
    for (const [, , attrs] of links) expect(attrs).toBe(' target="_blank" rel="noopener"');
  });

  it('has one page per category with just its events', async () => {
    for (const c of data.categories) {
      const html = await read(`embed/${c.id}/index.html`);
      const expected = data.events.filter((e) => e.category === c.id).map((e) => `${PREFIX}/events/${e.id}/`);
      expect(eventLinks(html).map((m) => m[1]), c.id).toEqual(expected);
      expect(html).toContain(`: ${c.label}</h1>`);
    }
  });

  it('is self-contained, without script or site chrome, and not indexed', async () => {
    for (const file of htmlFiles.filter((f) => pathOf(f).startsWith('/embed/'))) {
      const html = await readFile(file, 'utf8');
      expect(html).toContain('<style>');
      expect(html).not.toMatch(/<script|<link rel="stylesheet"|class="site-header"|<iframe/);
      expect(html).toContain('<meta name="robots" content="noindex">');
    }
  });
});

describe('determinism', () => {
  it('builds the same content twice into byte-identical folders', async () => {
    const [a, b] = await Promise.all([snapshot(first), snapshot(second)]);
    expect(Object.keys(a).length).toBeGreaterThan(data.events.length);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const [file, hash] of Object.entries(a)) expect(b[file], file).toBe(hash);
  });

  it("builds the same bytes on a machine in another time zone", async () => {
    expect(await snapshot(elsewhere)).toEqual(await snapshot(first));
  });
});
