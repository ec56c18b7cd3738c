import type { EventDate } from '../schema/dates.ts';
import type { Timeline } from '../views/site.ts';
import { cleanDeep } from '../lib/html-text.ts';

const dateOut = (d: EventDate | null) => d && { date: d.raw, precision: d.precision, utc: d.utc };

/**
 * `/events.json`: the whole validated model, for data users. Dates appear as written, with their precision and,
 * for timed events, the UTC instant. Keys are written in a fixed order so the file is byte-stable.
 */
export function eventsJson(timeline: Timeline): string {
  const base = timeline.site.url;
  const data = {
    title: timeline.site.title,
    description: timeline.site.description,
    url: `${base}/`,
    language: timeline.site.language,
    order:
      'Local calendar date; within a day, a day-only event first, then timed events by instant and part-of-day events at the start of their part; then `sequence`; then id; an `after` event right after the event it names.',
    events: timeline.events.map((e) => ({
      id: e.id,
      title: e.title,
      date: e.date.raw,
      precision: e.date.precision,
      utc: e.date.utc,
      local_date: e.date.local,
      local_time: e.date.localTime,
      utc_offset_minutes: e.date.offsetMinutes,
      end: dateOut(e.end),
      approximate: e.approximate,
      date_inferred: e.dateInferred,
      part_of_day: e.partOfDay ? [e.partOfDay.modifier, e.partOfDay.part].filter(Boolean).join(' ') : null,
      after: e.after,
      date_label: e.dateLabel,
      era: e.era,
      category: e.category,
      importance: e.headline ? 'headline' : null,
      actors: e.actors,
      places: e.places,
      sources: e.sources.map((s) => ({ id: s.source, quote: s.quote, prefix: s.prefix, suffix: s.suffix })),
      claims: e.claimViews.map((c) => ({
        measure: c.measure,
        value: c.value,
        max: c.max,
        figure: c.figure,
        qualifier: c.qualifier,
        claimant: c.claimant,
        attribution: c.attribution,
        source: c.source,
        quote: c.quote,
        reported: c.reported?.raw ?? null,
        reported_at: c.reportedAt.raw,
      })),
      first_reported: { date: e.firstReport.datetime, sources: e.firstReport.sources.map((s) => s.id) },
      updates: e.updateViews.map((u) => ({ date: u.datetime, type: u.type, text: u.text })),
      summary_html: e.html,
      url: `${base}${e.path}`,
    })),
    sources: timeline.sources.map((s) => ({
      id: s.id,
      title: s.title,
      title_descriptive: s.titleDescriptive,
      publisher: s.publisher,
      url: s.url,
      published: s.published.raw,
      published_inferred: s.publishedInferred,
      language: s.language,
      translated_from: s.translatedFrom,
      page: `${base}${s.path}`,
    })),
    actors: timeline.actors.map((a) => ({ id: a.id, name: a.name, aliases: a.aliases, kind: a.kind ?? null })),
    places: timeline.places.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, coordinates: p.coordinates })),
    categories: timeline.categories.map((c) => ({ id: c.id, label: c.label })),
  };
  return `${JSON.stringify(cleanDeep(data), null, 2)}\n`;
}
