import jsyaml from 'js-yaml';
import { isNode, LineCounter, parseDocument, visit, type Alias, type Document } from 'yaml';
import type { Position } from '../diagnostics/diagnostic.ts';

export type YamlPath = readonly (string | number)[];

export interface ParsedYaml {
  value: unknown;
  /** Where a field's value (or, failing that, its nearest parent) starts; 1-based lines of the file. */
  locate(path: YamlPath): Position;
  /** Where a mapping key itself starts, for unknown-key reports. */
  locateKey(path: YamlPath): Position;
}

export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: Position,
    /** The yaml package's error code, e.g. `DUPLICATE_KEY`, `TAB_AS_INDENT`. */
    readonly code?: string,
    /** For a duplicate key: the key, and the line of its first definition. */
    readonly duplicate?: { key: string; firstLine: number | null },
  ) {
    super(message);
  }
}

/**
 * YAML 1.2 core schema: `2023-09-20` stays a string (YAML 1.1 would make it a UTC-midnight Date), `0123` stays
 * 123 rather than octal, and duplicate keys are errors rather than silently overwritten.
 * `lineOffset` shifts positions when the YAML starts below line 1 of its file. `allowDuplicateKeys` (the last
 * one wins) is only for reading on after a duplicate has been reported.
 */
export function parseYaml(source: string, lineOffset = 0, options: { allowDuplicateKeys?: boolean } = {}): ParsedYaml {
  const quick = options.allowDuplicateKeys ? undefined : quickLoad(source);
  if (quick === undefined) return parseYamlDocument(source, lineOffset, options);
  // Positions are only needed to report a problem, so the document model is built only when one is located.
  let document: ParsedYaml | undefined;
  const positions = (): ParsedYaml => (document ??= parseYamlDocumentOrStart(source, lineOffset));
  return {
    value: quick.value ?? {},
    locate: (path) => positions().locate(path),
    locateKey: (path) => positions().locateKey(path),
  };
}

/**
 * The YAML 1.2 core schema's scalars exactly as the yaml package resolves them (js-yaml's own core schema also
 * reads `0b1010`, `1_000` and `+.5e`-style numbers). Quoted and block scalars are always strings.
 */
const CORE_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    new jsyaml.Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (data: string | null) => data === null || /^(?:~|[Nn]ull|NULL)?$/.test(data),
      construct: () => null,
    }),
    new jsyaml.Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (data: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(data),
      construct: (data: string) => data[0] === 't' || data[0] === 'T',
    }),
    new jsyaml.Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (data: string) => /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(data),
      construct: (data: string) =>
        data.startsWith('0o') ? parseInt(data.slice(2), 8) : data.startsWith('0x') ? parseInt(data.slice(2), 16) : parseInt(data, 10),
    }),
    new jsyaml.Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (data: string) =>
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/.test(data),
      construct: (data: string) =>
        /nan$/i.test(data) ? NaN : /inf$/i.test(data) ? (data[0] === '-' ? -Infinity : Infinity) : parseFloat(data),
    }),
  ],
});

/**
 * Reads most front matter ten times faster than the yaml package's document model (0.1 s against 1 s for
 * 10,000 events). Anything the two might read differently goes to the yaml package instead: anchors, aliases,
 * tags, directives, tabs, and whatever js-yaml rejects (duplicate keys among it), so every error message and
 * position still comes from one parser. `tests/unit/yaml.test.ts` compares the two on mutated front matter.
 */
export function quickLoad(source: string): { value: unknown } | undefined {
  // `\S#`: yaml refuses a comment not preceded by a space, js-yaml reads it. `? ` and `]:`: a complex key.
  // `---`, `...`: document markers, which the two read differently when text follows them on the line.
  if (/[&*!\t]|\r(?!\n)|^%|^---|^\.\.\.|\S#|[\]}]\s*:|(?:^[ -]*|[[{,]\s*)\?(?:\s|$)/m.test(source)) return undefined;
  // js-yaml allows a scalar or a flow collection ([a, b]) to continue on a less indented line; yaml does not. So
  // anything spanning lines, other than a block collection, goes to yaml too, as does a key read as null.
  const opened: { line: number; flow: boolean }[] = [];
  let differs = false;
  const listener = (event: 'open' | 'close', state: ListenerState) => {
    if (event === 'open') {
      let at = state.position;
      while (at < state.input.length && ' \r\n'.includes(state.input[at]!)) at++;
      const next = state.input[at];
      opened.push({ line: state.line, flow: next === '[' || next === '{' || next === '#' });
      return;
    }
    const node = opened.pop()!;
    if (node.line !== state.line && (node.flow || state.kind === 'scalar')) differs = true;
  };
  try {
    const value: unknown = jsyaml.load(source, { schema: CORE_SCHEMA, listener } as jsyaml.LoadOptions);
    return differs || hasOddKey(value) ? undefined : { value };
  } catch {
    return undefined;
  }
}

/** A key read as null (js-yaml names it `null`, yaml ``), or one too long for yaml (over 1,024 characters). */
function hasOddKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasOddKey);
  if (typeof value !== 'object' || value === null) return false;
  return Object.keys(value).some((key) => key === 'null' || key.length > 1000) || Object.values(value).some(hasOddKey);
}

interface ListenerState {
  input: string;
  position: number;
  line: number;
  kind: string | null;
  result: unknown;
}

function parseYamlDocumentOrStart(source: string, lineOffset: number): ParsedYaml {
  try {
    return parseYamlDocument(source, lineOffset, {});
  } catch {
    const start = { line: 1 + lineOffset, column: 1 };
    return { value: undefined, locate: () => start, locateKey: () => start };
  }
}

