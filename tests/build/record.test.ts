import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/project.ts';
import { ONLY_21 } from '../helpers/seed.ts';

/**
 * The newsroom record, built once from a copy of the real content to which one dated log is added (the articles
 * support no correction of ours, so the bundled content has none): the two clocks (first-report lines, the "what
 * was known when" pages), the figures charts, JSON-LD claims and corrections, and the feeds' updated dates.
 *
 * Worked out by hand from content/: three articles are dated 20 September 2023 (azerbaijan-halts-karabakh-
 * offensive, azerbaijan-halts-operation, karabakh-forces-accept-ceasefire) and two 21 September
 * (ceasefire-and-yerevan-protests, delegation-in-yevlax). Seven events cite only the two later ones.
 */
const BASE = 'https://news.example/karabakh';
const LOG = [
  'updates:',
  '  - date: "2023-09-21"',
  '    type: update',
  '    text: "Added the figures of the human rights activist, from the article of 21 September."',
  '  - date: "2023-09-22"',
  '    type: correction',
  '    text: "An earlier version gave Armenia’s first figure as 23 killed; the article says 32."',
];

let out: string;
beforeAll(async () => {
  const root = await tempProject();
  const file = join(root, 'content/events/offensive-casualties.md');
  const lines = (await readFile(file, 'utf8')).split('\n');
  const closing = lines.indexOf('---', 1);
  lines.splice(closing, 0, ...LOG);
  await writeFile(file, lines.join('\n'));
  out = join(root, '_site');
  const run = runCli('build.ts', [`--output=${out}`, `--site-url=${BASE}`, '--quiet'], root);
  expect(run.stderr.replace(/^\[11ty\] Benchmark .*\n?/gm, '')).toBe('');
  expect(run.status).toBe(0);
});

