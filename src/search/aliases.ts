import type { Actor, Place } from '../schema/records.ts';
import type { SearchRecord } from './records.ts';

/** A query's words as the search page's script reads them: lower case, split at anything not a letter or digit. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** What one spelling stands for: the texts to search for instead. */
export interface AliasGroup {
  /** The entities' names, for the status line ("other spellings of Nikol Pashinyan"). */
  names: string[];
  /**
   * Spellings that occur in the index, as lower-case words without filler, fewest words first; one whose words
   * include another's is left out.
   */
  terms: string[];
}

/**
 * The alias table the search page loads beside Pagefind's bundle: each spelling of an actor or place (its words
 * joined by a space) to the group it stands for. A name stands for its own entry; an alias for every entry that
 * lists it, unless it is some entry's name ("Yerevan" is the place, though Armenia's entry lists it too). The page
 * searches each of the group's terms and shows the union, so every spelling finds the same events (those whose
 * text has any of them, and those tagged with the entry, whose record names it), each excerpt marks the spelling
 * the text uses, and the index grows by no alias: Pagefind has no OR, and drops a word it has never seen
 * ("Pashinian ceasefire" would find every ceasefire).
 */
export interface AliasTable {
  spellings: Record<string, number>;
  groups: AliasGroup[];
}

/**
 * Words left out of a term: Pagefind matches a query's words anywhere on the page and its last word as a prefix,
 * so "the airport" would mark every "the", "their" and "therefore".
 */
const FILLER = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 's', 'the', 'to']);

type Entity = { kind: 'actor' | 'place'; entry: Actor | Place };

export function searchAliases(actors: readonly Actor[], places: readonly Place[], records: readonly SearchRecord[]): AliasTable {
  const entities: Entity[] = [...actors.map((entry) => ({ kind: 'actor' as const, entry })), ...places.map((entry) => ({ kind: 'place' as const, entry }))];
  const key = (spelling: string) => searchWords(spelling).join(' ');
  const named = new Map<string, Entity[]>();
  const aliased = new Map<string, Entity[]>();
  for (const entity of entities) {
    const add = (map: Map<string, Entity[]>, spelling: string) => {
      const k = key(spelling);
      if (k && !map.get(k)?.includes(entity)) map.set(k, [...(map.get(k) ?? []), entity]);
    };
    add(named, entity.entry.name);
    for (const alias of entity.entry.aliases) add(aliased, alias);
  }
  const indexed = new Set(records.flatMap((r) => searchWords(`${r.meta.title} ${r.meta.tags ?? ''} ${r.content}`)));
  const spellings: Record<string, number> = {};
  const groups: AliasGroup[] = [];
  const groupIds = new Map<string, number>();
  for (const k of [...new Set([...named.keys(), ...aliased.keys()])].sort()) {
    const members = named.get(k) ?? aliased.get(k)!;
    const id = members.map((m) => `${m.kind}:${m.entry.id}`).join(' ');
    if (!groupIds.has(id)) {
      groupIds.set(id, groups.length);
      groups.push(group(members, indexed));
    }
    spellings[k] = groupIds.get(id)!;
  }
  return { spellings, groups };
}

function group(members: readonly Entity[], indexed: ReadonlySet<string>): AliasGroup {
  const all = [...new Set(members.flatMap((m) => [m.entry.name, ...m.entry.aliases]))];
  const present = all
    .map((spelling) => ({ spelling, words: searchWords(spelling).filter((w) => !FILLER.has(w)) }))
    .filter((s) => s.words.length > 0 && s.words.every((w) => indexed.has(w)))
    .sort((a, b) => a.words.length - b.words.length || a.spelling.localeCompare(b.spelling, 'en'));
  const terms: typeof present = [];
  for (const s of present) {
    // Pagefind wants every word of a term on the page, so a term holding another's words only finds fewer pages.
    if (!terms.some((t) => t.words.every((w) => s.words.includes(w)))) terms.push(s);
  }
  return {
    names: members.map((m) => m.entry.name),
    terms: terms.map((t) => t.words.join(' ')),
  };
}
