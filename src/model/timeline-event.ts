import type { ActorKind } from '../schema/vocabulary.ts';
import type { EventDate } from '../schema/dates.ts';
import type { ParticipantAccount, SourceRef } from './citations.ts';
import type { Provenance } from './provenance.ts';
import type { Passage, PassageEvent } from './passages.ts';
import type { ClaimReport, FirstReport, UpdateView } from './reporting.ts';
import type { Actor, Claim, EventRecord, Place, Source, SourceCitation } from '../schema/records.ts';

/** An event as every page shows it: the validated record with its rendered body, labels, references and neighbours. */
export interface CitationView extends SourceCitation {
  /** Who the source says took part (`actors` of the citation), by their entries. */
  participants: Actor[];
  sourceTitle: string;
  sourcePath: string;
  /** A link into the original article at the quoted passage, where its URL is known. */
  passageUrl: string | null;
  /** The passage on its source's page (`/sources/<id>/#q-…`), in its sentence of context. */
  passagePath: string;
  /** `title by the editors; translated from German`, beside the source's title; null when there is nothing to say. */
  sourceNote: string | null;
}

export interface ClaimView extends Claim, ClaimReport {
  measureLabel: string;
  /** `at least 200`, `hundreds`, `3,154` */
  figureLabel: string;
  claimantName: string;
  /** Where the actor entry says: the claimant's schema.org type in JSON-LD. */
  claimantKind: ActorKind | null;
  sourceTitle: string;
  sourcePath: string;
  /** The passage on its source's page, as for a citation. */
  passagePath: string;
}

export interface TimelineEvent extends EventRecord {
  /** Site-relative page path, `/events/<id>/`. */
  path: string;
  /** Rendered, sanitised body HTML. */
  html: string;
  /** Full date label: `Wednesday 20 September 2023, 13:00 local time (UTC+4) · 09:00 GMT`. */
  dateLabel: string;
  /** Only the time part, for timed events. */
  timeLabel: string | null;
  /** What the event's line says under a bare day heading: its time, or `No time was reported.`; null when the heading says it all. */
  timeNote: string | null;
  /** The same under its day's heading on the timeline, less what that day's note says for all its events. */
  listNote: string | null;
  shortDate: string;
  /** For `<time datetime>`: the editor's ISO string, valid HTML at every precision. */
  datetime: string;
  era: 'background' | 'main';
  categoryLabel: string;
  actorRefs: Actor[];
  placeRefs: Place[];
  /** Its places and every place they lie within (src/schema/places.ts): what the place filter matches. */
  placeScope: string[];
  citations: CitationView[];
  /** Who took part, one entry per account the sources give (more than one where they disagree). */
  participantAccounts: ParticipantAccount[];
  claimViews: ClaimView[];
  sourceCount: number;
  /** Each source the event cites, once, in citation order: for the printed timeline's references. */
  sourceRefs: SourceRef[];
  /** When and in which sources the event was first reported: see src/model/reporting.ts. */
  firstReport: FirstReport;
  /** Its corrections and updates, oldest first, and the latest one's date. */
  updateViews: UpdateView[];
  modified: EventDate | null;
  /** Where the event sits on the timeline: `/#id`, or its period page when the timeline is split. */
  timelinePath: string;
  prev: { id: string; title: string; path: string } | null;
  next: { id: string; title: string; path: string } | null;
}

export interface Day {
  /** Local calendar date at the events' precision: `1991`, `2022-12`, `2023-09-20`. */
  key: string;
  heading: string;
  anchor: string;
  /** What the heading says once for all the day's events (`No times were reported for these events.`), or null. */
  note: string | null;
  events: TimelineEvent[];
}

export interface Era {
  id: 'background' | 'main';
  title: string;
  days: Day[];
  /** Events in this era (on this page). */
  count: number;
}

export interface SourceView extends Source {
  path: string;
  publishedLabel: string;
  /** Events citing this source, in timeline order, with the passages they quote. */
  citedBy: { event: TimelineEvent; quotes: string[] }[];
  /** Every passage events quote from this article, in article order, each in its sentence of context. */
  passages: Passage<PassageEvent & { dateLabel: string; datetime: string }>[];
  provenance: Provenance;
}
