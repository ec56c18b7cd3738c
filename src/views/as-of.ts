import { startInstant, type EventDate } from '../schema/dates.ts';
import { filterFigures, regroupFigures, type FigureEntry, type FigureGroup } from './figures.ts';
import { formatCalendarDate } from '../model/labels.ts';
import { asOfPath } from '../model/links.ts';
import { groupConsecutive } from '../model/order.ts';
import { formatReportDate, knownAt, knownFrom, reportingMoments, zoneLabel, type Moment, type Reported } from '../model/reporting.ts';

/**
 * The "what was known when" pages, made from the reporting clock (src/model/reporting.ts): one page per
 * reporting moment listing what had been published by then. Each event is shown through the passages and
 * figures of the articles out by the moment; a figure counts from its `reported` time only once its article is
 * out too. An event that later articles also report is marked (`laterAccount`): its title and summary, written
 * with everything reported since, stay on its own page.
 */

export interface MomentView extends Moment {
  path: string;
  /** For `<time datetime>`: the source date as written. */
  datetime: string;
  /** `20 September 2023` */
  label: string;
  /** `the end of 20 September 2023`, `14:00 GMT on 20 September 2023` */
  phrase: string;
  /** Events known then, of all events. */
  eventCount: number;
  /** Events first reported at this moment (after the one before). */
  newCount: number;
  claimCount: number;
}

export interface AsOfItem<E extends TimelineLike> {
  event: E;
  /** The event's passages from the articles published by the moment, in citation order. */
  passages: E['citations'][number][];
  /** Its figures given and published by the moment. */
  claims: E['claimViews'][number][];
  /**
   * True when the event also cites articles published after the moment: its title and summary may rest on them,
   * so the page shows it by its earlier passages only and says that its account is from later reports.
   */
  laterAccount: boolean;
  /** First reported at this moment, after the previous one (never on the first moment, where all would be). */
  isNew: boolean;
  /** Dated at or after the moment: reported in advance (talks announced for the next day), still to come then. */
  ahead: boolean;
}

export interface AsOfDay<E extends TimelineLike> {
  key: string;
  heading: string;
  anchor: string;
  items: AsOfItem<E>[];
}

export interface AsOfPage<E extends TimelineLike> {
  moment: MomentView;
  path: string;
  pageNumber: number;
  pageCount: number;
  prevPath: string | null;
  nextPath: string | null;
  /**
   * True when the page lists every event known at the moment; false on a large timeline, where it lists only the
   * events first reported at the moment (see `buildReporting`).
   */
  complete: boolean;
  /** This page's slice of the events listed, grouped by their local day. */
  days: AsOfDay<E>[];
  /** The figures as they stood (or, when not `complete`, those given since the previous moment), on the first page only. */
  figures: FigureGroup[] | null;
  previousMoment: MomentView | null;
  nextMoment: MomentView | null;
}

export interface Reporting<E extends TimelineLike> {
  moments: MomentView[];
  /** Every `/as-of/…` page, moments in order, each paged. */
  pages: AsOfPage<E>[];
  /** Whether the as-of pages list everything known at each moment, or only what is new at it. */
  complete: boolean;
  /** The latest few moments, newest first, for the home page's links. */
  recent: MomentView[];
  /** The moments the home page's picker offers: the latest ones, oldest first. */
  pickable: MomentView[];
  /** The site's clock as readers see it (`UTC+4`), for "the end of the day". */
  zoneLabel: string;
  totalEvents: number;
}

export interface ReportingOptions {
  /** Events per as-of page. */
  pageSize: number;
  /** Moments linked from the home page. */
  recent: number;
  /** Moments in the home page's picker. */
  pickable: number;
  /**
   * The as-of pages list everything known at each moment while moments × (events + figures) stays within this;
   * beyond it (a timeline of hundreds of events reported over a hundred moments) the pages would grow with the
   * square of the content, so each lists only what is new at its moment, with the counts of everything known.
   */
  fullBudget: number;
}

export const REPORTING_DEFAULTS: ReportingOptions = { pageSize: 100, recent: 4, pickable: 60, fullBudget: 20_000 };

type TimelineLike = Pick<Reported, 'firstReport'> & {
  id: string;
  date: EventDate;
  citations: readonly { source: string }[];
  claimViews: readonly { reportedInstant: string; source: string }[];
};

/**
 * When a figure became public: when the claimant gave it, but never before the article that reports it appeared
 * (a figure "given on Wednesday" in an article of Thursday was unknown to readers on Wednesday).
 */
function publishedInstant(reportedInstant: string, sourceId: string, sourceKnown: ReadonlyMap<string, string>): string {
  const published = sourceKnown.get(sourceId);
  if (published === undefined) throw new Error(`Internal error: unknown source ${sourceId}`);
  return published > reportedInstant ? published : reportedInstant;
}

