import { describe, expect, it } from 'vitest';
import { searchAliases, searchWords } from '../../src/search/aliases.ts';
import type { SearchRecord } from '../../src/search/records.ts';
import type { Actor, Place } from '../../src/schema/records.ts';

const actor = (id: string, name: string, aliases: string[]): Actor => ({ id, name, description: null, aliases });
const place = (id: string, name: string, aliases: string[]): Place => ({ ...actor(id, name, aliases), coordinates: [0, 0], timeZone: '+04:00' });
const text = (content: string, title = 'A title', tags = ''): SearchRecord => ({ url: '/x/', content, language: 'en', meta: { title, date: 'd', category: 'c', tags } });

const actors = [
  actor('pashinyan', 'Nikol Pashinyan', ['Pashinyan', 'Pashinian', 'Prime Minister Nikol Pashinyan']),
  actor('armenia', 'Armenia', ['Yerevan', 'Armenian government']),
  actor('russia', 'Russia', ['Kremlin']),
];
const places = [place('yevlakh', 'Yevlakh', ['Yevlax', 'Yevlkah']), place('yerevan', 'Yerevan', []), place('moscow', 'Moscow', ['Kremlin'])];
const records = [
  text('Prime Minister Nikol Pashinyan spoke. Talks in Yevlakh.'),
  text('Pashinyan’s office. Armenia and the Kremlin.', 'Delegation comes to Yevlax'),
  text('Protests.', 'Protests', 'Yerevan; Armenian government; Russia; Moscow'),
];
const table = searchAliases(actors, places, records);
const lookup = (spelling: string) => table.groups[table.spellings[searchWords(spelling).join(' ')]!]!;

describe('searchWords', () => {
  it('reads a spelling as the search script does: lower case, split at anything but letters and digits', () => {
    expect(searchWords('  Azerbaijan’s Defence-Ministry ')).toEqual(['azerbaijan', 's', 'defence', 'ministry']);
    expect(searchWords('Xankəndi')).toEqual(['xankəndi']);
  });
});

describe('searchAliases', () => {
  it('sends every spelling of an entry to one group: the spellings to search for', () => {
    const group = lookup('Pashinian');
    expect(lookup('Pashinyan')).toBe(group);
    expect(lookup('nikol pashinyan')).toBe(group);
    expect(lookup('Prime Minister Nikol Pashinyan')).toBe(group);
    expect(group).toEqual({ names: ['Nikol Pashinyan'], terms: ['pashinyan'] });
  });

  it('keeps the spellings the index holds (titles and tags included) and drops any whose words contain another’s', () => {
    // "Yevlkah" is in no text: Pagefind would ignore it, and its query would turn into the rest of the words.
    expect(lookup('Yevlkah')).toEqual({ names: ['Yevlakh'], terms: ['yevlakh', 'yevlax'] });
    // "Nikol Pashinyan" and the longer title hold "Pashinyan": they would only find fewer pages.
    expect(lookup('Pashinyan').terms).toEqual(['pashinyan']);
  });

  it('leaves filler words out of a term, where Pagefind would match them on every page', () => {
    const table = searchAliases([], [place('airport', 'Stepanakert airport', ['the airport'])], [text('Crowds at the airport in Stepanakert.')]);
    expect(table.groups[table.spellings['the airport']!]!.terms).toEqual(['airport']);
  });

  it('reads a name as its own entry, and an alias as every entry that lists it', () => {
    expect(lookup('Yerevan').names).toEqual(['Yerevan']);
    expect(lookup('Armenia').names).toEqual(['Armenia']);
    expect(lookup('Armenia').terms).toEqual(['armenia', 'yerevan', 'armenian government']);
    expect(lookup('Kremlin')).toEqual({ names: ['Russia', 'Moscow'], terms: ['kremlin', 'moscow', 'russia'] });
  });

  it('lists each spelling once, in a stable order', () => {
    expect(Object.keys(table.spellings)).toEqual([...Object.keys(table.spellings)].sort());
    expect(searchAliases(actors, places, records)).toEqual(table);
    expect(table.groups).toHaveLength(new Set(Object.values(table.spellings)).size);
  });
});
