import { Composer, isAlias, isCollection, isNode, isPair, isScalar, LineCounter, Parser, visit, type Alias, type CST, type Document } from 'yaml';
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

/** Deeper than any content file needs (an event's citations sit three levels down); stops a stack overflow. */
export const MAX_YAML_DEPTH = 32;
/** Aliases expanded per file, nested ones counted in full: a few are useful, thousands are a billion-laughs bomb. */
export const MAX_ALIAS_EXPANSIONS = 100;
/** Keys that would reach an object's prototype when a mapping is copied or indexed. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * YAML 1.2 core schema through the yaml package alone: `2023-09-20` stays a string (YAML 1.1 would make it a
 * UTC-midnight Date), `0123` stays 123 rather than octal, and duplicate keys, unknown tags (`!!js/function`),
 * prototype keys, deep nesting and alias bombs are errors with a line.
 * `lineOffset` shifts positions when the YAML starts below line 1 of its file. `allowDuplicateKeys` (the last
 * one wins) is only for reading on after a duplicate has been reported.
 */
export function parseYaml(source: string, lineOffset = 0, options: { allowDuplicateKeys?: boolean } = {}): ParsedYaml {
  // One parser, no js-yaml fast path to keep in agreement, at a measured cost: `npm run check` at 10,000 events takes 2.2x the CPU (6.7 s against 3.2 s).
  const { value } = readDocument(source, lineOffset, options);
  // Positions are needed only to report a problem, and keeping every document model cost about 60 MB of peak
  // memory at 10,000 events: it is read again for the files that have one.
  let read: ReturnType<typeof readDocument> | undefined;
  const positions = () => (read ??= readDocument(source, lineOffset, options));
  return {
    value,
    locate: (path) => positions().at(nodeStart(positions().doc, path, false)),
    locateKey: (path) => positions().at(nodeStart(positions().doc, path, true)),
  };
}

function readDocument(source: string, lineOffset: number, options: { allowDuplicateKeys?: boolean }): { value: unknown; doc: Document.Parsed; at: (offset: number | undefined) => Position } {
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined): Position => {
    if (offset === undefined) return { line: 1 + lineOffset, column: 1 };
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(source));
  const tooDeep = deepestToken(tokens);
  if (tooDeep !== undefined) {
    throw new YamlSyntaxError(`The YAML is nested more than ${MAX_YAML_DEPTH} levels deep; content files need only a few levels`, at(tooDeep), 'TOO_DEEP');
  }
  const composer = new Composer({ version: '1.2', schema: 'core', uniqueKeys: !options.allowDuplicateKeys, logLevel: 'error' });
  const docs = Array.from(composer.compose(tokens, true, source.length));
  const doc = docs[0]!;
  const second = docs[1];
  const first = doc.errors[0] ?? (second ? { code: 'MULTIPLE_DOCS', pos: second.range, message: 'A second YAML document starts here; a content file holds one' } : undefined);
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    const explained = explainYamlError(source, first.code, first.message.split('\n')[0] ?? 'YAML syntax error', pos);
    const duplicate = explained.duplicate
      ? { key: explained.duplicate.key, firstLine: explained.duplicate.firstLine === null ? null : explained.duplicate.firstLine + lineOffset }
      : undefined;
    throw new YamlSyntaxError(explained.message, { line: explained.line + lineOffset, column: explained.column }, first.code, duplicate);
  }
  const unknownTag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (unknownTag) {
    const tag = /^[^\s,\]}]+/.exec(source.slice(unknownTag.pos[0]))?.[0] ?? 'tag';
    throw new YamlSyntaxError(`The tag \`${tag}\` is not allowed: content files hold plain values; remove the tag`, at(unknownTag.pos[0]), 'TAG_RESOLVE_FAILED');
  }
  checkKeysAndAliases(doc, at);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS }) ?? {};
  } catch (error) {
    // The alias checks above come first; this is a backstop, pointing at the first alias.
    let alias: Alias | undefined;
    visit(doc, { Alias: (_key, node) => ((alias = node), visit.BREAK) });
    throw new YamlSyntaxError(`Too many aliases (\`*name\`): ${error instanceof Error ? error.message : String(error)}`, at(alias?.range?.[0]), 'ALIAS_COUNT');
  }
  return { value, doc, at };
}

/** The offset of the first node nested deeper than MAX_YAML_DEPTH, walked without recursion. */
function deepestToken(tokens: readonly CST.Token[]): number | undefined {
  const stack: { token: CST.Token | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push({ token: token.value, depth });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth >= MAX_YAML_DEPTH) return token.offset;
      for (const item of token.items) {
        if ('key' in item) stack.push({ token: item.key ?? undefined, depth: depth + 1 });
        stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/**
 * Prototype keys, aliases to nothing or to the collection they sit in, and aliases that expand past
 * MAX_ALIAS_EXPANSIONS, each reported at its own line.
 */
function checkKeysAndAliases(doc: Document.Parsed, at: (offset: number | undefined) => Position): void {
  const expansions = new Map<unknown, number>();
  const expanding = new Set<unknown>();
  // How many aliases expanding `node` dereferences, nested ones counted in full.
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) {
        throw new YamlSyntaxError(`The alias \`*${node.source}\` refers to no anchor \`&${node.source}\` defined before it`, at(node.range?.[0]), 'BAD_ALIAS');
      }
      if (expanding.has(target)) {
        throw new YamlSyntaxError(`The alias \`*${node.source}\` sits inside the value it refers to`, at(node.range?.[0]), 'ALIAS_CYCLE');
      }
      let n = expansions.get(target);
      if (n === undefined) {
        expanding.add(target);
        n = size(target);
        expanding.delete(target);
        expansions.set(target, n);
      }
      return 1 + n;
    }
    if (isPair(node)) return size(node.key) + size(node.value);
    if (isCollection(node)) return node.items.reduce((sum: number, item) => sum + size(item), 0);
    return 0;
  };
  let total = 0;
  visit(doc, {
    Pair: (_key, pair) => {
      if (isScalar(pair.key) && PROTOTYPE_KEYS.has(String(pair.key.value))) {
        throw new YamlSyntaxError(
          `The key \`${String(pair.key.value)}\` is not allowed: it names a JavaScript object's prototype; rename it`,
          at(pair.key.range?.[0]),
          'PROTOTYPE_KEY',
        );
      }
    },
    Alias: (_key, alias) => {
      total += size(alias);
      if (total > MAX_ALIAS_EXPANSIONS) {
        throw new YamlSyntaxError(
          `The alias \`*${alias.source}\` expands into too many copies (over ${MAX_ALIAS_EXPANSIONS} aliases in all): write the values out instead`,
          at(alias.range?.[0]),
          'ALIAS_COUNT',
        );
      }
    },
  });
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
