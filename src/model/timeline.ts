import { cleanDeep } from '../lib/html-text.ts';
import { MEASURES, QUALIFIERS } from '../schema/vocabulary.ts';
import { participantAccounts, sourceRefs } from './citations.ts';
import { firstDay } from '../schema/dates.ts';
import { placeAncestors, placeScope } from '../schema/places.ts';
import { dayNote, dayStates, formatCalendarDate, formatEventDate, formatShortDate, formatTime, timeNote } from './labels.ts';
import { eventPath, sourcePath, textFragmentUrl } from './links.ts';
import { provenance } from './provenance.ts';
import { citationKey, passages, type Passage, type PassageEvent } from './passages.ts';
import { groupConsecutive, sortEvents } from './order.ts';
import { planPeriods, type Period } from './periods.ts';
import { claimReport, firstReport, lastModified, updateViews } from './reporting.ts';
import type { CitationView, Era, SourceView, TimelineEvent } from './timeline-event.ts';
import type { Actor, Category, Claim, Content, Place, Site, SourceCitation } from '../schema/records.ts';

export type { CitationView, ClaimView, Day, Era, SourceView, TimelineEvent } from './timeline-event.ts';

/** The events and sources as their pages show them: the domain every view and export starts from (and search indexes). */
export interface TimelineCore {
  site: Site;
  events: TimelineEvent[];
  eras: Era[];
  /** Empty while the whole timeline fits on the home page; else the year or month pages it is split into. */
  periods: Period[];
  sources: SourceView[];
  categories: Category[];
  actors: Actor[];
  places: Place[];
}

/** Groups sorted events into the background era and the main one, each by local calendar date. */
export function groupEras(events: readonly TimelineEvent[], site: Site): Era[] {
  return (['background', 'main'] as const)
    .map((id) => ({
      id,
      title: id === 'background' ? 'Background' : formatCalendarDate(site.eraStart),
      days: groupConsecutive(
        events.filter((e) => e.era === id),
        (e) => e.date.local,
      ).map((g) => ({
        key: g.key,
        heading: formatCalendarDate(g.items[0]!.date),
        anchor: `d-${g.key}`,
        note: dayNote(dayStates(g.items), g.items.length),
        events: g.items,
      })),
    }))
    .filter((era) => era.days.length > 0)
    .map((era) => ({ ...era, count: era.days.reduce((n, d) => n + d.events.length, 0) }));
}

export function figureLabel(claim: Pick<Claim, 'value' | 'max' | 'figure' | 'qualifier'>): string {
  const number = (n: number) => n.toLocaleString('en-GB');
  const value = claim.value === null ? (claim.figure ?? '') : claim.max === null ? number(claim.value) : `${number(claim.value)}–${number(claim.max)}`;
  const qualified = claim.qualifier ? `${QUALIFIERS[claim.qualifier]} ${value}` : value;
  return claim.value !== null && claim.figure ? `${qualified} (${claim.figure})` : qualified;
}

/**
 * The content with `cleanText` applied to every string: control characters, bidi overrides and lone surrogates
 * dropped or replaced. Validation reports them, but bidi overrides are only warnings, so they would reach page
 * titles and attributes through Nunjucks, which escapes markup, not characters. Everything a page shows starts
 * from this, so no template or view needs to remember it.
 */
export function cleanContent(content: Content): Content {
  return cleanDeep(content);
}

