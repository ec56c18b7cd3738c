import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointFromIso } from '../../src/extract/calendar.ts';
import { draftToEvent, proposeDrafts, titleFrom, type Draft } from '../../src/extract/drafts.ts';
import { reasoning } from '../../src/extract/format.ts';
import { articleFromContent } from '../../src/extract/from-content.ts';
import type { DateProposal } from '../../src/extract/time.ts';
import { loadAndValidate } from '../../src/pipeline.ts';
import { splitFrontMatter } from '../../src/load/front-matter.ts';
import { parseYaml } from '../../src/load/yaml.ts';
import { renderEventFile } from '../../src/scaffold/event-file.ts';
import { eventSchema } from '../../src/schema/event.ts';
import { findQuote, normaliseSpace } from '../../src/validate/quotes.ts';
import { ROOT } from '../helpers/project.ts';

/** The seed articles, read as `npm run extract` reads them. */
const content = (name: string) => readFileSync(join(ROOT, 'content', name), 'utf8');
const list = (name: string) => Object.entries(parseYaml(content(name)).value as Record<string, { name: string; aliases?: string[]; time_zone?: string }>);
const actors = list('actors.yml').map(([id, a]) => ({ id, name: a.name, aliases: a.aliases ?? [] }));
const places = list('places.yml').map(([id, p]) => ({ id, name: p.name, aliases: p.aliases ?? [], timeZone: p.time_zone ?? null }));
const siteZone = (parseYaml(content('site.yml')).value as { time_zone: string }).time_zone;

function article(id: string) {
  const file = splitFrontMatter(`content/sources/${id}.md`, content(`sources/${id}.md`));
  if ('ruleId' in file) throw new Error(file.message);
  const published = (file.yaml.value as { published: string }).published;
  const input = { sourceId: id, body: file.body, bodyLine: file.bodyLine, published: pointFromIso(published)!, siteZone, actors, places };
  return { input, drafts: proposeDrafts(input) };
}
const SOURCES = readdirSync(join(ROOT, 'content/sources')).map((n) => n.replace(/\.md$/, ''));
const find = (drafts: Draft[], start: string, date?: string) => {
  const found = drafts.find((d) => d.sentence.startsWith(start) && (date === undefined || d.date.date === date));
  if (!found) throw new Error(`no draft for “${start}”${date ? ` on ${date}` : ''}: ${drafts.map((d) => `${d.date.date} ${d.sentence.slice(0, 40)}`).join(' | ')}`);
  return found;
};

describe('proposeDrafts on the seed articles', () => {
  it('"on Wednesday" in an article published on 2023-09-20 is 2023-09-20', () => {
    const d = find(article('azerbaijan-halts-karabakh-offensive').drafts, 'Azerbaijan said on Wednesday');
    expect(d.date).toMatchObject({ text: 'on Wednesday', date: '2023-09-20', utc: null, approximate: false });
    expect(d.actors).toContain('azerbaijan');
    expect(d.places).toEqual(['nagorno-karabakh']);
    expect(d.line).toBe(13);
  });

  it('"1 p.m. (0900 GMT)" on Wednesday is 13:00 at +04:00, 09:00 UTC', () => {
    const d = find(article('azerbaijan-halts-karabakh-offensive').drafts, 'Under the agreement', '2023-09-20T13:00+04:00');
    expect(d.date).toMatchObject({ text: '1 p.m. (0900 GMT) on Wednesday', utc: '2023-09-20T09:00:00Z' });
    // The same sentence's `on Thursday` is offered as a draft of its own.
    expect(d.alsoMentions.map((m) => m.date)).toEqual(['2023-09-21']);
  });

  it('"1pm local time [09:00 GMT] on Wednesday" is the same instant', () => {
    const d = find(article('karabakh-forces-accept-ceasefire').drafts, 'The agreement for a ceasefire');
    expect(d.date).toMatchObject({ date: '2023-09-20T13:00+04:00', utc: '2023-09-20T09:00:00Z' });
  });

  it('"A day later" counts from the Tuesday the text named before; "Three years after" goes back to 2020', () => {
    const { drafts } = article('delegation-in-yevlax');
    expect(find(drafts, 'A day later').date.date).toBe('2023-09-20');
    expect(find(drafts, 'Three years after', '2020').date.refersBack).toBe(true);
    expect(find(drafts, 'Three years after', '2023-09-19').places).toEqual(['nagorno-karabakh']);
  });

  it('"late on Wednesday evening" is approximate; "In 1991" is a year', () => {
    const { drafts } = article('ceasefire-and-yerevan-protests');
    expect(find(drafts, 'While the ceasefire').date).toMatchObject({ text: 'late on Wednesday evening', date: '2023-09-20', approximate: true });
    expect(find(drafts, 'In 1991').date.date).toBe('1991');
  });

  it('names figures with their measure', () => {
    const d = find(article('azerbaijan-halts-operation').drafts, 'Baku said Tuesday');
    expect(d.date.date).toBe('2023-09-19');
    expect(d.figures).toMatchObject([{ value: 60, qualifier: 'more-than', measure: 'positions-taken' }]);
  });

  it.each(SOURCES)('every draft of %s quotes a sentence that occurs in the article, and makes a valid event file', (id) => {
    const { input, drafts } = article(id);
    expect(drafts.length).toBeGreaterThan(3);
    const text = normaliseSpace(input.body);
    for (const d of drafts) {
      expect(findQuote(text, d.sentence, d.prefix).kind, d.sentence).toBe('found');
      const file = renderEventFile({ ...draftToEvent(d, { sourceId: id, sourceFile: `content/sources/${id}.md` }), category: 'military' }, ['military']);
      const fm = splitFrontMatter('x.md', file);
      if ('ruleId' in fm) throw new Error(fm.message);
      expect(eventSchema.safeParse(fm.yaml.value).success, d.sentence).toBe(true);
    }
    expect(new Set(drafts.map((d) => d.id)).size).toBe(drafts.length);
  });
});

