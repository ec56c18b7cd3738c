import type { RuleId } from '../../diagnostics/catalog.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../../diagnostics/make.ts';
import type { YamlPath } from '../../load/yaml.ts';
import type { ValidationContext } from '../context.ts';
import { report, type Located } from '../report.ts';
import { formatPath } from '../zod-issues.ts';

/**
 * Characters that are invisible or unsafe in a reader's page, the search index and the feeds. A lone surrogate
 * cannot be written as UTF-8 at all (Pagefind stops on it); C0 and C1 controls are not allowed in XML, so a feed
 * holding one is not well-formed. Bidi controls and zero-width characters are legal but hide what a text says
 * or how it sorts and matches, so they are warnings.
 */
// eslint-disable-next-line no-control-regex -- finding controls is the point
const SUSPECT = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]/g;

const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

function classify(c: string): { ruleId: RuleId; what: string } {
  const n = c.charCodeAt(0);
  if (n >= 0xd800 && n <= 0xdfff) return { ruleId: 'text/lone-surrogate', what: `lone surrogate ${codePoint(c)}` };
  if (n < 0x20 || (n >= 0x7f && n <= 0x9f)) return { ruleId: 'text/control-character', what: `control character ${codePoint(c)}` };
  if ((n >= 0x202a && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069)) return { ruleId: 'text/bidi-control', what: `bidirectional control ${codePoint(c)}` };
  return { ruleId: 'text/zero-width', what: `invisible character ${codePoint(c)}` };
}

/** Each suspect character in one text: its rule, what it is, and its 1-based position in the text. */
export function suspectCharacters(text: string): { ruleId: RuleId; what: string; index: number }[] {
  // No `u` flag: a lone surrogate is one code unit, which is what needs finding.
  return [...text.matchAll(SUSPECT)].map((m) => ({ ...classify(m[0]), index: m.index }));
}

/** Every string in a parsed YAML value, with its path. */
function* strings(value: unknown, path: YamlPath = []): Generator<[YamlPath, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
}

function inFields(at: Located & { yaml: { value: unknown } }): Diagnostic[] {
  return [...strings(at.yaml.value)].flatMap(([path, text]) =>
    suspectCharacters(text).map(({ ruleId, what, index }) =>
      report(ruleId, at, path, `Unexpected ${what} in \`${formatPath(path)}\`, at character ${index + 1}.`, {
        expected: 'text without control, bidirectional or invisible characters',
      }),
    ),
  );
}

/** In a Markdown body tabs and line breaks are text; the position is the character's own line and column. */
function inBody(file: string, body: string, bodyLine: number): Diagnostic[] {
  return suspectCharacters(body).map(({ ruleId, what, index }) => {
    const before = body.slice(0, index).split('\n');
    const at = { line: bodyLine + before.length - 1, column: before[before.length - 1]!.length + 1 };
    return makeDiagnostic(ruleId, file, at, { message: `Unexpected ${what} in the text.`, expected: 'text without control, bidirectional or invisible characters' });
  });
}

/** Text hygiene in every string field of the site, the lists, sources and events, and in their bodies. */
export function textRules(ctx: ValidationContext): Diagnostic[] {
  const data = [ctx.raw.site, ctx.raw.categories, ctx.raw.actors, ctx.raw.places].flatMap((file) => (file ? inFields(file) : []));
  const markdown = [...ctx.raw.sources, ...ctx.raw.events].flatMap((file) => [...inFields(file), ...inBody(file.file, file.body, file.bodyLine)]);
  return [...data, ...markdown];
}