/** The sorted events, each with its rendered body, labels and neighbours, and the sources with what cites them. */
export function buildTimelineCore(content: Content, render: (markdown: string) => string): TimelineCore {
  const { site } = content;
  const sourceById = new Map(content.sources.map((s) => [s.id, s]));
  const actorById = new Map(content.actors.map((a) => [a.id, a]));
  const placeById = new Map(content.places.map((p) => [p.id, p]));
  const categoryById = new Map(content.categories.map((c) => [c.id, c]));
  const ancestors = placeAncestors(content.places);
  const eraStart = firstDay(site.eraStart);

  const sorted = sortEvents(content.events, site.timeZone);

  // Each source's quoted passages, and under each citation's words the anchor of its passage there.
  type Quoting = PassageEvent & { dateLabel: string; datetime: string };
  const quotedFrom = new Map<string, { quote: string; prefix: string | null; suffix: string | null; event: Quoting }[]>();
  for (const e of sorted) {
    const event: Quoting = { id: e.id, title: e.title, path: eventPath(e.id), dateLabel: formatEventDate(e.date, e.end, e.approximate, e.partOfDay), datetime: e.date.raw };
    for (const c of [...e.sources, ...e.claims]) {
      const list = quotedFrom.get(c.source) ?? [];
      quotedFrom.set(c.source, list);
      list.push({ quote: c.quote, prefix: c.prefix, suffix: c.suffix, event });
    }
  }
  const passagesOf = new Map<string, { passages: Passage<Quoting>[]; anchors: Map<string, string> }>(
    content.sources.map((s) => [s.id, passages(s.text, quotedFrom.get(s.id) ?? [])]),
  );
  const passagePath = (c: { source: string; quote: string; prefix: string | null; suffix: string | null }) => {
    const anchor = passagesOf.get(c.source)!.anchors.get(citationKey(c));
    return anchor ? `${sourcePath(c.source)}#${anchor}` : sourcePath(c.source);
  };

  const provenanceOf = new Map(content.sources.map((s) => [s.id, provenance(s)]));

  const cite = (c: SourceCitation): CitationView => {
    const source = sourceById.get(c.source)!;
    return {
      ...c,
      participants: c.actors.map((id) => actorById.get(id)!),
      sourceTitle: source.title,
      sourcePath: sourcePath(source.id),
      passageUrl: source.url ? textFragmentUrl(source.url, c.quote, c.prefix, c.suffix) : null,
      passagePath: passagePath(c),
      sourceNote: provenanceOf.get(source.id)!.short,
    };
  };

  const events: TimelineEvent[] = sorted.map((e) => {
    const citations = e.sources.map(cite);
    return {
      ...e,
      path: eventPath(e.id),
      html: render(e.body),
      dateLabel: formatEventDate(e.date, e.end, e.approximate, e.partOfDay),
      timeLabel: formatTime(e.date, e.approximate),
      timeNote: timeNote(e.date, e.end, e.approximate, e.partOfDay),
      listNote: null,
      shortDate: formatShortDate(e.date),
      datetime: e.date.raw,
      era: firstDay(e.date) < eraStart ? 'background' : 'main',
      categoryLabel: categoryById.get(e.category)!.label,
      actorRefs: e.actors.map((id) => actorById.get(id)!),
      placeRefs: e.places.map((id) => placeById.get(id)!),
      placeScope: placeScope(e.places, ancestors),
      citations,
      participantAccounts: participantAccounts(citations),
      claimViews: e.claims.map((c) => {
        const source = sourceById.get(c.source)!;
        return {
          ...c,
          measureLabel: MEASURES[c.measure],
          figureLabel: figureLabel(c),
          claimantName: actorById.get(c.claimant)!.name,
          claimantKind: actorById.get(c.claimant)!.kind ?? null,
          sourceTitle: source.title,
          sourcePath: sourcePath(source.id),
          passagePath: passagePath(c),
          ...claimReport(c, source.published, site.timeZone),
        };
      }),
      firstReport: firstReport(e, sourceById, site.timeZone),
      updateViews: updateViews(e.updates),
      modified: lastModified(e.updates),
      sourceCount: new Set(e.sources.map((s) => s.source)).size,
      sourceRefs: sourceRefs(e.sources, sourceById),
      timelinePath: `/#${e.id}`,
      prev: null,
      next: null,
    };
  });
  events.forEach((e, i) => {
    const link = (o: TimelineEvent | undefined) => (o ? { id: o.id, title: o.title, path: o.path } : null);
    e.prev = link(events[i - 1]);
    e.next = link(events[i + 1]);
  });

  const eras = groupEras(events, site);
  // Period pages hold whole days, so a day's note and its events' lines are the same there as here.
  for (const day of eras.flatMap((era) => era.days)) {
    const stated = dayStates(day.events);
    for (const e of day.events) e.listNote = timeNote(e.date, e.end, e.approximate, e.partOfDay, stated ?? undefined);
  }
  const periods = planPeriods(events, (list) => groupEras(list, site));
  const periodOf = new Map(periods.flatMap((p) => p.eventIds.map((id) => [id, p.path] as const)));
  for (const e of events) e.timelinePath = `${periodOf.get(e.id) ?? '/'}#${e.id}`;

  const citedBy = new Map<string, Map<string, { event: TimelineEvent; quotes: string[] }>>();
  for (const event of events) {
    for (const c of [...event.sources, ...event.claims]) {
      const bySource = citedBy.get(c.source) ?? new Map();
      citedBy.set(c.source, bySource);
      const entry = bySource.get(event.id) ?? { event, quotes: [] };
      if (!entry.quotes.includes(c.quote)) entry.quotes.push(c.quote);
      bySource.set(event.id, entry);
    }
  }
  const sources: SourceView[] = [...content.sources]
    .sort((a, b) => (a.published.local < b.published.local ? -1 : a.published.local > b.published.local ? 1 : a.id < b.id ? -1 : 1))
    .map((s) => ({
      ...s,
      path: sourcePath(s.id),
      publishedLabel: formatCalendarDate(s.published),
      citedBy: [...(citedBy.get(s.id)?.values() ?? [])],
      passages: passagesOf.get(s.id)!.passages,
      provenance: provenanceOf.get(s.id)!,
    }));

  return { site, events, eras, periods, sources, categories: content.categories, actors: content.actors, places: content.places };
}
