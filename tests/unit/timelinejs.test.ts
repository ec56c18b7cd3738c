import { describe, expect, it } from 'vitest';
import { backgroundEra, buildTimelineJs, compareTjsDates, timelineJs, tjsDate, type TjsDate } from '../../src/exports/timelinejs.ts';
import { date } from './support/dates.ts';
import { exportContent, exportTimeline } from './support/export-timeline.ts';
import { eventRecord } from './support/records.ts';
import { parsePartOfDay } from '../../src/schema/part-of-day.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { buildTimeline } from '../../src/views/site.ts';

const timeline = exportTimeline();
const tjs = buildTimelineJs(timeline);
const slide = (id: string) => tjs.events.find((s) => s.unique_id === id)!;

describe('tjsDate', () => {
  it.each<[string, TjsDate]>([
    ['1991', { year: 1991 }],
    ['2022-12', { year: 2022, month: 12 }],
    ['2023-09-19', { year: 2023, month: 9, day: 19 }],
    ['2023-09-20T13:00+04:00', { year: 2023, month: 9, day: 20, hour: 13, minute: 0 }],
    // Floating wall-clock time on the event's own clock, never the UTC instant (04:30 the next day here).
    ['2023-09-20T23:30-05:00', { year: 2023, month: 9, day: 20, hour: 23, minute: 30 }],
    ['2023-09-20T09:05Z', { year: 2023, month: 9, day: 20, hour: 9, minute: 5 }],
  ])('%s → %j, only the parts its precision allows', (raw, parts) => {
    expect(tjsDate(date(raw))).toStrictEqual(parts);
  });
});

describe('compareTjsDates', () => {
  it.each<[TjsDate, TjsDate, number]>([
    [{ year: 2023, month: 9 }, { year: 2023, month: 9, day: 1 }, 0],
    [{ year: 2023, month: 9 }, { year: 2023, month: 9, day: 19 }, -1],
    [{ year: 2023 }, { year: 2022, month: 12 }, 1],
    [{ year: 2023, month: 9, day: 20, hour: 13, minute: 0 }, { year: 2023, month: 9, day: 20 }, 1],
  ])('%j vs %j → %i', (a, b, sign) => {
    expect(Math.sign(compareTjsDates(a, b))).toBe(sign);
  });
});

