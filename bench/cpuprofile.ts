/**
 * Summarises V8 CPU profiles: where a build's time goes, by module and by function (self time).
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx src/cli/build.ts --output=/tmp/out   (in a generated project)
 *   node --import tsx bench/cpuprofile.ts /tmp/prof [top]
 *
 * Each thread writes its own .cpuprofile (worker threads too); each is summarised on its own.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/@11ty/eleventy/src/Template.js` → `@11ty/eleventy`; `src/model/x.ts` → `src/model`; `node:fs` → `node:internal`. */
export function moduleOf(url: string): string {
  if (url === '') return '(native / VM)';
  if (url.startsWith('node:')) return 'node (built-in)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm !== -1) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const src = /\/(src|templates|bench)\/(?:([^/]+)\/)?/.exec(url);
  if (src) return src[2] && !src[2].includes('.') ? `${src[1]}/${src[2]}` : src[1]!;
  return url.replace(/^file:\/\//, '');
}

/** `render node_modules/nunjucks/src/environment.js:120` → `render (nunjucks environment.js:120)`. */
function label(frame: CallFrame): string {
  if (!frame.url) return frame.functionName || '(anonymous)';
  const file = frame.url.split('/').pop();
  return `${frame.functionName || '(anonymous)'} (${moduleOf(frame.url)} ${file}:${frame.lineNumber + 1})`;
}

const SPECIAL = ['(idle)', '(program)', '(garbage collector)', '(root)'];

export interface Summary {
  totalMs: number;
  byModule: Map<string, number>;
  byFunction: Map<string, number>;
  /** Time inside each of the project's own functions (src/), callees included; recursion counted once. */
  inclusive: Map<string, number>;
}

export function summarise(profile: Profile): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    const module = SPECIAL.includes(frame.functionName) ? frame.functionName : moduleOf(frame.url);
    byModule.set(module, (byModule.get(module) ?? 0) + ms);
    byFunction.set(label(frame), (byFunction.get(label(frame)) ?? 0) + ms);
  }
  const inclusive = new Map<string, number>();
  const total = (id: number, active: Set<string>): number => {
    const node = byId.get(id)!;
    const key = moduleOf(node.callFrame.url).startsWith('src') ? label(node.callFrame) : null;
    const counted = key !== null && !active.has(key);
    if (counted) active.add(key);
    let ms = self.get(id) ?? 0;
    for (const child of node.children ?? []) ms += total(child, active);
    if (counted) {
      active.delete(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
    return ms;
  };
  const children = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  for (const node of profile.nodes) if (!children.has(node.id)) total(node.id, new Set());
  return { totalMs: (profile.endTime - profile.startTime) / 1000, byModule, byFunction, inclusive };
}

function top(map: Map<string, number>, n: number, totalMs: number): string {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `${(ms / 1000).toFixed(2).padStart(8)} s ${((100 * ms) / totalMs).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n');
}

if (process.argv[1] && process.argv[1].endsWith('cpuprofile.ts')) {
  const dir = process.argv[2];
  const n = Number(process.argv[3] ?? 25);
  if (!dir) {
    console.error('Usage: node --import tsx bench/cpuprofile.ts <folder of .cpuprofile files> [top]');
    process.exit(2);
  }
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort()) {
    const { totalMs, byModule, byFunction, inclusive } = summarise(JSON.parse(await readFile(join(dir, name), 'utf8')) as Profile);
    console.log(`\n== ${name}: ${(totalMs / 1000).toFixed(2)} s profiled\n\nself time by module:\n${top(byModule, n, totalMs)}`);
    console.log(`\nself time by function:\n${top(byFunction, n, totalMs)}`);
    console.log(`\ntime in the project's functions, callees included:\n${top(inclusive, n, totalMs)}`);
  }
}
