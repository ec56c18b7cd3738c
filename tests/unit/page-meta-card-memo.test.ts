import { describe, expect, it, vi } from 'vitest';
import { eventPageMeta, facetPageMeta, pageCards } from '../../src/exports/page-meta.ts';
import type * as cards from '../../src/exports/share-card.ts';
import { shareCard } from '../../src/exports/share-card.ts';
import { exportTimeline } from './support/export-timeline.ts';

// Counts the cards actually made (their SVG and hash), as the pages' metadata asks for them.
vi.mock('../../src/exports/share-card.ts', async (original) => {
  const actual = await original<typeof cards>();
  return { ...actual, shareCard: vi.fn(actual.shareCard) };
});

describe('the site card, made once per build', () => {
  it('makes the card a text names once, however many pages name it, and again for another build', () => {
    const t = exportTimeline();
    t.site.shareCards = 'site';
    const made = vi.mocked(shareCard);
    made.mockClear();
    const images = [...t.events.map((e) => eventPageMeta(e, t).image), ...t.reader.pages.actors.map((pg) => facetPageMeta(pg, t).image)];
    expect(images.length).toBeGreaterThan(3);
    expect(new Set(images.map((i) => i.path)).size).toBe(1);
    expect(made).toHaveBeenCalledTimes(1);
    expect(pageCards(t)).toHaveLength(1);

    // A new build (a new model) makes its own: a retitled site must not keep the old card.
    const next = exportTimeline();
    next.site.shareCards = 'site';
    next.site.title = 'Another title';
    const image = eventPageMeta(next.events[0]!, next).image;
    expect(made).toHaveBeenCalledTimes(2);
    expect(image.path).not.toBe(images[0]!.path);
    expect(image.alt).toContain('Another title');
  });
});
