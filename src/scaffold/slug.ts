/** Letters that Unicode does not decompose into a base letter and a mark. */
const SPECIAL: Record<string, string> = { ə: 'e', ı: 'i', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ł: 'l', þ: 'th', ð: 'd' };

/**
 * An event id from a title: lowercase ASCII words joined by hyphens, cut at a word boundary to at most
 * `maxLength` characters. `Ceasefire takes effect in Nagorno-Karabakh` → `ceasefire-takes-effect-in-nagorno-karabakh`;
 * `Talks in Xankəndi` → `talks-in-xankendi`. Returns '' when the title has no Latin letters or digits.
 */
export function slugify(title: string, maxLength = 60): string {
  const ascii = title
    .toLowerCase()
    .replace(/./gu, (ch) => SPECIAL[ch] ?? ch)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`]/g, '');
  const words = ascii.split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  // A first word longer than the limit is cut rather than dropped.
  return slug || (words[0] ?? '').slice(0, maxLength);
}

/** `base`, else `base-2`, `base-3`… : the first id that `taken` does not claim. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
