import type { Diagnostic, Position } from '../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../diagnostics/make.ts';
import type { RuleId } from '../diagnostics/catalog.ts';
import type { YamlPath } from '../load/yaml.ts';
import { formatPath } from './zod-issues.ts';

/** A file whose fields can be located: a data file or a Markdown file's front matter. */
export type Located = { file: string; yaml: { locate(path: YamlPath): Position } };

/**
 * The field path each rule reported at, kept beside the diagnostic (whose `field` is display text) so that
 * the rule families' findings can be merged back into one file-by-file, field-by-field order.
 */
const paths = new WeakMap<Diagnostic, YamlPath>();

export function pathOf(diagnostic: Diagnostic): YamlPath | undefined {
  return paths.get(diagnostic);
}

export function withPath(diagnostic: Diagnostic, path: YamlPath): Diagnostic {
  paths.set(diagnostic, path);
  return diagnostic;
}

export interface Extra {
  expected?: string;
  hint?: string;
  related?: Diagnostic['related'];
}

/** A diagnostic at a field of a file, with the catalog's severity and hint. */
export function report(ruleId: RuleId, at: Located, path: YamlPath, message: string, extra: Extra = {}): Diagnostic {
  return withPath(
    makeDiagnostic(ruleId, at.file, at.yaml.locate(path), {
      field: formatPath(path),
      message,
      ...(extra.expected ? { expected: extra.expected } : {}),
      ...(extra.hint ? { hint: extra.hint } : {}),
      ...(extra.related ? { related: extra.related } : {}),
    }),
    path,
  );
}
