import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ValidationContext } from '../context.ts';
import { report } from '../report.ts';

/** A claimed range reads low to high: `max` is not below `value`. */
export function claimRules(ctx: ValidationContext): Diagnostic[] {
  return ctx.events.flatMap(({ file, data }) =>
    (data.claims ?? []).flatMap((c, i) =>
      c.value !== undefined && c.max !== undefined && c.max < c.value
        ? [report('schema/format', file, ['claims', i, 'max'], `The upper bound ${c.max} is below the value ${c.value}.`, { expected: `a max of at least ${c.value}` })]
        : [],
    ),
  );
}
