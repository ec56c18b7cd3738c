import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ValidationContext } from '../context.ts';
import { report } from '../report.ts';

/** Each file against its zod contract (parsed once, in the context), and lists that are not lists at all. */
export function schemaRules(ctx: ValidationContext): Diagnostic[] {
  const out = [...ctx.schema];
  for (const list of [ctx.categories, ctx.actors, ctx.places]) {
    if (list.file && !list.shaped) {
      out.push(report('schema/type', list.file, [], 'Unexpected content, expected a list of entries keyed by id (`some-id:` then its fields).'));
    }
  }
  return out;
}