describe('proposeDrafts with the bundled timeline (issue 19)', () => {
  const YEVLAX = 'One day after the negotiated ceasefire, an Armenian delegation came to the Azerbaijani city of Yevlax for talks.';

  it('dates "One day after the negotiated ceasefire" to 2023-09-21, a day after the ceasefire the article dates', async () => {
    const { content } = await loadAndValidate(ROOT);
    const source = content!.sources.find((s) => s.id === 'delegation-in-yevlax')!;
    const drafts = proposeDrafts(articleFromContent(content!, source));
    const [first, back] = drafts.filter((d) => d.sentence === YEVLAX);
    expect(first!.date).toMatchObject({ date: '2023-09-21', rule: 'after-happening', refersBack: false, anchor: { text: 'the negotiated ceasefire', date: '2023-09-20', from: 'article' } });
    // The ceasefire itself is offered too, for an editor who wants that event.
    expect(back!.date).toMatchObject({ date: '2023-09-20', rule: 'refers-back', refersBack: true });
    // The bundled event quoting the sentence has that day.
    expect(content!.events.find((e) => e.sources.some((c) => normaliseSpace(c.quote).includes(YEVLAX)))?.date.raw).toBe(first!.date.date);
  });

  it('takes the ceasefire’s date from the timeline where the article does not give it', async () => {
    const { content } = await loadAndValidate(ROOT);
    const source = content!.sources.find((s) => s.id === 'delegation-in-yevlax')!;
    const body = source.text.replace('A day later, the two sides negotiated a ceasefire brokered by Russia.', '');
    const input = articleFromContent(content!, { ...source, text: body });
    const first = proposeDrafts(input).find((d) => d.sentence === YEVLAX)!;
    expect(first.date).toMatchObject({
      date: '2023-09-21',
      rule: 'after-happening',
      anchor: { date: '2023-09-20T13:00+04:00', from: 'timeline', event: 'ceasefire-takes-effect' },
    });
    expect(first.date.note).toContain('by the timeline event ceasefire-takes-effect (“Ceasefire takes effect in Nagorno-Karabakh”)');
    // Without the timeline either, nothing dates the ceasefire: the old count back from publication, said as such.
    const alone = proposeDrafts({ ...input, timeline: [] }).find((d) => d.sentence === YEVLAX)!;
    expect(alone.date).toMatchObject({ date: '2023-09-20', rule: 'refers-back', anchor: { from: 'publication' } });
  });

  it('never takes a sentence’s date from an event that already quotes that sentence', () => {
    const { input } = article('delegation-in-yevlax');
    const body = input.body.replace('A day later, the two sides negotiated a ceasefire brokered by Russia.', '');
    const answer = { id: 'answer', title: 'Ceasefire', date: { precision: 'day', year: 2023, month: 9, day: 15 } as const, headline: true, quotes: [YEVLAX] };
    const first = proposeDrafts({ ...input, body, timeline: [answer] }).find((d) => d.sentence === YEVLAX)!;
    expect(first.date.rule).toBe('refers-back');
    const other = { ...answer, id: 'other', quotes: ['Something else.'] };
    expect(proposeDrafts({ ...input, body, timeline: [other] }).find((d) => d.sentence === YEVLAX)!.date).toMatchObject({ date: '2023-09-16', rule: 'after-happening' });
  });

  it('prefers a headline event, then the latest, and never one after the publication day', () => {
    const { input } = article('delegation-in-yevlax');
    const body = input.body.replace('A day later, the two sides negotiated a ceasefire brokered by Russia.', '');
    const at = (id: string, d: number, headline: boolean, year = 2023) => ({ id, title: `A ceasefire ${id}`, date: { precision: 'day', year, month: 9, day: d } as const, headline, quotes: [] });
    const dated = (...timeline: ReturnType<typeof at>[]) => proposeDrafts({ ...input, body, timeline }).find((d) => d.sentence === YEVLAX)!.date;
    expect(dated(at('minor', 19, false), at('main', 10, true))).toMatchObject({ date: '2023-09-11', anchor: { event: 'main' } });
    expect(dated(at('older', 10, false), at('newer', 18, false), at('2020', 18, false, 2020))).toMatchObject({ date: '2023-09-19', anchor: { event: 'newer' } });
    // A ceasefire on the publication day would put the delegation after it: not the one meant.
    expect(dated(at('same-day', 21, true), at('before', 17, false))).toMatchObject({ date: '2023-09-18', anchor: { event: 'before' } });
  });
});

