/** A problem found in content, reported as a value so that every problem in every file is collected first. */
export interface Diagnostic {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  column: number;
  /** Dotted field path, e.g. `sources[1].quote`; empty for whole-file problems. */
  field: string;
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  expected?: string;
  actual?: string;
  hint?: string;
  /** Another place involved, e.g. the first definition of a duplicate id. */
  related?: { file: string; line: number };
}

export interface Position {
  line: number;
  column: number;
}

export const NO_POSITION: Position = { line: 0, column: 0 };

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: by file, then line, column and rule, so reports read top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.field.localeCompare(b.field),
  );
}
