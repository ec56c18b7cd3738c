import { gzipSync } from 'node:zlib';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/project.ts';

/**
 * The reader's site, built once from the real September 2023 content: category, actor and place pages, the
 * disputed figures, the map, search and the home page's day-by-day layout. Expected values are worked out from
 * the content files by hand.
 */
let out: string;
let data: { events: { id: string; category: string; actors: string[]; places: string[]; era: string }[]; sources: { id: string }[] };

beforeAll(async () => {
  out = join(await mkdtemp(join(tmpdir(), 'nt-reader-')), '_site');
  const run = runCli('build.ts', [`--output=${out}`, '--quiet']);
  // Eleventy's own timing notes ("[11ty] Benchmark … Nunjucks Filter") appear when the machine is busy; anything else fails.
  expect(run.stderr.replace(/^\[11ty\] Benchmark .*\n/gm, '')).toBe('');
  expect(run.status).toBe(0);
  data = JSON.parse(await readFile(join(out, 'events.json'), 'utf8'));
});

const html = (path: string) => readFile(join(out, path), 'utf8');
const exists = (path: string) =>
  stat(join(out, path)).then(
    () => true,
    () => false,
  );
/** Ids of the events a page lists, in page order (each list item carries its event's id). */
const listed = (page: string) => [...page.matchAll(/<li class="event[^"]*" id="([^"]+)"/g)].map((m) => m[1]);
const section = (page: string, start: string, end: string) => page.slice(page.indexOf(start), page.indexOf(end, page.indexOf(start)));
const text = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/** What content/places.yml says each place lies within, all the way up, written out by hand. */
const WITHIN: Record<string, string[]> = {
  stepanakert: ['nagorno-karabakh'],
  'stepanakert-airport': ['stepanakert', 'nagorno-karabakh'],
  chanyatag: ['nagorno-karabakh'],
};

describe('category, actor and place pages', () => {
  it('show other names and spellings as such, never the descriptions kept for matching', async () => {
    const karabakh = await html('places/nagorno-karabakh/index.html');
    expect(karabakh).toContain('<p class="note">Nagorno-Karabakh, also called Artsakh or Karabakh.</p>');
    const head = (page: string) => section(page, '<h1', '<p class="updated">');
    expect(head(karabakh)).not.toContain('the enclave');
    const yevlakh = await html('places/yevlakh/index.html');
    expect(yevlakh).toContain('<p class="note">Yevlakh, also spelled Yevlax.</p>');
    expect(head(yevlakh)).not.toContain('Yevlkah');
    // Its description says "regional capital"; its names do not.
    expect(head(await html('places/stepanakert/index.html'))).toContain('<p class="note">Stepanakert, also called Khankendi or Xankəndi.</p>');
    expect(await html('places/index.html')).toContain('>Stepanakert</a>, also called Khankendi or Xankəndi <span class="count">');
    const talks = await html('events/yevlakh-talks/index.html');
    expect(section(talks, '<dt>Where</dt>', '</dd>')).not.toMatch(/\(|Yevlax/);
  });

  it('list exactly the events of their place, oldest first', async () => {
    expect(listed(await html('places/yevlakh/index.html'))).toEqual(['reintegration-talks-announced', 'yevlakh-talks']);
    expect(listed(await html('places/yerevan/index.html'))).toEqual(['yerevan-protests']);
    expect(listed(await html('places/stepanakert/index.html'))).toEqual(['stepanakert-under-fire', 'crowds-at-stepanakert-airport']);
  });

  it('list the events of the places within a place too, each run labelled with the place it is in (issue 17)', async () => {
    // places.yml: Stepanakert and Chanyatag lie within Nagorno-Karabakh, the airport within Stepanakert. The crowds
    // at the airport now list only the airport, which implies Stepanakert and Nagorno-Karabakh.
    const stepanakert = await html('places/stepanakert/index.html');
    expect(text(section(stepanakert, '<p class="within-note">', '</p>'))).toBe('In Stepanakert airport , within Stepanakert:');
    expect(data.events.find((e) => e.id === 'crowds-at-stepanakert-airport')!.places).toEqual(['stepanakert-airport']);
    const region = await html('places/nagorno-karabakh/index.html');
    const notes = [...region.matchAll(/<p class="within-note">(.*?)<\/p>\n<ol class="events facet-events">\n<li class="event[^"]*" id="([^"]+)"/g)].map((m) => `${text(m[1]!)} → ${m[2]}`);
    expect(notes).toEqual([
      'In Stepanakert , within Nagorno-Karabakh: → stepanakert-under-fire',
      'In Stepanakert airport , within Nagorno-Karabakh: → crowds-at-stepanakert-airport',
      'In Chanyatag , within Nagorno-Karabakh: → russian-peacekeepers-killed',
    ]);
    expect(region).toContain('<p class="updated">36 events, oldest first.');
  });

  it('list exactly the events of their category and actor', async () => {
    expect(listed(await html('categories/politics/index.html'))).toEqual([
      'aliyev-televised-address',
      'armenia-denies-troops-in-karabakh',
      'pashinyan-televised-address',
      'armenia-accuses-ethnic-cleansing',
      'azerbaijan-pledges-rights-under-constitution',
      'hovhannissyan-ideal-world',
      'yerevan-protests',
    ]);
    expect(listed(await html('actors/putin/index.html'))).toEqual(['putin-hopes-for-peaceful-resolution']);
  });

  it('exist for every category, actor and place an event uses, each listing what events.json says', async () => {
    const timelineOrder = data.events.map((e) => e.id);
    const expected = new Map<string, string[]>();
    const add = (path: string, id: string) => expected.set(path, [...(expected.get(path) ?? []), id]);
    for (const e of data.events) {
      add(`categories/${e.category}`, e.id);
      for (const a of new Set(e.actors)) add(`actors/${a}`, e.id);
      // A place lists the events of the places within it too (content/places.yml): each event once.
      for (const p of new Set(e.places.flatMap((id) => [id, ...(WITHIN[id] ?? [])]))) add(`places/${p}`, e.id);
    }
    expect(expected.size).toBeGreaterThan(30);
    for (const [path, ids] of expected) {
      const got = listed(await html(`${path}/index.html`));
      expect(got, path).toEqual(timelineOrder.filter((id) => ids.includes(id)));
    }
  });

  it('give each place a locator map with a title and description, and nothing fetched from elsewhere', async () => {
    const page = await html('places/stepanakert/index.html');
    const svg = section(page, '<svg class="map"', '</svg>');
    expect(svg).toMatch(/role="img" aria-labelledby="map-stepanakert-t map-stepanakert-d"/);
    expect(svg).toContain('<title id="map-stepanakert-t">Where Stepanakert is</title>');
    expect(svg).toMatch(/<desc id="map-stepanakert-d">Marked: Stepanakert\. .*Countries in view: [^<]*Azerbaijan/);
    expect(svg).toMatch(/<circle class="marker focus"/);
    expect(svg).toMatch(/<path class="land" d="M[\d.,LMZ-]+/);
    expect(svg).not.toMatch(/href|http/);
  });
});

describe('the home page', () => {
  it('heads each day of September 2023 with its weekday, and puts the background before it in a collapsible section', async () => {
    const home = await html('index.html');
    for (const day of ['Tuesday 19 September 2023', 'Wednesday 20 September 2023', 'Thursday 21 September 2023']) {
      expect(home).toContain(`>${day}</h3>`);
    }
    const background = section(home, '<section class="era era-background"', '<section class="era era-main"');
    expect(background).toContain('<h2 id="era-background">Background: 1991 to August 2023</h2>');
    expect(background).toMatch(/<details class="era-details" id="background">\s*<summary>5 background events/);
    expect(listed(background)).toEqual(data.events.filter((e) => e.era === 'background').map((e) => e.id));
    expect(listed(home)).toEqual(data.events.map((e) => e.id));
  });

  it('gives timed events local time and GMT with a neutral offset, and says once per day that no time was reported', async () => {
    const home = await html('index.html');
    const ceasefire = section(home, 'id="ceasefire-takes-effect"', '</li>');
    expect(ceasefire).toContain('<time datetime="2023-09-20T13:00+04:00">13:00 local time (UTC+4) · 09:00 GMT</time>');
    expect(home).not.toMatch(/\b(AZT|AMT|AZST)\b/);
    const launched = section(home, 'id="offensive-launched"', '</li>');
    // Every event of 19 September is known only to the day: its heading says so, once, and no event repeats it.
    const day19 = section(home, 'id="d-2023-09-19"', '</section>');
    expect(day19).toContain('<p class="day-note">No times were reported for these events.</p>');
    expect(listed(day19).length).toBeGreaterThan(3);
    expect(day19).not.toContain('time was reported');
    expect(launched).not.toContain('Tuesday 19 September 2023');
    // Events known only to the day come first; then the ceasefire at 13:00, then what the articles place in the
    // evening ("on Wednesday evening") and late evening ("late on Wednesday evening").
    const day20 = listed(section(home, 'id="d-2023-09-20"', '</section>'));
    expect(day20.length).toBeGreaterThan(10);
    expect(day20.slice(-3)).toEqual(['ceasefire-takes-effect', 'sep20-ceasefire-holding', 'sotk-border-incident']);
    // 20 September has one timed event: the heading's note speaks of the others, which say only what is theirs.
    expect(section(home, 'id="d-2023-09-20"', '<ol class="events">')).toContain('<p class="day-note">No time was reported for the events listed without one.</p>');
    expect(section(home, 'id="d-2023-09-20"', '</section>')).not.toContain('time was reported.</time>');
    expect(section(home, 'id="sotk-border-incident"', '</li>')).toContain('<time datetime="2023-09-20">In the late evening; the day is approximate.</time>');
  });

  it('marks the three headline events and labels every category in words', async () => {
    const home = await html('index.html');
    const headlines = [...home.matchAll(/<li class="event cat-\w+ headline" id="([^"]+)"/g)].map((m) => m[1]);
    expect(headlines).toEqual(['offensive-launched', 'ceasefire-takes-effect', 'yevlakh-talks']);
    for (const id of headlines) expect(section(home, `id="${id}"`, '</li>')).toContain('Key event');
    const labels = [...home.matchAll(/<span class="category cat-(\w+)">([^<]+)<\/span>/g)];
    expect(labels).toHaveLength(data.events.length);
    expect(new Set(labels.map((m) => `${m[1]}=${m[2]}`))).toEqual(
      new Set(['military=Military', 'diplomacy=Diplomacy', 'humanitarian=Humanitarian', 'politics=Politics', 'background=Background']),
    );
  });

  it('says when it was last updated from the latest article, not the clock', async () => {
    const home = await html('index.html');
    // The latest `published` among content/sources is 2023-09-21.
    expect(home).toContain('Last updated <time datetime="2023-09-21">Thursday 21 September 2023</time>');
  });

  it('offers filters that work only with the script, and real links to every category, actor and place page', async () => {
    const home = await html('index.html');
    expect(home).toMatch(/<form class="filters" id="filters" hidden>/);
    expect(home).toContain(`<script src="/assets/filters.js" defer></script>`);
    const links = section(home, '<dl class="browse-links">', '</dl>');
    for (const c of ['military', 'diplomacy', 'humanitarian', 'politics', 'background']) expect(links).toContain(`href="/categories/${c}/"`);
    expect(links).toContain('href="/actors/"');
    expect(links).toContain('href="/places/"');
    const actorsIndex = await html('actors/index.html');
    for (const a of new Set(data.events.flatMap((e) => e.actors))) expect(actorsIndex).toContain(`href="/actors/${a}/"`);
  });

  it('prints each event with its source references', async () => {
    const home = await html('index.html');
    expect(section(home, 'id="ceasefire-takes-effect"', '</li>')).toMatch(
      /<p class="print-only sources-ref">Sources: Azerbaijan halts Karabakh offensive after ceasefire deal with Armenian separatists \(20 Sep 2023\); /,
    );
    // An event quoting one article twice lists it once: yerevan-protests cites three articles in four passages.
    const protests = section(home, 'id="yerevan-protests"', '</li>');
    expect(protests.match(/<p class="print-only sources-ref">Sources: ([^<]*)<\/p>/)![1]!.split('; ')).toHaveLength(3);
    const css = await html('assets/site.css');
    expect(css).toMatch(/@media print \{[^]*\.print-only \{ display: block; \}/);
  });

  it('shows the region on a map, naming the places beyond it', async () => {
    const home = await html('index.html');
    const figure = section(home, '<figure class="locator home-map">', '</figure>');
    expect(figure).toMatch(/<desc id="map-home-d">Marked: [^<]*Stepanakert[^<]*Yevlakh/);
    expect(figure).toContain('Beyond this map: <a href="/places/moscow/">Moscow</a>, <a href="/places/washington/">Washington</a>.');
  });
});

describe('the disputed figures page', () => {
  it('groups every claim by measure, the disputed ones first, then those only one side gives, each part in the vocabulary order', async () => {
    const page = await html('figures/index.html');
    const headings = [...page.matchAll(/<h([23]) id="([\w-]+)">([^<]+)<\/h\1>/g)].map((m) => `h${m[1]} ${m[3]}`);
    // Killed and injured come from four claimants each; every other measure from one (Russia alone gives the
    // evacuation figures, Azerbaijan alone the positions taken). A background event's figures come after the
    // story's, under their event: the 2020 war's toll (issue 16).
    expect(headings).toEqual([
      'h2 Disputed: more than one claimant gives a figure',
      'h3 Killed',
      'h3 Injured',
      'h2 Only one side gives a figure',
      'h3 Civilians killed',
      'h3 Children killed',
      'h3 Evacuated',
      'h3 Children evacuated',
      'h3 Military positions taken',
      'h3 Killed: Second Karabakh war: Azerbaijan recaptures areas in and around the region',
    ]);
    expect(page).toContain('<title>Figures: who says what');
    expect(page).not.toMatch(/<h1>[^<]*Disputed/);
  });

  it('sets the death tolls side by side, by claimant and then by source', async () => {
    const killed = section(await html('figures/index.html'), 'id="m-killed"', '</table>');
    const claimants = [...killed.matchAll(/<th scope="rowgroup" rowspan="(\d)">(.*?)<\/th>/g)].map((m) => `${text(m[2]!)} ×${m[1]}`);
    expect(claimants).toEqual([
      'A human rights activist from the separatist camp ×1',
      'A representative of the Karabakh authorities ×1',
      'Armenia ×2',
      'No one named (the article&#39;s own statement) ×1',
      'Ruben Vardanyan ×1',
    ]);
    const figures = [...killed.matchAll(/<span class="figure-label">([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(figures).toEqual(['at least 200', 'at least 200', 'at least 32', '32', 'dozens', 'close to 100']);
    const armenia = section(killed, '>Armenia</a>', '</tbody>');
    expect(armenia.indexOf('href="/sources/azerbaijan-halts-operation/"')).toBeLessThan(
      armenia.indexOf('href="/sources/ceasefire-and-yerevan-protests/"'),
    );
  });
});

describe('reachability without JavaScript', () => {
  it('reaches every event and every source from the home page by following links alone', async () => {
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    const missing: string[] = [];
    while (queue.length) {
      const path = queue.shift()!;
      const file = path.endsWith('/') ? `${path}index.html` : path;
      const page = await html(file.slice(1));
      for (const [, href] of page.matchAll(/href="([^"#?]*)[^"]*"/g)) {
        if (!href || /^[a-z]+:/i.test(href) || !href.startsWith('/')) continue;
        const target = posix.normalize(href);
        if (seen.has(target)) continue;
        seen.add(target);
        const targetFile = target.endsWith('/') ? `${target}index.html` : target;
        if (!(await exists(targetFile.slice(1)))) missing.push(`${target} (linked from ${path})`);
        else if (targetFile.endsWith('.html')) queue.push(target);
      }
    }
    expect(missing).toEqual([]);
    for (const e of data.events) expect(seen.has(`/events/${e.id}/`), e.id).toBe(true);
    for (const s of data.sources) expect(seen.has(`/sources/${s.id}/`), s.id).toBe(true);
  });
});

describe('search and scripts', () => {
  it('indexes every event and source page for search, and nothing else', async () => {
    const entry = JSON.parse(await html('pagefind/pagefind-entry.json'));
    expect(entry.languages.en.page_count).toBe(data.events.length + data.sources.length);
    expect(await exists('pagefind/pagefind.js')).toBe(true);
  });

  it('ships under 4 KB of its own JavaScript gzipped, search aside, and none on event pages but the share control’s', async () => {
    const scripts = (await readdir(join(out, 'assets'))).filter((f) => f.endsWith('.js') && f !== 'search.js');
    expect(scripts).toContain('filters.js');
    // What a reader downloads is the compressed script: static hosts serve it gzipped.
    let bytes = 0;
    for (const f of scripts) bytes += gzipSync(await readFile(join(out, 'assets', f)), { level: 9 }).length;
    expect(bytes).toBeLessThan(4 * 1024);
    expect(scripts).toContain('share.js');
    // The share control is the one script an event page loads: an enhancement, hidden until it runs (issue 17).
    const event = await html('events/ceasefire-takes-effect/index.html');
    expect(event.match(/<script(?! type="application\/ld\+json")[^>]*>/g)).toEqual(['<script src="/assets/share.js" defer>']);
  });
});
