import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/, lowest first: a module may import from its own layer's folder and from lower layers, never
 * from a higher one, and no chain of imports may come back to where it started. The README's Architecture section
 * draws the same table.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['lib', 'diagnostics'],
  ['schema', 'markdown'],
  ['load'],
  ['validate'],
  ['model'],
  ['views'],
  ['exports', 'search'],
  ['pipeline'],
  ['eleventy'],
  ['build'],
  ['serve', 'verify', 'scaffold', 'extract', 'cms'],
  ['cli'],
];

const SRC = resolve(import.meta.dirname, '../../src');

/** The layer folder of a file under src/: its first folder, or its own name without extension for a top-level file. */
function folderOf(file: string): string {
  const [first] = relative(SRC, file).split(sep);
  return first!.replace(/\.[cm]?[tj]s$/, '');
}

function rankOf(folder: string): number {
  const rank = LAYERS.findIndex((layer) => layer.includes(folder));
  if (rank < 0) throw new Error(`src/${folder} belongs to no layer: add it to LAYERS (and to the README's diagram)`);
  return rank;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs|js)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Every relative module a file names: static imports and re-exports (type-only too), dynamic imports, workers. */
export function importsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const named = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
  // Workers are started by URL: `new Worker(new URL('./worker.mjs', import.meta.url))`.
  const urls = [...text.matchAll(/new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g)].map((m) => m[1]!);
  return [...named, ...urls].filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s));
}

export interface Edge {
  from: string;
  to: string;
}

/** Imports that go up the layers, and import cycles (each once, as a path of files). */
export function checkLayers(graph: ReadonlyMap<string, readonly string[]>, rank: (file: string) => number): { upward: Edge[]; cycles: string[][] } {
  const upward: Edge[] = [];
  for (const [from, tos] of graph) for (const to of tos) if (rank(to) > rank(from)) upward.push({ from, to });
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return { upward, cycles };
}

describe('layers: imports only go down, and never in a circle', () => {
  const files = sourceFiles(SRC);
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((to) => to.startsWith(SRC + sep))]));
  const show = (f: string) => relative(SRC, f);

  it('every folder of src/ belongs to a layer', () => {
    for (const f of files) expect(() => rankOf(folderOf(f))).not.toThrow();
  });

  it('no module imports from a higher layer', () => {
    const { upward } = checkLayers(graph, (f) => rankOf(folderOf(f)));
    expect(upward.map((e) => `${show(e.from)} -> ${show(e.to)}`)).toEqual([]);
  });

  it('no import cycle, even within a layer', () => {
    const { cycles } = checkLayers(graph, (f) => rankOf(folderOf(f)));
    expect(cycles.map((c) => c.map(show).join(' -> '))).toEqual([]);
  });

  it('reads every kind of import, so that a hidden one cannot slip past', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "const d = await import('./d.ts');",
      "new Worker(new URL('./e.mjs', import.meta.url));",
      "import x from 'node:fs';",
    ].join('\n');
    expect(importsOf('/p/src/x/f.ts', text)).toEqual(['/p/src/x/a.ts', '/p/src/b.ts', '/p/src/x/c.ts', '/p/src/x/d.ts', '/p/src/x/e.mjs']);
  });

  it('finds an upward import and a cycle when there is one', () => {
    const g = new Map([
      ['low', ['high']],
      ['high', ['mid']],
      ['mid', ['high']],
    ]);
    const rank = (f: string) => ({ low: 0, mid: 1, high: 2 })[f]!;
    const { upward, cycles } = checkLayers(g, rank);
    expect(upward).toEqual([
      { from: 'low', to: 'high' },
      { from: 'mid', to: 'high' },
    ]);
    expect(cycles).toEqual([['high', 'mid', 'high']]);
  });
});
