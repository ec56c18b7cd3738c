import { RULES, type RuleId } from './catalog.ts';
import type { Diagnostic, Position } from './diagnostic.ts';

export interface DiagnosticInput {
  field?: string;
  message: string;
  expected?: string;
  actual?: string;
  hint?: string;
  related?: Diagnostic['related'];
}

/** Builds a diagnostic whose severity and default hint come from the catalog. */
export function makeDiagnostic(ruleId: RuleId, file: string, at: Position, input: DiagnosticInput): Diagnostic {
  const rule = RULES[ruleId];
  return {
    file,
    line: at.line,
    column: at.column,
    field: input.field ?? '',
    ruleId,
    severity: rule.severity,
    message: input.message,
    ...(input.expected === undefined ? {} : { expected: input.expected }),
    ...(input.actual === undefined ? {} : { actual: input.actual }),
    hint: input.hint ?? rule.hint,
    ...(input.related === undefined ? {} : { related: input.related }),
  };
}