const html = (path: string) => readFile(join(out, path), 'utf8');
const listed = (page: string) => [...page.matchAll(/<li class="event[^"]*" id="([^"]+)"/g)].map((m) => m[1]!);
const section = (page: string, start: string, end: string) => page.slice(page.indexOf(start), page.indexOf(end, page.indexOf(start)));
const text = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('what was known when: the pages', () => {
  it('lists the two reporting moments, the publication dates of the five articles', async () => {
    const index = await html('as-of/index.html');
    const items = [...section(index, '<ol class="moments">', '</ol>').matchAll(/<li>(.*?)<\/li>/g)].map((m) => text(m[1]!));
    expect(items).toEqual([
      // By the 20th: Armenia's two figures in the article of that day, Vardanyan's two, Baku's positions and the
      // 'dozens' killed that an article of the 20th reports without a source. The activist's four (dated 'on
      // Wednesday') and the evacuation's two ('on Wednesday evening') come from articles of the 21st, so readers had
      // them only then. By the 21st all 17, the 2020 war's toll among them.
      'By the end of 20 September 2023 : 33 of 40 events, 33 of them first reported then; 6 figures.',
      'By the end of 21 September 2023 : 40 of 40 events, 7 of them first reported then; 17 figures.',
    ]);
    expect(index).toContain('<a href="/karabakh/as-of/2023-09-20/">');
  });

  it('shows on 20 September every event but the seven that only the articles of 21 September report, in timeline order', async () => {
    const home = listed(await html('index.html'));
    const on20 = listed(await html('as-of/2023-09-20/index.html'));
    expect(on20).toEqual(home.filter((id) => !ONLY_21.includes(id)));
    expect(on20).toHaveLength(33);
    // The Yevlakh talks were announced on 20 September for the Thursday: known, and marked as still to come.
    const talks = section(await html('as-of/2023-09-20/index.html'), 'id="yevlakh-talks"', '</li>');
    expect(text(talks)).toContain('Announced in advance: still to come at this moment');
    expect(text(talks)).toContain('First reported 20 September 2023 in');
  });

  it('shows everything on 21 September, marking the seven events new then', async () => {
    const page = await html('as-of/2023-09-21/index.html');
    expect(listed(page)).toEqual(listed(await html('index.html')));
    expect(listed(page).filter((id) => section(page, `id="${id}"`, '</li>').includes('New at this moment')).sort()).toEqual([...ONLY_21].sort());
    expect(page).not.toContain('Announced in advance');
    expect(page).toContain('<a href="/karabakh/as-of/2023-09-20/">Earlier: by the end of 20 September 2023</a>');
  });

  it('gives the figures as they stood: on 20 September, only those given or published by then', async () => {
    const labels = (page: string, measure: string) =>
      [...section(page, `id="m-${measure}"`, '</table>').matchAll(/<span class="figure-label">([^<]+)<\/span>/g)].map((m) => m[1]);
    const on20 = await html('as-of/2023-09-20/index.html');
    // The activist's figures are dated 'on Wednesday' (20 September) in an article of the 21st: readers could not
    // know them before it appeared. Armenia's plain 32 and the representative's figures come from that article too.
    expect(labels(on20, 'killed')).toEqual(['at least 32', 'dozens', 'close to 100']);
    expect(labels(on20, 'injured')).toEqual(['more than 200', 'hundreds']);
    // The evacuation figure was given 'on Wednesday evening', in an article of the 21st.
    expect(on20).not.toContain('id="m-evacuated"');
    expect(labels(on20, 'positions-taken')).toEqual(['more than 60']);
    const on21 = await html('as-of/2023-09-21/index.html');
    expect(labels(on21, 'killed')).toEqual(['at least 200', 'at least 200', 'at least 32', '32', 'dozens', 'close to 100']);
    expect(labels(on21, 'killed-war-2020')).toEqual(['more than 6,500']);
    expect(labels(on21, 'injured')).toEqual(['more than 400', 'at least 400', 'more than 200', '200', 'hundreds']);
  });

  it('prints on 20 September nothing from the articles of 21 September: no quote, no figure, no link', async () => {
    const on20 = await html('as-of/2023-09-20/index.html');
    for (const later of ['ceasefire-and-yerevan-protests', 'delegation-in-yevlax']) expect(on20).not.toContain(`/sources/${later}/`);
    // Passages only the later articles give.
    expect(on20).not.toContain('threw stones and bottles');
    expect(on20).not.toContain('thousands of people took to the streets');
    expect(on20).not.toContain('human rights activist');
    // The protests are there only through the article of 20 September, marked as told since in full.
    expect(on20).not.toContain('Protesters in Yerevan');
    const protests = text(section(on20, 'id="yerevan-protests"', '</li>'));
    expect(protests).toContain('“Armenian Prime Minister Nikol Pashinyan was already facing calls on Wednesday from some opponents to resign.”');
    expect(protests).toContain('the event’s title and account are from later reports');
  });

  it('needs no script: real pages with links to every event', async () => {
    const page = await html('as-of/2023-09-20/index.html');
    // The share control's script is the only one, and only shows the control (issue 17).
    expect(page.match(/<script[^>]*>/g)).toEqual(['<script src="/karabakh/assets/share.js" defer>']);
    expect(page).toContain('<a href="/karabakh/events/offensive-launched/">');
  });
});

describe('the home page and event pages', () => {
  it('links the moments from the home page and gives every event its first-report instant for the script', async () => {
    const home = await html('index.html');
    expect(home).toContain('<a href="/karabakh/as-of/2023-09-21/">by the end of 21 September 2023</a> or <a href="/karabakh/as-of/2023-09-20/">by the end of 20 September 2023</a>');
    expect(home).toMatch(/<form class="as-of-pick" id="as-of-pick" hidden>/);
    expect(home).toContain('<option value="2023-09-20" data-instant="2023-09-20T20:00:00Z">the end of 20 September 2023</option>');
    // Reported on 21 September, known from its end: 24:00 at +04:00.
    expect(home).toMatch(/id="sotk-border-incident"[^>]* data-reported="2023-09-21T20:00:00Z"/);
    expect(home).toMatch(/id="offensive-launched"[^>]* data-reported="2023-09-20T20:00:00Z"/);
  });

  it('say when and where each event was first reported, listing every article of that day', async () => {
    const sotk = await html('events/sotk-border-incident/index.html');
    expect(text(section(sotk, '<p class="note first-report">', '</p>'))).toBe(
      'First reported 21 September 2023 in Ceasefire in Nagorno-Karabakh, talks set for Yevlakh and protests in Yerevan · What was known by then',
    );
    expect(section(sotk, '<p class="note first-report">', '</p>')).toContain('<a href="/karabakh/as-of/2023-09-21/"');
    // Cited by three articles of the 20th and one of the 21st (content/events/offensive-launched.md).
    const launched = await html('events/offensive-launched/index.html');
    const line = section(launched, '<p class="note first-report">', '</p>');
    expect(line).toContain('<time datetime="2023-09-20">20 September 2023</time>');
    expect([...line.matchAll(/href="\/karabakh\/sources\/([^/]+)\/"/g)].map((m) => m[1]).sort()).toEqual([
      'azerbaijan-halts-karabakh-offensive',
      'azerbaijan-halts-operation',
      'karabakh-forces-accept-ceasefire',
    ]);
  });

  it('show the log of corrections and updates, oldest first, only where there is one', async () => {
    const page = await html('events/offensive-casualties/index.html');
    const log = section(page, '<section class="updates"', '</section>');
    expect([...log.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => text(m[1]!))).toEqual([
      'Updated 21 September 2023 : Added the figures of the human rights activist, from the article of 21 September.',
      'Corrected 22 September 2023 : An earlier version gave Armenia’s first figure as 23 killed; the article says 32.',
    ]);
    expect(log).toContain('<time datetime="2023-09-22">22 September 2023</time>');
    expect(await html('events/sotk-border-incident/index.html')).not.toContain('class="updates"');
  });
});

describe('the disputed-figures page', () => {
  it('draws a chart for every measure with a number, each before its table', async () => {
    const page = await html('figures/index.html');
    const measures = [...page.matchAll(/<section class="measure" aria-labelledby="m-([\w-]+)">/g)].map((m) => m[1]);
    expect(measures).toEqual(['killed', 'injured', 'civilians-killed', 'children-killed', 'evacuated', 'children-evacuated', 'positions-taken', 'killed-war-2020']);
    for (const m of measures) {
      const part = section(page, `aria-labelledby="m-${m}"`, '</section>');
      expect(part, m).toContain('<table class="figures">');
      // "Half of the ten civilians" is words only: no chart, the table alone.
      if (m === 'children-killed') expect(part).not.toContain('<svg');
      else expect(part.indexOf(`<svg class="chart"`), m).toBeLessThan(part.indexOf('<table'));
    }
  });

  it('charts the death tolls by claimant and date reported, with a title and a description', async () => {
    const chart = section(await html('figures/index.html'), 'aria-labelledby="chart-killed-t chart-killed-d"', '</svg>');
    expect(chart).toContain('<title id="chart-killed-t">Killed: figures by claimant and date reported</title>');
    // The 2020 war's toll is not among them: it has a group and a chart of its own (see below).
    expect(chart).toMatch(/<desc id="chart-killed-d">6 figures from 5 claimants, one row each in the order reported, on a linear scale from 0 to 250\./);
    // 'Dozens' has no number to plot: the chart says so, and gives it as words in its row.
    expect(chart).toContain('1 figure is given in words only and not plotted.');
    const rows = [...chart.matchAll(/<text class="(claimant|figure-text)"[^>]*>([^<]+)<\/text>/g)].map((m) => m[2]);
    expect(rows).toEqual([
      'A human rights activist from the separatist camp',
      '≥ 200 · 20 Sep 2023',
      'A representative of the Karabakh authorities',
      '≥ 200 · 21 Sep 2023',
      'Armenia',
      '≥ 32 · 20 Sep 2023',
      '32 · 21 Sep 2023',
      "No one named (the article&#39;s own statement)",
      '“dozens” (in words) · 20 Sep 2023',
      'Ruben Vardanyan',
      '≈ 100 · 20 Sep 2023',
    ]);
    expect(chart.match(/class="mark mark-lower-bound"/g)).toHaveLength(3);
    expect(chart.match(/class="mark mark-dot"/g)).toHaveLength(1);
    expect(chart.match(/class="mark mark-ring"/g)).toHaveLength(1);
  });

  it('gives the 2020 war\'s toll a group and a chart of its own, after the offensive\'s figures, not a rival count of them', async () => {
    const page = await html('figures/index.html');
    const war = section(page, 'id="m-killed-war-2020"', '</section>');
    expect(war).toContain('Killed: Second Karabakh war');
    expect(war).toMatch(/<desc id="chart-killed-war-2020-d">1 figure from 1 claimant, one row each in the order reported, on a linear scale from 0 to 8,000\./);
    expect([...war.matchAll(/<span class="figure-label">([^<]+)<\/span>/g)].map((m) => m[1])).toEqual(['more than 6,500']);
    expect(page.indexOf('id="m-killed-war-2020"')).toBeGreaterThan(page.indexOf('id="m-positions-taken"'));
  });
});

describe('JSON-LD and feeds', () => {
  const jsonLd = async (path: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(await html(path))![1]!);

  it('gives each figure as a Claim by a typed claimant, in its NewsArticle, dated when reported; and the correction', async () => {
    const ld = await jsonLd('events/offensive-casualties/index.html');
    const cited = new Set((ld.citation as { '@id': string }[]).map((c) => c['@id']));
    const claims = ld.mentions as { '@type': string; text: string; author?: { '@type'?: string; name: string }; appearance: { '@type': string; '@id': string }; datePublished: string }[];
    expect(claims).toHaveLength(13);
    for (const c of claims) {
      expect(c['@type']).toBe('Claim');
      expect(c.appearance['@type']).toBe('NewsArticle');
      expect(cited.has(c.appearance['@id'])).toBe(true);
    }
    // A figure an article gives without naming anyone has no author (content/actors.yml: `kind: unnamed`).
    expect(claims.map((c) => `${c.author ? `${c.author['@type']} ${c.author.name}` : 'No author'} | ${c.text} | ${c.datePublished}`)).toEqual([
      'Organization Armenia | Killed: 32 | 2023-09-21',
      'Organization Armenia | Injured: 200 | 2023-09-21',
      'Organization Armenia | Killed: at least 32 | 2023-09-20',
      'Organization Armenia | Injured: more than 200 | 2023-09-20',
      'Person A representative of the Karabakh authorities | Killed: at least 200 | 2023-09-21',
      'Person A representative of the Karabakh authorities | Injured: at least 400 | 2023-09-21',
      'Person A human rights activist from the separatist camp | Killed: at least 200 | 2023-09-20',
      'Person A human rights activist from the separatist camp | Civilians killed: 10 | 2023-09-20',
      'Person A human rights activist from the separatist camp | Children killed: half of the ten civilians killed | 2023-09-20',
      'Person A human rights activist from the separatist camp | Injured: more than 400 | 2023-09-20',
      'Person Ruben Vardanyan | Killed: close to 100 | 2023-09-20',
      'Person Ruben Vardanyan | Injured: hundreds | 2023-09-20',
      'No author | Killed: dozens | 2023-09-20',
    ]);
    expect(ld.dateModified).toBe('2023-09-22');
    expect(ld.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'An earlier version gave Armenia’s first figure as 23 killed; the article says 32.', datePublished: '2023-09-22' },
    ]);
    const other = await jsonLd('events/sotk-border-incident/index.html');
    expect(other).not.toHaveProperty('dateModified');
    expect(other).not.toHaveProperty('correction');
  });

  it('dates the corrected entry by its correction in both feeds, and the feed by its latest entry', async () => {
    const atom = await html('feed.xml');
    const entry = section(atom, `<id>${BASE}/events/offensive-casualties/</id>`, '</entry>');
    // 22 September, from 00:00 at +04:00; without the log it would be the last article's 21 September.
    expect(entry).toContain('<updated>2023-09-21T20:00:00Z</updated>');
    expect(entry).toContain('<published>2023-09-19T20:00:00Z</published>');
    expect(section(atom, '<feed', '<entry>')).toContain('<updated>2023-09-21T20:00:00Z</updated>');
    // An entry without a log keeps its last article's date: Turkey's statement of 19 September is cited by one
    // article of 20 September only.
    expect(section(atom, `<id>${BASE}/events/turkey-calls-operation-justified/</id>`, '</entry>')).toContain('<updated>2023-09-19T20:00:00Z</updated>');
    const feed = JSON.parse(await html('feed.json')) as { items: { id: string; date_modified: string; content_html: string }[] };
    const item = feed.items.find((i) => i.id === `${BASE}/events/offensive-casualties/`)!;
    expect(item.date_modified).toBe('2023-09-21T20:00:00Z');
    expect(item.content_html).toContain('<li>Corrected 22 September 2023: An earlier version gave Armenia’s first figure as 23 killed; the article says 32.</li>');
  });

  it('puts the log and first reports in events.json', async () => {
    const data = JSON.parse(await html('events.json')) as {
      events: { id: string; first_reported: { date: string; sources: string[] }; updates: { date: string; type: string }[]; claims: { reported: string | null; reported_at: string }[] }[];
    };
    const casualties = data.events.find((e) => e.id === 'offensive-casualties')!;
    expect(casualties.updates.map((u) => [u.date, u.type])).toEqual([
      ['2023-09-21', 'update'],
      ['2023-09-22', 'correction'],
    ]);
    expect(casualties.claims.map((c) => c.reported_at)).toEqual([
      // The activist's four figures share the one statement's time, 'on Wednesday'.
      '2023-09-21', '2023-09-21', '2023-09-20', '2023-09-20', '2023-09-21', '2023-09-21', '2023-09-20', '2023-09-20', '2023-09-20', '2023-09-20', '2023-09-20', '2023-09-20', '2023-09-20',
    ]);
    expect(data.events.find((e) => e.id === 'sotk-border-incident')!.first_reported).toEqual({ date: '2023-09-21', sources: ['ceasefire-and-yerevan-protests'] });
  });
});
