import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { curlyQuotes } from '../../src/lib/quotation-marks.ts';
import { ROOT, runCli } from '../helpers/project.ts';

/** Builds the real September 2023 content once and checks the pages and data a reader and a data user get. */
let out: string;
let data: {
  url: string;
  events: {
    id: string;
    title: string;
    date: string;
    precision: string;
    utc: string | null;
    part_of_day: string | null;
    after: string | null;
    local_date: string;
    end: { date: string } | null;
    category: string;
    actors: string[];
    places: string[];
    sources: { id: string; quote: string }[];
    claims: { claimant: string; source: string; quote: string; measure: string }[];
    url: string;
    era: string;
  }[];
  sources: { id: string }[];
};
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
const sourceText = new Map<string, string>();
const eventFiles = new Map<string, string>();

beforeAll(async () => {
  out = join(await mkdtemp(join(tmpdir(), 'nt-site-')), '_site');
  const run = runCli('build.ts', [`--output=${out}`, '--quiet']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  data = JSON.parse(await readFile(join(out, 'events.json'), 'utf8'));
  for (const name of await readdir(join(ROOT, 'content/sources'))) {
    const text = await readFile(join(ROOT, 'content/sources', name), 'utf8');
    sourceText.set(name.replace(/\.md$/, ''), normalise(text.slice(text.indexOf('\n---\n', 3) + 5)));
  }
  for (const name of await readdir(join(ROOT, 'content/events'))) {
    eventFiles.set(name.replace(/\.md$/, ''), await readFile(join(ROOT, 'content/events', name), 'utf8'));
  }
});

const html = (path: string) => readFile(join(out, path), 'utf8');

describe('events.json', () => {
  it('holds every event file exactly once', () => {
    expect(data.events.map((e) => e.id).sort()).toEqual([...eventFiles.keys()].sort());
    expect(data.events.length).toBeGreaterThanOrEqual(30);
  });

  it('keeps each date exactly as the editor wrote it', () => {
    for (const e of data.events) {
      const written = /^date: "([^"]+)"$/m.exec(eventFiles.get(e.id)!)?.[1];
      expect(e.date, e.id).toBe(written);
    }
  });

  it('gives the ceasefire its instant in UTC: 13:00 at UTC+4 is 09:00Z', () => {
    const ceasefire = data.events.find((e) => e.id === 'ceasefire-takes-effect')!;
    expect(ceasefire.date).toBe('2023-09-20T13:00+04:00');
    expect(ceasefire.precision).toBe('minute');
    expect(ceasefire.utc).toBe('2023-09-20T09:00:00Z');
  });

  it('gives day-only and coarser dates no instant, and the right precision', () => {
    const byId = new Map(data.events.map((e) => [e.id, e]));
    expect(byId.get('independence-declaration-1991')).toMatchObject({ date: '1991', precision: 'year', utc: null });
    expect(byId.get('offensive-launched')).toMatchObject({ date: '2023-09-19', precision: 'day', utc: null });
    expect(byId.get('blockade')?.end?.date).toBe('2023-09');
  });

  it('is in timeline order: by local date, day-only before timed and part-of-day events of the same day', () => {
    for (let i = 1; i < data.events.length; i++) {
      const a = data.events[i - 1]!;
      const b = data.events[i]!;
      expect(a.local_date <= b.local_date || b.local_date.startsWith(a.local_date), `${a.id} before ${b.id}`).toBe(true);
      const dayOnly = (e: typeof b) => !e.utc && !e.part_of_day && !e.after;
      if (a.local_date === b.local_date && !dayOnly(a) && dayOnly(b)) throw new Error(`${b.id} (day only) after ${a.id}`);
    }
    expect(data.events[0]!.date.startsWith('1991')).toBe(true);
    expect(data.events.at(-1)!.id).toBe('yevlakh-talks');
  });

  it('cites at least one source for every event, and every quote occurs in its source (a trimmed one part by part, in order)', () => {
    let trimmed = 0;
    for (const e of data.events) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const s of [...e.sources, ...e.claims.map((c) => ({ id: c.source, quote: c.quote }))]) {
        const text = sourceText.get(s.id);
        expect(text, `${e.id} cites ${s.id}`).toBeDefined();
        const parts = normalise(s.quote).split(/ ?\[…\] ?/).filter((p) => p !== '');
        if (parts.length > 1 || parts[0] !== normalise(s.quote)) trimmed += 1;
        let from = 0;
        for (const part of parts) {
          const at = text!.indexOf(part, from);
          expect(at, `${e.id}: “${part}” of “${s.quote}”`).toBeGreaterThanOrEqual(0);
          from = at + part.length;
        }
      }
    }
    // The two quotes cut where the copy lost the news organisation's name.
    expect(trimmed).toBe(2);
  });

  it('attributes every death toll: the offensive’s to four different claimants and the article that names none, the 2020 war’s to no one named', () => {
    const killed = (id: string) => data.events.find((e) => e.id === id)!.claims.filter((c) => c.measure === 'killed');
    expect(new Set(killed('offensive-casualties').map((c) => c.claimant))).toEqual(
      new Set(['armenia', 'karabakh-representative', 'karabakh-rights-activist', 'vardanyan', 'unattributed']),
    );
    // 'Dozens of people were also reported killed.': the one figure its article gives without a source.
    expect(killed('offensive-casualties').filter((c) => c.claimant === 'unattributed').map((c) => c.source)).toEqual(['karabakh-forces-accept-ceasefire']);
    expect(killed('war-2020').map((c) => [c.claimant, c.source])).toEqual([['unattributed', 'ceasefire-and-yerevan-protests']]);
  });

  it('links each event to its page', () => {
    for (const e of data.events) expect(e.url).toBe(`${data.url.replace(/\/$/, '')}/events/${e.id}/`);
  });
});

