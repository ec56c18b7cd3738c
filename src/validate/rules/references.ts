import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { YamlPath } from '../../load/yaml.ts';
import type { ValidationContext } from '../context.ts';
import { report, type Located } from '../report.ts';
import { suggestId } from '../zod-issues.ts';

export type ReferenceKind = keyof ValidationContext['known'];

const WHERE: Record<ReferenceKind, string> = {
  category: 'content/categories.yml',
  actor: 'content/actors.yml',
  place: 'content/places.yml',
  source: 'content/sources/',
};

/** Every reference an event makes, with its path, in the order of its fields. */
export function referencesOf(data: ValidationContext['events'][number]['data']): { kind: ReferenceKind; path: YamlPath; value: string }[] {
  return [
    ...(data.category === undefined ? [] : [{ kind: 'category' as const, path: ['category'], value: data.category }]),
    ...(data.actors ?? []).map((value, i) => ({ kind: 'actor' as const, path: ['actors', i], value })),
    ...(data.places ?? []).map((value, i) => ({ kind: 'place' as const, path: ['places', i], value })),
    ...(data.sources ?? []).flatMap((s, i) => [
      { kind: 'source' as const, path: ['sources', i, 'id'], value: s.id },
      ...(s.actors ?? []).map((value, j) => ({ kind: 'actor' as const, path: ['sources', i, 'actors', j], value })),
    ]),
    ...(data.claims ?? []).flatMap((c, i) => [
      { kind: 'actor' as const, path: ['claims', i, 'claimant'], value: c.claimant },
      { kind: 'source' as const, path: ['claims', i, 'source'], value: c.source },
    ]),
  ];
}

/** An unknown id, unless its entry or its whole list is already reported as broken (no cascade). */
function unknown(ctx: ValidationContext, at: Located, path: YamlPath, kind: ReferenceKind, value: string): Diagnostic[] {
  const known = ctx.known[kind];
  if (known.has(value)) return [];
  if (kind === 'source' && ctx.brokenSources.has(value)) return [];
  if (ctx.unreadable[kind] || (kind !== 'source' && ctx.broken.has(value))) return [];
  const guess = suggestId(value, known);
  return [report('ref/unknown', at, path, `Unknown ${kind} \`${value}\`.${guess ? ` Did you mean \`${guess}\`?` : ''}`, { expected: `an id from ${WHERE[kind]}` })];
}

/** Every category, actor, place and source an event names exists. */
export function referenceRules(ctx: ValidationContext): Diagnostic[] {
  return ctx.events.flatMap((event) => referencesOf(event.data).flatMap((r) => unknown(ctx, event.file, r.path, r.kind, r.value)));
}
