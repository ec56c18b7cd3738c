import { embedPages, type EmbedPage } from './embed.ts';
import type { Atlas } from './map.ts';
import { buildReader, type Reader } from './reader.ts';
import { buildReporting, type Reporting } from './as-of.ts';
import { drawTimeAxis, type TimeAxis } from './time-axis.ts';
import { buildTimelineCore, type TimelineCore } from '../model/timeline.ts';
import { type TimelineEvent } from '../model/timeline-event.ts';
import type { Content } from '../schema/records.ts';

export type { TimelineCore } from '../model/timeline.ts';

/** The whole site's model: the timeline's core and every view made from it (listings, maps, figures, as-of pages, embeds). */
export interface Timeline extends TimelineCore {
  /** The embeddable timelines, `/embed/` and one per category, paged. */
  embeds: EmbedPage[];
  /** Category, actor and place pages, disputed figures, maps: see src/views/reader.ts. */
  reader: Reader<TimelineEvent>;
  /** Reporting moments and the "what was known when" pages: see src/views/as-of.ts. */
  reporting: Reporting<TimelineEvent>;
  /** The home page's days at a glance: see src/views/time-axis.ts. */
  timeAxis: TimeAxis;
}

/**
 * Builds the one sorted Timeline the templates render. Each body is rendered once here; every lookup is a map,
 * so the cost grows with the number of events, not its square. A build passes the `core` it has already made,
 * so that the search index can start on it while the listings, maps and reporting pages are worked out.
 */
export function buildTimeline(
  content: Content,
  render: (markdown: string) => string,
  atlas: Atlas | null = null,
  core: TimelineCore = buildTimelineCore(content, render),
): Timeline {
  const { events } = core;
  const reader = buildReader(core, atlas);
  return {
    ...core,
    embeds: embedPages(events, content.categories),
    reader,
    timeAxis: drawTimeAxis({ eras: core.eras.map((era) => ({ ...era, title: reader.eras[era.id]!.title, anchor: `era-${era.id}` })) }),
    reporting: buildReporting({ events, sources: content.sources, zone: content.site.timeZone, figures: reader.figures }),
  };
}
