import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../diagnostics/make.ts';
import type { ParsedYaml, YamlPath } from '../load/yaml.ts';

/** `sources[1].quote` */
export function formatPath(path: YamlPath): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false, without quotes',
  array: 'a list, e.g. `[a, b]` or one `- item` per line',
  object: 'a set of fields',
};

/** zod's wording ("Invalid input: expected string, received number") in the editor's words. */
function expectedText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return KINDS[issue.expected] ?? issue.expected;
  return issue.message.replace(/^Invalid input: /, '').replace(/^expected /, '');
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'empty value';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'set of fields';
  if (typeof value === 'string') return `text \`${value.length > 40 ? `${value.slice(0, 39)}…` : value}\``;
  return `${typeof value} \`${String(value)}\``;
}

/**
 * Turns zod's issues into diagnostics that point at the offending line and speak the editor's language:
 * "Unexpected X in `field`, expected Y".
 */
export function zodIssuesToDiagnostics(
  error: z.ZodError,
  file: string,
  yaml: ParsedYaml,
  knownKeys: (path: YamlPath) => readonly string[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const input = getIn(yaml.value, path);
    const field = formatPath(path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        const known = knownKeys(path);
        const guess = known.length > 0 ? closest(key, known as string[]) : undefined;
        const suggest = guess && isClose(key, guess) ? ` Did you mean \`${guess}\`?` : '';
        out.push(
          makeDiagnostic('schema/unknown-key', file, yaml.locateKey(keyPath), {
            field: formatPath(keyPath),
            message: `Unexpected field \`${key}\`.${suggest}`,
            expected: `one of ${known.map((k) => `\`${k}\``).join(', ')}`,
            actual: key,
          }),
        );
      }
      continue;
    }
    if (issue.code === 'invalid_type' && input === undefined) {
      out.push(
        makeDiagnostic('schema/required', file, yaml.locate(path), {
          field,
          message: `Missing required field \`${field}\`.`,
          expected: expectedText(issue),
        }),
      );
      continue;
    }
    if (issue.code === 'invalid_value') {
      const values = issue.values.map((v) => `\`${String(v)}\``).join(', ');
      out.push(
        makeDiagnostic('schema/enum', file, yaml.locate(path), {
          field,
          message: `Unexpected ${describe(input)} in \`${field}\`.`,
          expected: `one of ${values}`,
          actual: String(input),
        }),
      );
      continue;
    }
    if (issue.code === 'custom' && input !== undefined && typeof issue.params?.unknown === 'string') {
      // A value of the right kind that names nothing known, such as a time zone that does not exist.
      out.push(
        makeDiagnostic('schema/format', file, yaml.locate(path), {
          field,
          message: `Unknown ${issue.params.unknown} ${describe(input).replace(/^text /, '')} in \`${field}\`.`,
          expected: expectedText(issue),
          actual: String(input),
        }),
      );
      continue;
    }
    if (issue.code === 'custom') {
      // Our own cross-field rules (e.g. a claim's value or figure) carry their whole message.
      out.push(makeDiagnostic('schema/required', file, yaml.locate(path), { field, message: `${issue.message[0]!.toUpperCase()}${issue.message.slice(1)}.` }));
      continue;
    }
    const rule = issue.code === 'invalid_type' ? 'schema/type' : 'schema/format';
    out.push(
      makeDiagnostic(rule, file, yaml.locate(path), {
        field,
        message: `Unexpected ${describe(input)} in \`${field}\`.`,
        expected: expectedText(issue),
        actual: input === undefined ? undefined : String(input),
      }),
    );
  }
  return out;
}

function isClose(a: string, b: string): boolean {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la.includes(lb) || lb.includes(la) || distance(la, lb) <= Math.max(2, Math.floor(b.length / 3));
}

export function getIn(value: unknown, path: YamlPath): unknown {
  let current: unknown = value;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** The closest id to a misspelt reference, if any is close enough to suggest. */
export function suggestId(wrong: string, known: Iterable<string>): string | undefined {
  const list = [...known];
  if (list.length === 0) return undefined;
  const guess = closest(wrong, list);
  return isClose(wrong, guess) ? guess : undefined;
}
