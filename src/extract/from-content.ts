import type { Content, EventRecord, Source } from '../schema/records.ts';
import { pointFromIso } from './calendar.ts';
import type { ArticleInput, TimelineEvent } from './drafts.ts';

/** A bundled article as `proposeDrafts` reads it, with the lists and the timeline of the validated content. */
export function articleFromContent(content: Content, source: Source, bodyLine = 1): ArticleInput {
  return {
    sourceId: source.id,
    body: source.text,
    bodyLine,
    published: pointFromIso(source.published.raw)!,
    siteZone: content.site.timeZone,
    actors: content.actors,
    places: content.places,
    timeline: timelineFromContent(content.events),
  };
}

/** The events as anchors for `one day after the ceasefire`: title, date, weight and the passages they quote. */
export function timelineFromContent(events: readonly EventRecord[]): TimelineEvent[] {
  return events.flatMap((e) => {
    const point = pointFromIso(e.date.raw);
    return point ? [{ id: e.id, title: e.title, date: point, headline: e.headline, quotes: e.sources.map((s) => s.quote) }] : [];
  });
}
