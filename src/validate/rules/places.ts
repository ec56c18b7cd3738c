import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { placeAncestors } from '../../schema/places.ts';
import type { ValidationContext } from '../context.ts';
import { report } from '../report.ts';
import { suggestId } from '../zod-issues.ts';

/**
 * The place hierarchy: each `within` names a defined place and no place lies within itself, however far round;
 * an event that lists a place and one lying within it is told the larger one is implied (a warning: the site
 * already finds the event under both).
 */
export function placeRules(ctx: ValidationContext): Diagnostic[] {
  const file = ctx.places.file;
  if (!file) return [];
  const out: Diagnostic[] = [];
  const entries = ctx.places.entries.flatMap((e) => (e.data ? [{ id: e.key, within: e.data.within }] : []));
  const parent = new Map(entries.map((e) => [e.id, e.within]));
  for (const { id, within } of entries) {
    if (within === undefined) continue;
    if (!parent.has(within)) {
      // A parent whose own entry is broken is reported there.
      if (ctx.broken.has(within)) continue;
      const guess = suggestId(within, parent.keys());
      out.push(
        report('place/unknown-within', file, [id, 'within'], `Unknown place \`${within}\` in \`within\`.${guess ? ` Did you mean \`${guess}\`?` : ''}`, {
          expected: 'an id from content/places.yml',
        }),
      );
      continue;
    }
    // Walk up from the parent: coming back to this place is a loop; every member of it is reported at its own `within`.
    const chain = [id, within];
    for (let up = parent.get(within); up !== undefined && parent.has(up) && !chain.slice(1).includes(up); up = parent.get(up)) {
      chain.push(up);
      if (up === id) break;
    }
    if (within === id || chain.at(-1) === id) {
      const loop = within === id ? `\`${id}\` is within itself` : chain.map((p, i) => (i === 0 ? `\`${p}\`` : `within \`${p}\``)).join(' ');
      out.push(report('place/within-cycle', file, [id, 'within'], `Unexpected loop of places: ${loop}.`, { expected: 'a chain that ends at a place with no `within`' }));
    }
  }

  const ancestors = placeAncestors(entries);
  for (const event of ctx.events) {
    const listed = event.data.places ?? [];
    listed.forEach((place, i) => {
      const inner = listed.find((other) => other !== place && ancestors.get(other)?.includes(place));
      if (inner)
        out.push(
          report('place/implied', event.file, ['places', i], `Unexpected \`${place}\` beside \`${inner}\`, which lies within it: the larger place is implied.`, {
            expected: `only \`${inner}\``,
          }),
        );
    });
  }
  return out;
}
