import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../../diagnostics/make.ts';
import { ID_PATTERN } from '../../schema/vocabulary.ts';
import type { ValidationContext } from '../context.ts';
import { report, withPath } from '../report.ts';

/** Ids are lowercase words joined by hyphens, a source's id is its file name, and no two sources share one. */
export function idRules(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const list of [ctx.categories, ctx.actors, ctx.places]) {
    for (const { key, validId } of list.entries) {
      if (!validId) out.push(report('id/format', list.file!, [key], `Unexpected id \`${key}\`, expected lowercase words joined by hyphens.`));
    }
  }
  for (const { file, stem, data, idProblem } of ctx.sources) {
    if (!data || !idProblem) continue;
    if (idProblem === 'mismatch') {
      out.push(report('id/mismatch', file, ['id'], `Unexpected id \`${data.id}\` in \`${file.file}\`, expected \`${stem}\` (the file name).`));
    } else {
      const first = idProblem.duplicateOf;
      out.push(report('id/duplicate', file, ['id'], `Duplicate source id \`${data.id}\`, first defined in ${first}.`, { related: { file: first, line: 1 } }));
    }
  }
  for (const { file, id } of ctx.events) {
    if (ID_PATTERN.test(id)) continue;
    out.push(
      withPath(
        makeDiagnostic('id/format', file.file, { line: 1, column: 1 }, {
          message: `Unexpected file name \`${id}.md\`: the file name is the event's id and its web address.`,
          expected: 'lowercase words joined by hyphens, e.g. `ceasefire-takes-effect.md`',
        }),
        [],
      ),
    );
  }
  return out;
}
