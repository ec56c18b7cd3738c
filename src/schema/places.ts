/**
 * The places each place lies within, nearest first (`stepanakert-airport` → `stepanakert`, `nagorno-karabakh`), from
 * each place's `within`. A parent that is not in the list ends the chain; a loop ends where it would come back
 * round (validation reports both, so a built site never has either).
 */
export function placeAncestors(places: readonly { id: string; within?: string | undefined }[]): Map<string, string[]> {
  const parent = new Map(places.map((p) => [p.id, p.within]));
  return new Map(
    places.map((p) => {
      const chain: string[] = [];
      for (let up = parent.get(p.id); up !== undefined && up !== p.id && parent.has(up) && !chain.includes(up); up = parent.get(up)) chain.push(up);
      return [p.id, chain];
    }),
  );
}

/**
 * An event's places and every place they lie within, each once, in the order listed then nearest first: what a
 * filter by place matches, so that Nagorno-Karabakh finds an event in Stepanakert.
 */
export function placeScope(placeIds: readonly string[], ancestors: ReadonlyMap<string, readonly string[]>): string[] {
  return [...new Set(placeIds.flatMap((id) => [id, ...(ancestors.get(id) ?? [])]))];
}
