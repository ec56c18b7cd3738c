import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../../diagnostics/make.ts';
import type { ValidationContext } from '../context.ts';
import { report, withPath } from '../report.ts';
import { referencesOf } from './references.ts';

/** Warnings: an event resting on a single article (background aside). */
export function singleSourceRules(ctx: ValidationContext): Diagnostic[] {
  return ctx.events.flatMap(({ file, data }) =>
    new Set((data.sources ?? []).map((s) => s.id)).size === 1 && data.category !== 'background'
      ? [report('event/single-source', file, ['sources'], 'This event rests on a single article.')]
      : [],
  );
}

/** Warnings: actors, places and sources no event uses. */
export function unusedRules(ctx: ValidationContext): Diagnostic[] {
  const used = { actor: new Set<string>(), place: new Set<string>(), source: new Set<string>(), category: new Set<string>() };
  for (const event of ctx.events) for (const r of referencesOf(event.data)) used[r.kind].add(r.value);
  const out: Diagnostic[] = [];
  for (const [list, kind] of [[ctx.actors, 'actor'], [ctx.places, 'place']] as const) {
    if (!list.file) continue;
    for (const { key, data } of list.entries) {
      if (data === null || used[kind].has(key)) continue;
      out.push(withPath(makeDiagnostic('ref/unused', list.file.file, list.file.yaml.locateKey([key]), { field: key, message: `No event refers to the ${kind} \`${key}\`.` }), [key]));
    }
  }
  for (const { file, stem } of ctx.sources) {
    if (ctx.sourceFiles.get(stem) === file.file && !used.source.has(stem)) out.push(report('ref/unused', file, ['id'], `No event cites the source \`${stem}\`.`));
  }
  return out;
}