describe('draftToEvent', () => {
  it('writes the part of the day as `part_of_day`, and the file is a valid event', () => {
    const d = find(article('ceasefire-and-yerevan-protests').drafts, 'While the ceasefire');
    expect(d.date.partOfDay).toBe('late evening');
    const event = draftToEvent(d, { sourceId: 'ceasefire-and-yerevan-protests', sourceFile: 'content/sources/ceasefire-and-yerevan-protests.md' });
    const fm = splitFrontMatter('x.md', renderEventFile({ ...event, category: 'military' }, ['military']));
    if ('ruleId' in fm) throw new Error(fm.message);
    expect(eventSchema.parse(fm.yaml.value)).toMatchObject({ date: '2023-09-20', approximate: true, part_of_day: 'late evening' });
  });
});

describe('reasoning: which rule, which anchor', () => {
  const p = (rule: DateProposal['rule'], anchor: DateProposal['anchor']) => ({ rule, anchor }) as DateProposal;
  it.each<[DateProposal, string]>([
    [p('weekday', { text: 'publication', date: '2023-09-21', from: 'publication', event: null }), 'weekday, from the publication day (2023-09-21)'],
    [p('after-happening', { text: 'the ceasefire', date: '2023-09-20T13:00+04:00', from: 'timeline', event: 'ceasefire-takes-effect' }), 'after-happening, from the timeline event ceasefire-takes-effect (2023-09-20T13:00+04:00)'],
    [p('after-happening', { text: 'the negotiated ceasefire', date: '2023-09-20', from: 'article', event: null }), "after-happening, from the article's date for 'the negotiated ceasefire' (2023-09-20)"],
    [p('count-from-text', { text: 'on Tuesday', date: '2023-09-19', from: 'text', event: null }), "count-from-text, from 'on Tuesday' earlier in the text (2023-09-19)"],
    [p('named-date', null), 'named-date, from the words alone'],
  ])('%# → %s', (proposal, text) => {
    expect(reasoning(proposal)).toBe(text);
  });
});

describe('titleFrom', () => {
  it.each([
    ['A day later, the two sides negotiated a ceasefire brokered by Russia.', 'A day later, the two sides negotiated a ceasefire brokered by Russia'],
    ['He promised a “paradise.”', 'He promised a “paradise”'],
    [`${'word '.repeat(30)}end.`, `${'word '.repeat(19)}word…`],
  ])('%j → %j', (sentence, title) => {
    expect(titleFrom(sentence)).toBe(title);
  });
});
