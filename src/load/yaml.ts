import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
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
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { version: '1.2', schema: 'core', uniqueKeys: !options.allowDuplicateKeys, lineCounter, prettyErrors: false });
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
  return {
    value: doc.toJS({ maxAliasCount: 50 }) ?? {},
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
