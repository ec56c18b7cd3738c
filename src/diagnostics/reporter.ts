import { sortDiagnostics, type Diagnostic } from './diagnostic.ts';

/** `content/events/x.md:12:3  sources[0].quote: message (expected …)  rule/id`, grouped by file like a linter. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of sortDiagnostics(diagnostics)) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const blocks: string[] = [];
  for (const [file, list] of byFile) {
    const lines = [file];
    for (const d of list) lines.push(formatOne(d));
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

export function formatOne(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const field = d.field ? `${d.field}: ` : '';
  const expected = d.expected ? ` (expected ${d.expected})` : '';
  const head = `  ${where}  ${d.severity === 'warning' ? 'warning  ' : ''}${field}${d.message}${expected}  ${d.ruleId}`;
  const extra: string[] = [];
  if (d.related) extra.push(`      see also ${d.related.file}:${d.related.line}`);
  if (d.hint) extra.push(`      hint: ${d.hint}`);
  return [head, ...extra].join('\n');
}

export function summarise(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (diagnostics.length === 0) return 'No problems found.';
  return `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')}.`;
}
