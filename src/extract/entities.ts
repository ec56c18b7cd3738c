/** An actor or place as the recogniser needs it. */
export interface Known {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface Recognised {
  id: string;
  /** The words in the sentence that named it. */
  text: string;
  index: number;
}

/** Typographic apostrophes and quotes read as plain ones, so `Baku’s` matches the alias `Baku's`. */
const plain = (s: string) => s.replace(/[’‘]/g, "'");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds actors or places named in a sentence by their name or any alias, as whole words and case-sensitively
 * (so `US` is not `us`, `UN` not `un`), except that an alias starting in lowercase also matches with a
 * capital first letter, as at the start of a sentence. Where names overlap, the longest wins (`Russian peacekeepers` over
 * `Russian`). Returns each id once, in order of its first mention.
 */
export function recognise(sentence: string, known: readonly Known[]): Recognised[] {
  const text = plain(sentence);
  const hits: Recognised[] = [];
  for (const entry of known) {
    for (const name of new Set([entry.name, ...entry.aliases])) {
      const alias = plain(name);
      const first = alias[0]!;
      const variants = first !== first.toUpperCase() ? [alias, first.toUpperCase() + alias.slice(1)] : [alias];
      for (const variant of variants) {
        const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(variant)}(?![\\p{L}\\p{N}])`, 'gu');
        for (const m of text.matchAll(pattern)) hits.push({ id: entry.id, text: sentence.slice(m.index, m.index + m[0].length), index: m.index });
      }
    }
  }
  // Longest first, then drop any hit inside a longer one of another entry.
  hits.sort((a, b) => b.text.length - a.text.length || a.index - b.index);
  const kept: Recognised[] = [];
  for (const hit of hits) {
    const inside = kept.some((k) => k.id !== hit.id && hit.index >= k.index && hit.index + hit.text.length <= k.index + k.text.length);
    if (!inside) kept.push(hit);
  }
  kept.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  return kept.filter((k) => !seen.has(k.id) && seen.add(k.id));
}
