import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/load/front-matter.ts';
import { renderEventFile } from '../../src/scaffold/event-file.ts';
import { slugify, uniqueId } from '../../src/scaffold/slug.ts';
import { eventSchema } from '../../src/schema/event.ts';

describe('slugify', () => {
  it.each([
    ['Ceasefire takes effect in Nagorno-Karabakh', 'ceasefire-takes-effect-in-nagorno-karabakh'],
    ['Armenian delegation arrives in Yevlax', 'armenian-delegation-arrives-in-yevlax'],
    ['Talks in Xankəndi', 'talks-in-xankendi'],
    ['Pashinyan’s televised address', 'pashinyans-televised-address'],
    ['Çağlayan, Ürümqi & São Paulo', 'caglayan-urumqi-sao-paulo'],
    ['  --Hello,   World!--  ', 'hello-world'],
    ['3,154 people evacuated', '3-154-people-evacuated'],
    ['Ереван', ''],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts at a word boundary', () => {
    expect(slugify('one two three four', 13)).toBe('one-two-three');
    expect(slugify('one two three four', 12)).toBe('one-two');
    expect(slugify('supercalifragilistic', 5)).toBe('super');
  });
});

describe('uniqueId', () => {
  it('adds the first free number', () => {
    const taken = new Set(['blockade', 'blockade-2']);
    expect(uniqueId('blockade', (id) => taken.has(id))).toBe('blockade-3');
    expect(uniqueId('talks', (id) => taken.has(id))).toBe('talks');
  });
});

describe('renderEventFile', () => {
  const parse = (text: string) => {
    const file = splitFrontMatter('content/events/x.md', text);
    if ('ruleId' in file) throw new Error(file.message);
    return file;
  };

  it('writes every field, leaving unknown required ones commented out for `npm run check` to name', () => {
    const text = renderEventFile({ title: 'Talks in Yevlakh', date: '2023-09-21', actors: [], places: [], sources: [] }, ['military', 'diplomacy']);
    for (const field of ['title', 'date', 'end', 'approximate', 'date_inferred', 'category', 'importance', 'sequence', 'actors', 'places', 'sources', 'claims']) {
      expect(text).toMatch(new RegExp(`^(?:# )?${field}:`, 'm'));
    }
    expect(text).toContain('# category:  # required: one of military, diplomacy');
    const value = parse(text).yaml.value as Record<string, unknown>;
    expect(value).toMatchObject({ title: 'Talks in Yevlakh', date: '2023-09-21', actors: [], places: [] });
    expect(value).not.toHaveProperty('category');
  });

  it('gives a file that passes the schema once its fields are known', () => {
    const text = renderEventFile(
      {
        title: 'He said: "no" # not a comment',
        date: '2023-09-20T13:00+04:00',
        approximate: true,
        dateInferred: "'1 p.m. (0900 GMT)'",
        category: 'military',
        actors: ['azerbaijan'],
        places: ['nagorno-karabakh'],
        sources: [{ id: 'alpha', quote: 'A “quoted” passage: with a colon.', prefix: 'Before' }],
        claims: [{ measure: 'killed', value: 32, max: null, figure: null, qualifier: 'at-least', source: 'alpha', quote: 'x' }],
      },
      ['military'],
    );
    const value = parse(text).yaml.value;
    const result = eventSchema.safeParse(value);
    expect(result.success).toBe(true);
    expect(value).toMatchObject({
      title: 'He said: "no" # not a comment',
      date: '2023-09-20T13:00+04:00',
      approximate: true,
      sources: [{ id: 'alpha', quote: 'A “quoted” passage: with a colon.', prefix: 'Before' }],
    });
    // Proposed claims stay comments until the editor names the claimant.
    expect(value).not.toHaveProperty('claims');
    expect(text).toContain('#   - measure: killed');
    expect(text).toContain('#     value: 32');
  });
});
