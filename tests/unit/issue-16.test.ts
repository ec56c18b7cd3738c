import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { loadAndValidate } from '../../src/pipeline.ts';
import { buildTimeline } from '../../src/views/site.ts';
import type { Timeline } from '../../src/views/site.ts';
import { knownFrom } from '../../src/model/reporting.ts';

/**
 * Issue 16: the bundled 20 September in the order the articles give. The times of day come from the articles,
 * not from our code: "effective from 1 p.m. (0900 GMT) on Wednesday" (the ceasefire), "the Defense Ministry in
 * Moscow on Wednesday evening" (the ceasefire holding) and "late on Wednesday evening" (the Sotk incident).
 */
const ARTICLE_TIMES: readonly (readonly [string, string])[] = [
  ['ceasefire-takes-effect', '13:00'],
  ['sep20-ceasefire-holding', 'evening'],
  ['sotk-border-incident', 'late evening'],
];

let timeline: Timeline;
beforeAll(async () => {
  const { content, diagnostics } = await loadAndValidate(resolve(import.meta.dirname, '../..'));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  timeline = buildTimeline(content!, renderMarkdown);
});

describe('issue 16: 20 September in the articles’ order', () => {
  const ids = (events: readonly { id: string }[]) => events.map((e) => e.id);

  it('records each article time on its event', () => {
    const byId = new Map(timeline.events.map((e) => [e.id, e]));
    expect(byId.get('ceasefire-takes-effect')!.date.localTime).toBe('13:00');
    expect(byId.get('sep20-ceasefire-holding')!.timeNote).toBe('In the evening; the day is approximate and no time was reported.');
    expect(byId.get('sotk-border-incident')!.timeNote).toBe('In the late evening; the day is approximate and no time was reported.');
  });

  it('puts the 13:00 ceasefire before the evening events on the home page, in the articles’ order', () => {
    const day = timeline.eras.flatMap((era) => era.days).find((d) => d.key === '2023-09-20')!;
    const order = ids(day.events);
    const positions = ARTICLE_TIMES.map(([id]) => order.indexOf(id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Nothing with only the day sits after the evening events: it has no place there.
    const evening = order.indexOf('sep20-ceasefire-holding');
    const later = day.events.slice(evening).filter((e) => e.date.utc === null && !e.partOfDay && !e.after);
    expect(ids(later)).toEqual([]);
  });

  it('gives the same order in every listing: events, embed, prev/next', () => {
    const all = ids(timeline.events);
    const embed = timeline.embeds.find((p) => p.path === '/embed/')!;
    expect(ids(embed.days.flatMap((d) => d.events))).toEqual(all);
    const byId = new Map(timeline.events.map((e) => [e.id, e]));
    const ceasefire = byId.get('ceasefire-takes-effect')!;
    expect(ceasefire.prev?.id).not.toBe('sotk-border-incident');
    expect(ids(timeline.events).indexOf(ceasefire.next!.id)).toBe(all.indexOf('ceasefire-takes-effect') + 1);
    for (let i = 1; i < timeline.events.length; i++) expect(timeline.events[i]!.prev?.id).toBe(timeline.events[i - 1]!.id);
  });
});

describe('issue 16: what was known when, from the articles published by then', () => {
  const published = () => new Map(timeline.sources.map((s) => [s.id, knownFrom(s.published, timeline.site.timeZone)]));

  it('shows at every moment only passages, figures and sources of articles published by then', () => {
    const at = published();
    expect(timeline.reporting.pages.length).toBeGreaterThan(1);
    for (const page of timeline.reporting.pages) {
      const moment = page.moment.instant;
      const later = [...at].filter(([, instant]) => instant > moment).map(([id]) => id);
      for (const item of page.days.flatMap((d) => d.items)) {
        const where = `${page.path} ${item.event.id}`;
        for (const c of [...item.passages, ...item.claims]) expect(at.get(c.source)! <= moment, where).toBe(true);
        for (const c of item.claims) expect(c.reportedInstant <= moment, where).toBe(true);
        const citesLater = [...item.event.citations, ...item.event.claimViews].some((c) => later.includes(c.source));
        expect(item.laterAccount, where).toBe(citesLater);
        // The first-report line names only sources of the moment or before.
        for (const s of item.event.firstReport.sources) expect(at.get(s.id)! <= moment, where).toBe(true);
      }
      for (const f of (page.figures ?? []).flatMap((g) => g.claimants.flatMap((c) => c.figures))) {
        expect(at.get(f.sourceId)! <= moment && f.reportedInstant <= moment, `${page.path} ${f.quote}`).toBe(true);
      }
    }
  });

  it('shows the Yerevan protests on 20 September only through the passage of 20 September', () => {
    const page = timeline.reporting.pages.find((p) => p.path === '/as-of/2023-09-20/')!;
    const protests = page.days.flatMap((d) => d.items).find((i) => i.event.id === 'yerevan-protests')!;
    expect(protests.laterAccount).toBe(true);
    expect(protests.passages.map((c) => [c.source, c.quote])).toEqual([
      ['azerbaijan-halts-karabakh-offensive', 'Armenian Prime Minister Nikol Pashinyan was already facing calls on Wednesday from some opponents to resign.'],
    ]);
  });

  it('gives the activist’s figures, dated “on Wednesday” in an article of 21 September, from 21 September only', () => {
    const activist = (path: string) =>
      timeline.reporting.pages
        .find((p) => p.path === path)!
        .figures!.flatMap((g) => g.claimants.filter((c) => c.id === 'karabakh-rights-activist').flatMap((c) => c.figures.map((f) => `${g.measure} ${f.figureLabel}`)));
    expect(activist('/as-of/2023-09-20/')).toEqual([]);
    expect(activist('/as-of/2023-09-21/')).toEqual(['killed at least 200', 'injured more than 400', 'civilians-killed 10', 'children-killed half of the ten civilians killed']);
  });
});
