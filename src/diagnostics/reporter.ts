import { sortDiagnostics, type Diagnostic } from './diagnostic.ts';

/**
 * C0 and C1 controls, and the bidi embeddings, overrides and isolates. A field value is the editor's (or a
 * pasted article's) text: printed raw, `ESC ]0;…` retitles the terminal, `ESC [2J` clears it, and U+202E
 * reverses what follows, so a report could hide or fake its own lines.
 */
// eslint-disable-next-line no-control-regex -- matching controls is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** In a line of text a newline or tab from a value would break the `file:line:col  message` layout too. */
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Shows terminal controls as `\u001b`, so that printing a diagnostic can never act on the terminal. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE_IN_LINE, visible);
}

/** The same for text of several lines (a usage message, extract's drafts): tabs and line breaks are kept. */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * JSON for `--format=json`. JSON.stringify already writes C0 controls as `\u001b`; C1 controls and bidi
 * overrides it leaves raw, and these escapes keep the document valid and its decoded values unchanged.
 */
export function toSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE, visible);
}

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
    const lines = [escapeControls(file)];
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
  if (d.related) extra.push(`      see also ${escapeControls(d.related.file)}:${d.related.line}`);
  if (d.hint) extra.push(`      hint: ${escapeControls(d.hint)}`);
  return [escapeControls(head), ...extra].join('\n');
}

export function summarise(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (diagnostics.length === 0) return 'No problems found.';
  return `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')}.`;
}

/**
 * The report shown when content stops a build (the build command, the Eleventy plugin, the preview): every
 * error grouped by file, a blank line, then the count. `after` follows the count on its line.
 */
export function failureReport(diagnostics: readonly Diagnostic[], after = ''): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return `${formatDiagnostics(errors)}\n\n${summarise(errors)}${after ? ` ${after}` : ''}`;
}
