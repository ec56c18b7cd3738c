import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { YamlPath } from '../load/yaml.ts';
import type { ValidationContext } from './context.ts';
import type { ValidatedRecords } from './model.ts';
import { pathOf } from './report.ts';

/** When a family's findings are reported: with their file, after every file (unused entries, then the order within days), or last (style). */
export type Phase = 'file' | 'unused' | 'order' | 'style';

export interface Family {
  name: string;
  phase: Phase;
  check: (ctx: ValidationContext, model: ValidatedRecords) => Diagnostic[];
}

/** An event's fields in the order an editor reads them, and a claim's. */
const EVENT_FIELDS = ['date', 'end', 'category', 'actors', 'places', 'sources', 'claims', 'updates'];
const CLAIM_FIELDS = ['claimant', 'source', 'quote', 'reported', 'max'];

const rank = (list: readonly string[], name: unknown) => {
  const i = list.indexOf(String(name));
  return i === -1 ? list.length : i;
};

/**
 * Merges the families' findings into one stable order, as a reader goes through the content: file by file (site,
 * lists, sources, events, in reading order), and within a file in the order of its checks and fields; then
 * unused entries; then house style. Families may run in any order without changing the report.
 */
export function orderFindings(ctx: ValidationContext, found: readonly { family: Family; diagnostics: Diagnostic[] }[]): Diagnostic[] {
  const files = new Map<string, { kind: 'site' | 'list' | 'source' | 'event'; entries?: string[] }>();
  if (ctx.site) files.set(ctx.site.file.file, { kind: 'site' });
  for (const list of [ctx.categories, ctx.actors, ctx.places]) if (list.file) files.set(list.file.file, { kind: 'list', entries: list.entries.map((e) => e.key) });
  for (const s of ctx.sources) files.set(s.file.file, { kind: 'source' });
  for (const e of ctx.events) files.set(e.file.file, { kind: 'event' });
  const fileRank = new Map([...files.keys()].map((f, i) => [f, i]));

  /** Within one file: the family's stage for that kind of file, then where in the file. */
  const within = (family: string, d: Diagnostic): number[] => {
    const file = files.get(d.file);
    const path: YamlPath = pathOf(d) ?? [];
    switch (file?.kind) {
      case 'site':
        return [rank(['schema', 'dates'], family)];
      case 'list':
        return [path.length === 0 ? -1 : file.entries!.indexOf(String(path[0]))];
      case 'source':
        return [rank(['schema', 'ids', 'dates'], family)];
      case 'event': {
        const stage = rank(['ids', 'schema', 'fields', 'single-source'], ['ids', 'schema', 'single-source'].includes(family) ? family : 'fields');
        if (stage !== 2) return [stage];
        const [top, index, sub] = path;
        return [stage, rank(EVENT_FIELDS, top), typeof index === 'number' ? index : -1, top === 'claims' ? rank(CLAIM_FIELDS, sub) : 0];
      }
      default:
        return [];
    }
  };

  const PHASES: Phase[] = ['file', 'unused', 'order', 'style'];
  const keyed = found.flatMap(({ family, diagnostics }, f) =>
    diagnostics.map((d, i) => ({
      d,
      key: [PHASES.indexOf(family.phase), family.phase === 'style' ? 0 : (fileRank.get(d.file) ?? files.size), ...(family.phase === 'file' ? within(family.name, d) : []), f, i],
    })),
  );
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  };
  return keyed.sort((a, b) => compare(a.key, b.key)).map((k) => k.d);
}