/** The yaml package's reading, with positions: every error message and every located diagnostic comes from it. */
export function parseYamlDocument(source: string, lineOffset: number, options: { allowDuplicateKeys?: boolean }): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { version: '1.2', schema: 'core', uniqueKeys: !options.allowDuplicateKeys, lineCounter, prettyErrors: false, logLevel: 'error' });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    const explained = explainYamlError(source, first.code, first.message.split('\n')[0] ?? 'YAML syntax error', pos);
    const duplicate = explained.duplicate
      ? { key: explained.duplicate.key, firstLine: explained.duplicate.firstLine === null ? null : explained.duplicate.firstLine + lineOffset }
      : undefined;
    throw new YamlSyntaxError(explained.message, { line: explained.line + lineOffset, column: explained.column }, first.code, duplicate);
  }
  const at = (offset: number | undefined): Position => {
    if (offset === undefined) return { line: 1 + lineOffset, column: 1 };
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (error) {
    // An alias to no anchor before it, or aliases nested deep enough to expand into a huge document.
    let alias: Alias | undefined;
    visit(doc, { Alias: (_key, node) => (node.resolve(doc) ? undefined : ((alias = node), visit.BREAK)) });
    const pos = at(alias?.range?.[0]);
    throw new YamlSyntaxError(
      alias
        ? `The alias \`*${alias.source}\` refers to no anchor \`&${alias.source}\` defined before it`
        : `Too many aliases (\`*name\`): ${error instanceof Error ? error.message : String(error)}`,
      pos,
      alias ? 'BAD_ALIAS' : 'ALIAS_COUNT',
    );
  }
  return {
    value,
    locate: (path) => at(nodeStart(doc, path, false)),
    locateKey: (path) => at(nodeStart(doc, path, true)),
  };
}

function nodeStart(doc: Document, path: YamlPath, key: boolean): number | undefined {
  // Walk down as far as the path exists, so a missing field points at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    if (key && depth === path.length && depth > 0) {
      const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
      const pair = findPair(parent, sub[sub.length - 1]!);
      if (pair !== undefined) return pair;
      continue;
    }
    const node = depth === 0 ? doc.contents : doc.getIn(sub, true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}

function findPair(parent: unknown, key: string | number): number | undefined {
  if (!isNode(parent) || !('items' in parent) || !Array.isArray(parent.items)) return undefined;
  for (const item of parent.items as unknown[]) {
    const k = (item as { key?: unknown }).key;
    if (isNode(k) && 'value' in k && String((k as { value: unknown }).value) === String(key) && k.range) {
      return k.range[0];
    }
  }
  return undefined;
}

/**
 * The yaml package's wording, made specific where editors commonly go wrong: tabs, duplicate keys and unclosed
 * quotes. Positions are 1-based within `source`.
 */
export function explainYamlError(
  source: string,
  code: string,
  message: string,
  pos: { line: number; col: number },
): { message: string; line: number; column: number; duplicate?: { key: string; firstLine: number | null } } {
  const lines = source.split('\n');
  const text = lines[pos.line - 1] ?? '';
  const indent = /^[ \t]*/.exec(text)![0];
  if (code === 'TAB_AS_INDENT' || (code === 'BAD_INDENT' && indent.includes('\t'))) {
    return {
      message: `A tab is used for indentation on line ${pos.line}; YAML indents with spaces only (two per level)`,
      line: pos.line,
      column: indent.indexOf('\t') + 1,
    };
  }
  if (code === 'DUPLICATE_KEY') {
    const key = /^\s*(?:-\s+)?(["']?)([^"':#]+)\1\s*:/.exec(text.slice(pos.col - 1))?.[2]?.trim() ?? /^\s*(?:-\s+)?([^:#]+):/.exec(text)?.[1]?.trim();
    if (key) {
      const firstLine = lines.findIndex((l, i) => i < pos.line - 1 && new RegExp(`^\\s*(?:-\\s+)?["']?${escapeRegExp(key)}["']?\\s*:`).test(l) && leadingWidth(l) === leadingWidth(text));
      const where = firstLine === -1 ? '' : `; the first is on line ${firstLine + 1}`;
      return {
        message: `Duplicate key \`${key}\`: keys must be unique${where}`,
        line: pos.line,
        column: pos.col,
        duplicate: { key, firstLine: firstLine === -1 ? null : firstLine + 1 },
      };
    }
  }
  if (code === 'MISSING_CHAR' && /quote/.test(message)) {
    // The parser notices at the end of the document; the editor needs the line where the quote was opened.
    for (let i = Math.min(pos.line, lines.length) - 1; i >= 0; i--) {
      const l = lines[i]!;
      const quotes = (l.replace(/\\./g, '').match(/"/g) ?? []).length;
      if (quotes % 2 === 1) {
        return { message: `A quoted value opened on line ${i + 1} is never closed: add the closing \`"\``, line: i + 1, column: l.indexOf('"') + 1 };
      }
    }
  }
  return { message, line: pos.line, column: pos.col };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Width of the indentation including a list item's `- `, so sibling keys compare equal. */
const leadingWidth = (l: string) => /^[ \t]*(?:-\s+)?/.exec(l)![0].length;

/** Top-level keys defined more than once, each repeat with its line and the line of the first definition. */
export function repeatedTopLevelKeys(source: string): { key: string; line: number; firstLine: number }[] {
  const first = new Map<string, number>();
  const out: { key: string; line: number; firstLine: number }[] = [];
  source.split('\n').forEach((text, i) => {
    const key = /^(["']?)([^\s#"'][^:#]*?)\1\s*:(?:\s|$)/.exec(text)?.[2];
    if (key === undefined) return;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i + 1);
    else out.push({ key, line: i + 1, firstLine: seen });
  });
  return out;
}
