import { describe, expect, it } from 'vitest';
import { citationKey, collapseSpace, passages, type Passage } from '../../src/model/passages.ts';
import { provenance } from '../../src/model/provenance.ts';
import { normaliseSpace } from '../../src/validate/quotes.ts';

const ARTICLE = [
  'Azerbaijan said on Wednesday it had halted military action. Talks will start on Thursday in Yevlakh.',
  '',
  '## Thousands on the run',
  '',
  'Refugees wait at the airport.   Baku spoke of "local anti-terror measures" against them. The talks will start on Thursday.',
  '',
  'He said that close to 100 people had been killed and hundreds more injured. could not verify that.',
].join('\n');

const ev = (id: string) => ({ id, title: `Event ${id}`, path: `/events/${id}/` });
const q = (quote: string, event: string, prefix: string | null = null, suffix: string | null = null) => ({ quote, prefix, suffix, event: ev(event) });
const marked = (p: Passage) => p.context.filter((r) => r.marked).map((r) => r.text);
const whole = (p: Passage) => p.context.map((r) => r.text).join('');

describe('collapseSpace', () => {
  it.each([['a  b\n\nc '], ['  lead and trail \t'], [ARTICLE], ['']])('gives the text normaliseSpace gives (%#)', (raw) => {
    expect(collapseSpace(raw).text).toBe(normaliseSpace(raw));
  });

  it('maps each raw character to its place in the collapsed text', () => {
    const raw = 'ab \n\n cd';
    const { text, at } = collapseSpace(raw);
    expect(text).toBe('ab cd');
    expect(text[at[raw.indexOf('c')]!]).toBe('c');
    expect(at[raw.length]).toBe(5);
  });
});

describe('passages of one article', () => {
  const { passages: list, anchors } = passages(ARTICLE, [
    q('Refugees wait at the airport.', 'b'),
    q('halted military action', 'a'),
    q('local anti-terror measures', 'c'),
    q('halted military action', 'd'),
    q('The talks will start on Thursday', 'e'),
    q('He said that close to 100 people had been killed […] could not verify that.', 'f'),
  ]);

  it('lists them in article order, whatever order the events cite them in', () => {
    expect(list.map((p) => marked(p).join(' | '))).toEqual([
      'halted military action',
      'Refugees wait at the airport.',
      'local anti-terror measures',
      'The talks will start on Thursday',
      'He said that close to 100 people had been killed | could not verify that.',
    ]);
    expect(list.map((p) => p.offset)).toEqual([...list.map((p) => p.offset)].sort((a, b) => a - b));
  });

  it('shows the quote in its whole sentence, not the paragraph or the heading', () => {
    expect(whole(list[0]!)).toBe('Azerbaijan said on Wednesday it had halted military action.');
    expect(list[0]!.context).toEqual([
      { text: 'Azerbaijan said on Wednesday it had ', marked: false },
      { text: 'halted military action', marked: true },
      { text: '.', marked: false },
    ]);
    expect(whole(list[1]!)).toBe('Refugees wait at the airport.');
    expect(whole(list[3]!)).toBe('The talks will start on Thursday.');
  });

  it('prints typographic quotation marks in the context, keeping the marked words aligned', () => {
    expect(whole(list[2]!)).toBe('Baku spoke of “local anti-terror measures” against them.');
    expect(marked(list[2]!)).toEqual(['local anti-terror measures']);
  });

  it('marks each part of a trimmed quote and shows what was left out between them', () => {
    expect(whole(list[4]!)).toBe('He said that close to 100 people had been killed and hundreds more injured. could not verify that.');
    expect(list[4]!.context.map((r) => r.marked)).toEqual([true, false, true]);
  });

  it('files two events quoting the same words under one passage, in the order given', () => {
    expect(list[0]!.events.map((e) => e.id)).toEqual(['a', 'd']);
  });

  it('gives each passage an anchor from its words, unique on the page, and each citation its passage anchor', () => {
    expect(list.every((p) => /^q-[0-9a-f]{8}(?:-\d+)?$/.test(p.anchor))).toBe(true);
    expect(new Set(list.map((p) => p.anchor)).size).toBe(list.length);
    expect(anchors.get(citationKey({ quote: 'halted military action', prefix: null, suffix: null }))).toBe(list[0]!.anchor);
    expect(anchors.get(citationKey({ quote: 'local anti-terror measures', prefix: null, suffix: null }))).toBe(list[2]!.anchor);
  });

  it('keeps an anchor when the article gains passages before it or the events change order', () => {
    const again = passages(ARTICLE, [q('local anti-terror measures', 'x'), q('Azerbaijan said', 'y')]);
    expect(again.passages.find((p) => marked(p)[0] === 'local anti-terror measures')!.anchor).toBe(list[2]!.anchor);
  });

  it('tells apart the same words at two places in the article, by prefix, with distinct anchors', () => {
    const twice = passages(ARTICLE, [q('will start on Thursday', 'late', 'The talks'), q('will start on Thursday', 'early', 'Talks')]);
    expect(twice.passages.map((p) => whole(p))).toEqual(['Talks will start on Thursday in Yevlakh.', 'The talks will start on Thursday.']);
    expect(twice.passages.map((p) => p.events[0]!.id)).toEqual(['early', 'late']);
    expect(twice.passages[0]!.anchor).not.toBe(twice.passages[1]!.anchor);
    expect(twice.passages[1]!.anchor).toBe(`${twice.passages[0]!.anchor}-2`);
  });

  it('leaves out a quote the text does not hold (validation stops such content before a build)', () => {
    const none = passages(ARTICLE, [q('never said', 'z')]);
    expect(none.passages).toEqual([]);
    expect(none.anchors.size).toBe(0);
  });
});

describe('provenance', () => {
  const base = { titleDescriptive: false, publisher: null, url: null, language: 'en', translatedFrom: null, reprint: false };

  it('says in one sentence that the copy names no publisher or address', () => {
    expect(provenance(base)).toEqual({
      title: 'The title is the article’s own headline.',
      origin: 'The copy names neither its publisher nor an address for the original.',
      translation: null,
      reprint: null,
      short: null,
    });
  });

  it('names a translation, a reprint and a title the editors wrote, on the page and beside the title', () => {
    const p = provenance({ ...base, titleDescriptive: true, translatedFrom: 'de', reprint: true });
    expect(p.title).toBe('Title written by the editors; the copy has no headline.');
    expect(p.translation).toBe('Translated from German into English.');
    expect(p.reprint).toBe('Copied from a site that reprints other outlets’ articles, not from the original publisher.');
    expect(p.short).toBe('title by the editors; translated from German; copied from a reprint site');
  });

  it('names the publisher where the copy states it', () => {
    expect(provenance({ ...base, publisher: 'Example News' }).origin).toBe('Example News published it; the copy gives no address for the original.');
    expect(provenance({ ...base, publisher: 'Example News', url: 'https://e.example/a' }).origin).toBe('Example News published it.');
  });
});
