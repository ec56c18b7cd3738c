import { describe, expect, it } from 'vitest';
import { asOfPageMeta, cardsPerPage, eventPageMeta, facetPageMeta, pageCards, pageMeta, SHARE_CARDS_AUTO_LIMIT, sourcePageMeta } from '../../src/exports/page-meta.ts';
import { exportTimeline } from './support/export-timeline.ts';

/** Each page kind's own description and share card (issue 17), from the export timeline's small, awkward content. */
const timeline = exportTimeline();
const source = (id: string) => timeline.sources.find((s) => s.id === id)!;
const facet = (kind: 'categories' | 'actors' | 'places', id: string) => timeline.reader.pages[kind].find((p) => p.facet.id === id)!;

describe('page descriptions', () => {
  it('describes a source by its publisher, date and the events citing it', () => {
    expect(sourcePageMeta(source('alpha'), timeline).description).toBe(
      'Published by Example News, Wednesday 20 September 2023. Cited by 2 events of this timeline, with the passages each quotes.',
    );
    expect(sourcePageMeta(source('gamma'), timeline).description).toBe('Published August 2023. Cited by 2 events of this timeline, with the passages each quotes.');
  });

  it('describes a category, actor or place page by its events and their span', () => {
    expect(facetPageMeta(facet('categories', 'military'), timeline).description).toBe('3 events in the category Military, from 19 Sep 2023 to 20 Sep 2023.');
    expect(facetPageMeta(facet('actors', 'armenia'), timeline).description).toBe('1 event involving Armenia, on 20 Sep 2023.');
    expect(facetPageMeta(facet('places', 'stepanakert'), timeline).description).toBe('1 event in Stepanakert, on 19 Sep 2023.');
  });

  it('describes a "what was known when" page by what had been reported by its moment', () => {
    expect(timeline.reporting.pages.map((p) => asOfPageMeta(p, timeline).description)).toEqual([
      'What the articles had reported by the end of August 2023: 2 events known, 2 first reported then, 0 figures given.',
      'What the articles had reported by the end of 20 September 2023: 4 events known, 2 first reported then, 0 figures given.',
      'What the articles had reported by the end of 21 September 2023: 6 events known, 2 first reported then, 1 figure given.',
    ]);
  });

  it('describes the figures page by what it compares, and keeps the site description for other pages', () => {
    expect(pageMeta('/figures/', timeline, 'Figures: who says what').description).toBe('1 figure the sources give (killed) side by side, each attributed to whoever gave it.');
    expect(pageMeta('/sources/', timeline, 'Sources').description).toBe('A timeline for tests.');
  });

  it('never gives two of these pages the site-wide description', () => {
    const descriptions = [
      ...timeline.sources.map((s) => sourcePageMeta(s, timeline).description),
      ...(['categories', 'actors', 'places'] as const).flatMap((k) => timeline.reader.pages[k].map((p) => facetPageMeta(p, timeline).description)),
      ...timeline.reporting.pages.map((p) => asOfPageMeta(p, timeline).description),
    ];
    expect(descriptions).not.toContain(timeline.site.description);
    expect(new Set(descriptions).size).toBe(descriptions.length);
  });
});

describe('share cards', () => {
  it('gives a page a card with its title and date, and lists it for the build to draw', () => {
    const t = exportTimeline();
    const e = t.events.find((x) => x.id === 'talks')!;
    const meta = eventPageMeta(e, t);
    expect(meta.image.alt).toBe(`Talks open · ${e.dateLabel} · Test & timeline <b>`);
    const home = pageMeta('/', t);
    expect(home.image.alt).toBe('Test & timeline <b> · Updated Thursday 21 September 2023 · Test & timeline <b>');
    expect(pageCards(t).map((c) => c.path)).toEqual([meta.image.path, home.image.path].sort());
    // Another build's timeline has cards of its own.
    expect(pageCards(exportTimeline())).toEqual([]);
  });

  it('gives every page the site’s one card with `share_cards: site`', () => {
    const t = exportTimeline();
    t.site.shareCards = 'site';
    const e = eventPageMeta(t.events[0]!, t);
    expect(e.image).toEqual(pageMeta('/figures/', t, 'Figures: who says what').image);
    expect(e.image.alt).toBe('Test & timeline <b> · Updated Thursday 21 September 2023 · Test & timeline <b>');
    expect(facetPageMeta(t.reader.pages.actors[0]!, t).image).toEqual(e.image);
    expect(pageCards(t)).toHaveLength(1);
  });

  it('with `share_cards: auto` (the default), draws a card per page up to the limit of events and the site’s one card beyond', () => {
    const t = exportTimeline();
    expect(t.site.shareCards ?? 'auto').toBe('auto');
    expect(cardsPerPage(t)).toBe(true);
    const many = { ...t, events: Array.from({ length: SHARE_CARDS_AUTO_LIMIT + 1 }, () => t.events[0]!) };
    expect(cardsPerPage(many)).toBe(false);
    expect(cardsPerPage({ ...many, site: { ...t.site, shareCards: 'pages' } })).toBe(true);
    expect(cardsPerPage({ ...many, events: many.events.slice(1) })).toBe(true);
    // Beyond the limit every page names the site's card.
    const event = eventPageMeta(t.events[0]!, many);
    expect(event.image.alt).toBe('Test & timeline <b> · Updated Thursday 21 September 2023 · Test & timeline <b>');
    expect(pageMeta('/figures/', many, 'Figures: who says what').image).toEqual(event.image);
  });
});