describe('pages', () => {
  it('lists every event on the home page, background era first, days in order', async () => {
    const home = await html('index.html');
    const background = home.indexOf('id="era-background"');
    const main = home.indexOf('id="era-main"');
    expect(background).toBeGreaterThan(0);
    expect(main).toBeGreaterThan(background);
    const days = ['Tuesday 19 September 2023', 'Wednesday 20 September 2023', 'Thursday 21 September 2023'].map((d) =>
      home.indexOf(`>${d}</h3>`),
    );
    expect(days.every((i) => i > main)).toBe(true);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
    let last = -1;
    for (const e of data.events) {
      const at = home.indexOf(`href="/events/${e.id}/"`);
      expect(at, e.id).toBeGreaterThan(last);
      last = at;
    }
  });

  it('issue 16: marks approximate days and parts of the day in the embed too', async () => {
    const page = await html('embed/index.html');
    const line = (id: string) => new RegExp(`href="/events/${id}/"[^]*?</li>`).exec(page)?.[0] ?? '';
    expect(line('aliyev-warns-operation-will-continue')).toContain('The day is approximate; no time was reported.');
    expect(line('sotk-border-incident')).toContain('In the late evening; the day is approximate and no time was reported.');
  });

  it('shows the ceasefire in local time and GMT, with a machine-readable datetime', async () => {
    const page = await html('events/ceasefire-takes-effect/index.html');
    expect(page).toContain('<time datetime="2023-09-20T13:00+04:00">Wednesday 20 September 2023, 13:00 local time (UTC+4) · 09:00 GMT</time>');
  });

  it('gives every event a page with each quote (in curly quotation marks) and a link to each cited source page', async () => {
    for (const e of data.events) {
      const page = await html(`events/${e.id}/index.html`);
      for (const s of e.sources) {
        expect(page, e.id).toContain(`href="/sources/${s.id}/"`);
        expect(normalise(page.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'))).toContain(normalise(curlyQuotes(s.quote)));
      }
    }
    // The article of 21 September writes straight quotes; the page prints curly ones, and events.json the article's own.
    const aliyev = await html('events/aliyev-televised-address/index.html');
    expect(aliyev).toContain('the region should now become a “paradise,” Aliyev promised.');
    expect(data.events.find((e) => e.id === 'aliyev-televised-address')!.sources.map((s) => s.quote)).toContain('After the major offensive, the region should now become a "paradise," Aliyev promised.');
  });

  it('shows on the Yevlakh talks page each source’s account of who took part, side by side', async () => {
    const page = await html('events/yevlakh-talks/index.html');
    const who = page.slice(page.indexOf('<section class="participants"'), page.indexOf('</section>', page.indexOf('<section class="participants"')));
    const items = [...who.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    expect(who).toContain('The sources differ on who took part; this page does not decide between them.');
    expect(items).toEqual([
      'Armenia, according to Armenian delegation comes to Yevlax for talks a day after the ceasefire',
      'Azerbaijan and Karabakh de facto authorities, according to Azerbaijan halts its military operation in Nagorno-Karabakh as separatists agree to disarm, Karabakh&#39;s ethnic Armenian forces accept a Russian ceasefire proposal and Ceasefire in Nagorno-Karabakh, talks set for Yevlakh and protests in Yerevan',
    ]);
  });

  it('shows a trimmed quote with its omission mark', async () => {
    const page = await html('events/offensive-casualties/index.html');
    expect(page).toContain('<p>He said that close to 100 people had been killed and hundreds more injured in the fighting. […] could not verify that.</p>');
  });

  it('gives every source a page listing the events that rest on it', async () => {
    const index = await html('sources/index.html');
    for (const s of data.sources) {
      expect(index).toContain(`href="/sources/${s.id}/"`);
      const page = await html(`sources/${s.id}/index.html`);
      const citing = data.events.filter((e) => e.sources.some((c) => c.id === s.id));
      for (const e of citing) expect(page).toContain(`href="/events/${e.id}/"`);
    }
  });

  it('says when a publisher, address or publication date is not in the copy, and how the copy came to us', async () => {
    const page = await html('sources/delegation-in-yevlax/index.html');
    expect(page).toContain('<li>The copy names neither its publisher nor an address for the original.</li>');
    expect(page).toContain('<li>Title written by the editors; the copy has no headline.</li>');
    expect(page).toContain('<li>Translated from German into English. Inferred: ');
    expect(page).toMatch(/Published <time datetime="2023-09-21">Thursday 21 September 2023<\/time>\. Inferred: /);
    const reprint = await html('sources/azerbaijan-halts-karabakh-offensive/index.html');
    expect(reprint).toContain('<li>Copied from a site that reprints other outlets’ articles, not from the original publisher. Inferred: ');
    expect(reprint).toContain('<li>The title is the article’s own headline.</li>');
    expect(page).not.toContain('reprints other outlets');
    // Wherever the source is named: the sources index and each quote on an event page.
    const index = await html('sources/index.html');
    expect(index).toContain('>Armenian delegation comes to Yevlax for talks a day after the ceasefire</a> <span class="note">(title by the editors; translated from German)</span>');
    expect(index).toContain('>Azerbaijan halts Karabakh offensive after ceasefire deal with Armenian separatists</a> <span class="note">(copied from a reprint site)</span>');
    const event = await html('events/ceasefire-takes-effect/index.html');
    expect(event).toContain('>Azerbaijan halts Karabakh offensive after ceasefire deal with Armenian separatists</a> (copied from a reprint site)');
  });

  it('shows every quoted passage on its source page, in article order, marked, where each event quote links', async () => {
    // Quotation marks as the page prints them (curly) or the article has them (either): compare without the difference.
    let checked = 0;
    const neutral = (t: string) => normalise(t.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')).replace(/[“”"]/g, '"').replace(/[‘’']/g, "'");
    for (const s of data.sources) {
      const page = await html(`sources/${s.id}/index.html`);
      const passages = [...page.matchAll(/<li id="(q-[0-9a-f]{8}(?:-\d+)?)">\s*<blockquote><p>(.*?)<\/p><\/blockquote>/gs)].map((m) => ({
        id: m[1]!,
        context: neutral(m[2]!.replace(/<\/?mark>/g, '')),
        marked: [...m[2]!.matchAll(/<mark>(.*?)<\/mark>/g)].map((x) => neutral(x[1]!)),
      }));
      const text = neutral(sourceText.get(s.id)!);
      const at = passages.map((p) => text.indexOf(p.context));
      expect(at.every((x) => x >= 0), s.id).toBe(true);
      expect(at).toEqual([...at].sort((a, b) => a - b));
      const byId = new Map(passages.map((p) => [p.id, p]));
      for (const e of data.events) {
        const eventPage = await html(`events/${e.id}/index.html`);
        const linked = [...eventPage.matchAll(/<blockquote cite="[^"]*"><p>(.*?)<\/p><\/blockquote>\s*<p class="cite">From <a href="\/sources\/([^/]+)\/">.*?<a class="in-context" href="\/sources\/[^/]+\/#(q-[^"]+)"/gs)];
        for (const [, quote, , anchor] of linked.filter((m) => m[2] === s.id)) {
          checked += 1;
          const passage = byId.get(anchor!);
          expect(passage, `${e.id} → ${anchor}`).toBeDefined();
          if (!/…|\[\.\.\.\]/.test(quote!)) expect(passage!.marked.join(' ')).toBe(neutral(quote!));
          else expect(neutral(quote!)).toContain(passage!.marked[0]!);
        }
      }
    }
    // Every quote on every event page was followed.
    expect(checked).toBe(data.events.reduce((n, e) => n + e.sources.length, 0));
  });
});