/** The index of the first moment at or after an instant (`instants` ascending), or -1 if none. */
export function momentAt(instants: readonly string[], instant: string): number {
  let lo = 0;
  let hi = instants.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (instants[mid]! < instant) lo = mid + 1;
    else hi = mid;
  }
  return lo < instants.length ? lo : -1;
}

/**
 * The "what was known when" pages: for each reporting moment, the events known by then in timeline order
 * (`events` must come sorted), grouped by day and paged, and the figures as they stood. Each event and each
 * figure is placed once at the first moment that knows it (one pass, a binary search each), so the counts cost
 * nothing; the full listings cost one pass over the events per moment, and are made only within `fullBudget`.
 */
export function buildReporting<E extends TimelineLike>(
  input: { events: readonly E[]; sources: readonly { id: string; published: EventDate }[]; zone: string; figures: readonly FigureGroup[] },
  options: ReportingOptions = REPORTING_DEFAULTS,
): Reporting<E> {
  const moments = reportingMoments(input.sources, input.zone);
  const sourceKnown = new Map(input.sources.map((s) => [s.id, knownFrom(s.published, input.zone)]));
  const figureKnown = (f: FigureEntry) => publishedInstant(f.reportedInstant, f.sourceId, sourceKnown);
  const known = (sourceId: string, instant: string) => sourceKnown.get(sourceId)! <= instant;
  const instants = moments.map((m) => m.instant);
  const newEvents: E[][] = moments.map(() => []);
  for (const e of input.events) {
    const at = momentAt(instants, e.firstReport.instant);
    if (at >= 0) newEvents[at]!.push(e);
  }
  const newFigures: { group: number; claimant: number; figure: FigureEntry }[][] = moments.map(() => []);
  let figureTotal = 0;
  input.figures.forEach((g, group) =>
    g.claimants.forEach((c, claimant) => {
      for (const figure of c.figures) {
        figureTotal += 1;
        const at = momentAt(instants, figureKnown(figure));
        if (at >= 0) newFigures[at]!.push({ group, claimant, figure });
      }
    }),
  );
  const complete = moments.length * (input.events.length + figureTotal) <= options.fullBudget;

  let events = 0;
  let figures = 0;
  const views: MomentView[] = moments.map((moment, i) => {
    const label = formatReportDate(moment.date);
    return {
    ...moment,
    path: asOfPath(moment.slug),
    datetime: moment.date.raw,
    label,
    phrase: moment.date.utc === null ? `the end of ${label}` : `${moment.date.utc.slice(11, 16)} GMT on ${label.replace(/, .*$/, '')}`,
    eventCount: (events += newEvents[i]!.length),
    newCount: newEvents[i]!.length,
    claimCount: (figures += newFigures[i]!.length),
    };
  });
  // Day headings repeat from moment to moment: each is formatted once.
  const headings = new Map<string, string>();
  const heading = (date: EventDate) => {
    let found = headings.get(date.local);
    if (found === undefined) headings.set(date.local, (found = formatCalendarDate(date)));
    return found;
  };

  const pages = views.flatMap((moment, i): AsOfPage<E>[] => {
    const after = i > 0 ? instants[i - 1]! : '';
    const listed = complete ? knownAt(input.events, moment.instant).events : newEvents[i]!;
    const pageCount = Math.max(1, Math.ceil(listed.length / options.pageSize));
    const pathOf = (n: number) => (n === 1 ? moment.path : `${moment.path}${n}/`);
    return Array.from({ length: pageCount }, (_, p) => ({
      moment,
      path: pathOf(p + 1),
      pageNumber: p + 1,
      pageCount,
      prevPath: p > 0 ? pathOf(p) : null,
      nextPath: p + 1 < pageCount ? pathOf(p + 2) : null,
      complete,
      days: groupConsecutive(listed.slice(p * options.pageSize, (p + 1) * options.pageSize), (e) => e.date.local).map((g) => ({
        key: g.key,
        heading: heading(g.items[0]!.date),
        anchor: `d-${g.key}`,
        items: g.items.map((event): AsOfItem<E> => ({
          event,
          passages: event.citations.filter((c) => known(c.source, moment.instant)),
          claims: event.claimViews.filter((c) => publishedInstant(c.reportedInstant, c.source, sourceKnown) <= moment.instant),
          laterAccount: [...event.citations, ...event.claimViews].some((c) => !known(c.source, moment.instant)),
          isNew: after !== '' && event.firstReport.instant > after,
          ahead: startInstant(event.date, input.zone) >= moment.instant,
        })),
      })),
      figures: p > 0 ? null : complete ? filterFigures(input.figures, (f) => figureKnown(f) <= moment.instant) : regroupFigures(input.figures, newFigures[i]!),
      previousMoment: views[i - 1] ?? null,
      nextMoment: views[i + 1] ?? null,
    }));
  });

  return {
    moments: views,
    pages,
    complete,
    recent: views.slice(-options.recent).reverse(),
    pickable: views.slice(-options.pickable),
    zoneLabel: zoneLabel(input.zone),
    totalEvents: input.events.length,
  };
}