describe('buildTimelineJs', () => {
  it('writes the events in our timeline order with the event ids as unique ids', () => {
    expect(tjs.events.map((s) => s.unique_id)).toEqual(['war', 'blockade', 'offensive', 'ceasefire', 'night', 'talks']);
    expect(tjs.scale).toBe('human');
  });

  it('gives a timed event its local wall-clock parts and says local time and GMT in display_date', () => {
    expect(slide('ceasefire').start_date).toEqual({
      year: 2023,
      month: 9,
      day: 20,
      hour: 13,
      minute: 0,
      display_date: 'Wednesday 20 September 2023, 13:00 local time (UTC+4) · 09:00 GMT',
    });
    expect(slide('ceasefire').display_date).toBe('Wednesday 20 September 2023, 13:00 local time (UTC+4) · 09:00 GMT');
    expect(slide('night').start_date).toMatchObject({ day: 20, hour: 23, minute: 30 });
  });

  it('exports spans at the precision written, and names the whole span in display_date', () => {
    expect(slide('war').start_date).toEqual({ year: 2020, display_date: '2020' });
    expect(slide('war').end_date).toEqual({ year: 2020, month: 11, display_date: 'November 2020' });
    expect(slide('offensive').end_date).toEqual({ year: 2023, month: 9, day: 20, display_date: 'Wednesday 20 September 2023' });
    expect(slide('offensive').display_date).toBe('Tuesday 19 September 2023 – Wednesday 20 September 2023');
    expect(slide('blockade').start_date).toEqual({ year: 2022, month: 12, display_date: 'December 2022 (approximate)' });
    expect(slide('blockade').display_date).toBe('December 2022 – September 2023 (approximate)');
  });

  it('leaves out an end TimelineJS would read as before the start, but keeps the span in display_date', () => {
    // `2023-09` ends a span from 21 September; TimelineJS would read it as 1 September.
    expect(slide('talks')).not.toHaveProperty('end_date');
    expect(slide('talks').display_date).toBe('Thursday 21 September 2023 – September 2023');
  });

  it('groups by category label', () => {
    expect(tjs.events.map((s) => s.group)).toEqual(['Background', 'Background', 'Military', 'Military', 'Military', 'Diplomacy']);
  });

  it('escapes headlines, which TimelineJS inserts as HTML', () => {
    expect(slide('ceasefire').text.headline).toBe('Ceasefire &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('carries the body, the cited passages and a link to the full event in the text', () => {
    const text = slide('ceasefire').text.text;
    expect(text.startsWith('<p>The ceasefire took effect at 13:00.</p>\n<p>Sources:</p>')).toBe(true);
    expect(text).toContain('“Quote with &quot;quotes&quot; &amp; &lt;tags&gt;”');
    expect(text).toContain('Killed: at least 32, according to Armenia');
    expect(text.endsWith('<p><a href="https://example.org/news/events/ceasefire/">The full event, with its sources</a></p>')).toBe(true);
    expect(slide('offensive').text.text).not.toContain('<script');
  });

  it('makes a title slide from the site title and introduction, escaped', () => {
    expect(tjs.title).toEqual({
      text: { headline: 'Test &amp; timeline &lt;b&gt;', text: '<p>Intro with &lt;i&gt;tags&lt;/i&gt; &amp; &quot;quotes&quot;.</p>' },
    });
  });

  it('makes the background era run from its first event to era_start', () => {
    expect(tjs.eras).toEqual([{ start_date: { year: 2020 }, end_date: { year: 2023, month: 9 }, text: { headline: 'Background', text: '' } }]);
  });
});

describe('backgroundEra', () => {
  it('is empty without background events', () => {
    const main = timeline.events.filter((e) => e.era === 'main');
    expect(backgroundEra(main, date('2023-09'))).toEqual([]);
  });

  it('never has equal start and end dates (TimelineJS drops the end and fails, #838)', () => {
    const [first] = timeline.events;
    expect(backgroundEra([{ ...first!, date: date('2023-08') }], date('2023-09'))[0]).toMatchObject({
      start_date: { year: 2023, month: 8 },
      end_date: { year: 2023, month: 9 },
    });
    // An inconsistent input, a background event on era_start itself, gives no era rather than a broken one.
    expect(backgroundEra([{ ...first!, date: date('2023-09') }], date('2023-09'))).toEqual([]);
  });
});

describe('timelineJs', () => {
  it('serialises the same content to the same bytes', () => {
    const text = timelineJs(timeline);
    expect(JSON.parse(text)).toEqual(tjs);
    expect(timelineJs(exportTimeline())).toBe(text);
  });
});

describe('issue 16: TimelineJS keeps our order whatever the zones', () => {
  // 16:00 at +04:00 is 12:00 GMT; 10:00 at −04:00 (Washington) is 14:00 GMT, 18:00 on the site's +04:00 clock.
  const content = exportContent();
  content.events = [
    ...content.events,
    eventRecord('baku-1600', '2023-09-20T16:00+04:00', { sources: content.events[0]!.sources }),
    eventRecord('washington-1000', '2023-09-20T10:00-04:00', { sources: content.events[0]!.sources }),
    eventRecord('evening', '2023-09-20', { partOfDay: parsePartOfDay('evening'), sources: content.events[0]!.sources }),
    eventRecord('after-night', '2023-09-20', { after: 'night', sources: content.events[0]!.sources }),
  ];
  const timeline = buildTimeline(content, renderMarkdown);
  const slides = buildTimelineJs(timeline).events;

  /** The order TimelineJS shows: a stable sort by start date, as in its TimelineConfig. */
  const shown = [...slides].sort((a, b) => compareTjsDates(a.start_date!, b.start_date!)).map((s) => s.unique_id);

  it('has our order and keeps it through TimelineJS’s sort', () => {
    const ours = timeline.events.map((e) => e.id);
    expect(ours.slice(ours.indexOf('ceasefire'))).toEqual(['ceasefire', 'baku-1600', 'evening', 'washington-1000', 'night', 'after-night', 'talks']);
    expect(shown).toEqual(ours);
    expect(slides.map((s) => s.unique_id)).toEqual(ours);
  });

  it('puts every start on the site clock and keeps the event’s own label in display_date', () => {
    const slide = (id: string) => slides.find((s) => s.unique_id === id)!;
    expect(slide('washington-1000').start_date).toMatchObject({ day: 20, hour: 18, minute: 0 });
    expect(slide('washington-1000').display_date).toBe('Wednesday 20 September 2023, 10:00 local time (UTC−4) · 14:00 GMT');
    expect(slide('baku-1600').start_date).toMatchObject({ day: 20, hour: 16, minute: 0 });
    expect(slide('evening').start_date).toMatchObject({ day: 20, hour: 17, minute: 0 });
    expect(slide('evening').display_date).toBe('Wednesday 20 September 2023, evening (no exact time reported)');
  });
});
