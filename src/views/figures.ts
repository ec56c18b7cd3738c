import { MEASURES, type Measure, type Qualifier } from '../schema/vocabulary.ts';
import { drawClaimsChart, type ClaimsChart } from './claims-chart.ts';
import type { ClaimView } from '../model/timeline.ts';

/** One figure as one claimant gave it in one source. */
export interface FigureEntry {
  figureLabel: string;
  value: number | null;
  max: number | null;
  qualifier: Qualifier | null;
  /** The source's words, where it gives no number. */
  figure: string | null;
  /** When the claimant gave it where the article says (`reportedStated`), else when the article appeared. */
  reportedLabel: string;
  reportedDatetime: string;
  reportedInstant: string;
  reportedStated: boolean;
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
  /** The build-time chart of the group's figures (src/views/claims-chart.ts); null when none is a number. */
  chart: ClaimsChart | null;
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
        qualifier: c.qualifier,
        figure: c.figure,
        reportedLabel: c.reportedLabel,
        reportedDatetime: c.reportedAt.raw,
        reportedInstant: c.reportedInstant,
        reportedStated: c.reportedStated,
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
    // A stable sort keeps the timeline order of figures from the same source.
    for (const c of list) c.figures.sort((a, b) => (rank.get(a.sourceId) ?? Infinity) - (rank.get(b.sourceId) ?? Infinity));
    return [summarise(measure, list)];
  });
}

/** A group's counts, bar lengths and chart, from its claimants' figures. */
function summarise(measure: Measure, claimants: ClaimantFigures[]): FigureGroup {
  const all = claimants.flatMap((c) => c.figures);
  const largest = Math.max(0, ...all.map((f) => f.max ?? f.value ?? 0));
  for (const f of all) f.barPercent = f.value === null || largest === 0 ? null : Math.max(1, Math.round((f.value / largest) * 100));
  return {
    measure,
    label: MEASURES[measure],
    anchor: `m-${measure}`,
    claimants,
    figureCount: all.length,
    sourceCount: new Set(all.map((f) => f.sourceId)).size,
    chart: drawClaimsChart({ id: `chart-${measure}`, label: MEASURES[measure], claimants }),
  };
}

/**
 * The groups with only the figures `keep` accepts (new objects; the input is untouched), dropping claimants and
 * measures left without figures: the figures as they stood at a moment, for the "what was known when" pages.
 */
export function filterFigures(groups: readonly FigureGroup[], keep: (f: FigureEntry) => boolean): FigureGroup[] {
  return groups.flatMap((g) => {
    const claimants = g.claimants
      .map((c) => ({ ...c, figures: c.figures.filter(keep).map((f) => ({ ...f })) }))
      .filter((c) => c.figures.length > 0);
    return claimants.length ? [summarise(g.measure, claimants)] : [];
  });
}

/**
 * The groups made again from picked figures, given in group, claimant and figure order (new objects; the input is
 * untouched): as `filterFigures`, in time proportional to the picks rather than to all the figures.
 */
export function regroupFigures(groups: readonly FigureGroup[], picks: readonly { group: number; claimant: number; figure: FigureEntry }[]): FigureGroup[] {
  const out: FigureGroup[] = [];
  let i = 0;
  while (i < picks.length) {
    const g = picks[i]!.group;
    const claimants: ClaimantFigures[] = [];
    for (; i < picks.length && picks[i]!.group === g; i++) {
      const pick = picks[i]!;
      const last = claimants[claimants.length - 1];
      const source = groups[g]!.claimants[pick.claimant]!;
      if (last && last.id === source.id) last.figures.push({ ...pick.figure });
      else claimants.push({ ...source, figures: [{ ...pick.figure }] });
    }
    out.push(summarise(groups[g]!.measure, claimants));
  }
  return out;
}

