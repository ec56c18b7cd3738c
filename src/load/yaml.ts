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
  ) {
    super(message);
  }
}

/**
 * YAML 1.2 core schema: `2023-09-20` stays a string (YAML 1.1 would make it a UTC-midnight Date), `0123` stays
 * 123 rather than octal, and duplicate keys are errors rather than silently overwritten.
 * `lineOffset` shifts positions when the YAML starts below line 1 of its file.
 */
export function parseYaml(source: string, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { version: '1.2', schema: 'core', uniqueKeys: true, lineCounter, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw new YamlSyntaxError(first.message.split('\n')[0] ?? 'YAML syntax error', {
      line: pos.line + lineOffset,
      column: pos.col,
    });
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
