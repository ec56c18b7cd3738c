import { MEASURES, type Measure } from '../schema/vocabulary.ts';
import type { ClaimView } from './timeline.ts';

/** One figure as one claimant gave it in one source. */
export interface FigureEntry {
  figureLabel: string;
  value: number | null;
  max: number | null;
  /** Bar length against the largest number given for the same measure, 0–100; null where the figure is words. */
  barPercent: number | null;
  attribution: string | null;
  quote: string;
  sourceId: string;
  sourceTitle: string;
  sourcePath: string;
  eventId: string;
  eventTitle: string;
  eventPath: string;
}

export interface ClaimantFigures {
  id: string;
  name: string;
  /** The claimant's own page, where it has one. */
  path: string | null;
  figures: FigureEntry[];
}

export interface FigureGroup {
  measure: Measure;
  label: string;
  /** Anchor on the figures page: `m-killed`. */
  anchor: string;
  claimants: ClaimantFigures[];
  /** How many figures, claimants and sources the group brings together. */
  figureCount: number;
  sourceCount: number;
}

export interface FigureEvent {
  id: string;
  title: string;
  path: string;
  claimViews: readonly ClaimView[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * The disputed-figures page: every claim grouped by what it measures (in the vocabulary's order), then by
 * claimant (by name, so no side comes first by design), then by source (in `sourceOrder`, the sources page's
 * order), so that a reader sees side by side who says what, and where.
 */
export function groupFigures(
  events: readonly FigureEvent[],
  sourceOrder: readonly string[],
  actorPath: (id: string) => string | null,
): FigureGroup[] {
  const rank = new Map(sourceOrder.map((id, i) => [id, i]));
  const byMeasure = new Map<Measure, Map<string, ClaimantFigures>>();
  for (const event of events) {
    for (const c of event.claimViews) {
      const claimants = byMeasure.get(c.measure) ?? new Map<string, ClaimantFigures>();
      byMeasure.set(c.measure, claimants);
      const claimant = claimants.get(c.claimant) ?? { id: c.claimant, name: c.claimantName, path: actorPath(c.claimant), figures: [] };
      claimants.set(c.claimant, claimant);
      claimant.figures.push({
        figureLabel: c.figureLabel,
        value: c.value,
        max: c.max,
        barPercent: null,
        attribution: c.attribution,
        quote: c.quote,
        sourceId: c.source,
        sourceTitle: c.sourceTitle,
        sourcePath: c.sourcePath,
        eventId: event.id,
        eventTitle: event.title,
        eventPath: event.path,
      });
    }
  }

  return (Object.keys(MEASURES) as Measure[]).flatMap((measure): FigureGroup[] => {
    const claimants = byMeasure.get(measure);
    if (!claimants) return [];
    const list = [...claimants.values()].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
    const all = list.flatMap((c) => c.figures);
    const largest = Math.max(0, ...all.map((f) => f.max ?? f.value ?? 0));
    for (const c of list) {
      // A stable sort keeps the timeline order of figures from the same source.
      c.figures.sort((a, b) => (rank.get(a.sourceId) ?? Infinity) - (rank.get(b.sourceId) ?? Infinity));
      for (const f of c.figures) f.barPercent = f.value === null || largest === 0 ? null : Math.max(1, Math.round((f.value / largest) * 100));
    }
    return [
      {
        measure,
        label: MEASURES[measure],
        anchor: `m-${measure}`,
        claimants: list,
        figureCount: all.length,
        sourceCount: new Set(all.map((f) => f.sourceId)).size,
      },
    ];
  });
}
