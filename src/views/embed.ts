import { formatCalendarDate } from '../model/labels.ts';
import { groupConsecutive } from '../model/order.ts';
import type { TimelineEvent } from '../model/timeline-event.ts';
import type { Category } from '../schema/records.ts';

/**
 * The embeddable timelines (`/embed/` and `/embed/<category>/`), for an `<iframe>` in someone else's article.
 * Each lists its events in timeline order, grouped by local day, EMBED_PAGE_SIZE to a page (`/embed/page/2/`,
 * `/embed/military/page/2/`, …; no category id can clash with these), so a frame stays small however long the
 * timeline grows. A category without events still gets its (empty) page, so an embed code never points nowhere.
 */

export const EMBED_PAGE_SIZE = 100;

export interface EmbedDay {
  key: string;
  heading: string;
  events: TimelineEvent[];
}

export interface EmbedPage {
  /** Site-relative: `/embed/`, `/embed/military/`, `/embed/military/page/2/`. */
  path: string;
  category: Pick<Category, 'id' | 'label'> | null;
  days: EmbedDay[];
  eventCount: number;
  /** From 1. */
  pageNumber: number;
  pageCount: number;
  prev: string | null;
  next: string | null;
}

export const embedPath = (categoryId: string | null, pageNumber = 1): string =>
  `/embed/${categoryId ? `${categoryId}/` : ''}${pageNumber > 1 ? `page/${pageNumber}/` : ''}`;

function pagesFor(events: readonly TimelineEvent[], category: Category | null, size: number): EmbedPage[] {
  const pageCount = Math.max(1, Math.ceil(events.length / size));
  const id = category?.id ?? null;
  return Array.from({ length: pageCount }, (_, i) => {
    const slice = events.slice(i * size, (i + 1) * size);
    return {
      path: embedPath(id, i + 1),
      category: category && { id: category.id, label: category.label },
      days: groupConsecutive(slice, (e) => e.date.local).map((g) => ({
        key: g.key,
        heading: formatCalendarDate(g.items[0]!.date),
        events: g.items,
      })),
      eventCount: events.length,
      pageNumber: i + 1,
      pageCount,
      prev: i > 0 ? embedPath(id, i) : null,
      next: i + 1 < pageCount ? embedPath(id, i + 2) : null,
    };
  });
}

/** Every embed page: the whole timeline first, then each category in the order of categories.yml. */
export function embedPages(events: readonly TimelineEvent[], categories: readonly Category[], size = EMBED_PAGE_SIZE): EmbedPage[] {
  const byCategory = new Map<string, TimelineEvent[]>(categories.map((c) => [c.id, []]));
  for (const e of events) byCategory.get(e.category)?.push(e);
  return [...pagesFor(events, null, size), ...categories.flatMap((c) => pagesFor(byCategory.get(c.id)!, c, size))];
}
