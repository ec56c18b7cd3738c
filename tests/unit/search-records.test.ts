import { describe, expect, it } from 'vitest';
import { searchRecords } from '../../src/search/records.ts';
import { exportTimeline } from './support/export-timeline.ts';

const timeline = exportTimeline();
const records = searchRecords(timeline);
const record = (url: string) => records.find((r) => r.url === url)!;

describe('searchRecords', () => {
  it('gives one record per event and per source, at the page’s own path, and nothing else', () => {
    expect(records.map((r) => r.url)).toEqual([
      ...['war', 'blockade', 'offensive', 'ceasefire', 'night', 'talks'].map((id) => `/events/${id}/`),
      // Sources in the model's order: by publication.
      ...['gamma', 'alpha', 'beta'].map((id) => `/sources/${id}/`),
    ]);
    expect(new Set(records.map((r) => r.language))).toEqual(new Set(['en']));
  });

  it('indexes what an event page shows: title, date, body as text, who, where, quotes, figures', () => {
    const offensive = record('/events/offensive/');
    expect(offensive.meta).toEqual({ title: 'Offensive launched', date: timeline.events.find((e) => e.id === 'offensive')!.dateLabel });
    const lines = offensive.content.split('\n');
    expect(lines[0]).toBe('Offensive launched');
    // The body as plain text: markup gone, the raw <script> dropped by the sanitiser, entities decoded.
    expect(lines).toContain('Azerbaijan launched an offensive & shelled Stepanakert.');
    expect(offensive.content).not.toMatch(/<|alert/);
    expect(lines).toContain('Where: Stepanakert, Khankendi');
    expect(lines).toContain('The offensive began.');
    expect(lines).toContain('The offensive began on Tuesday.');
    // Each article is indexed on its own record, not again on every event that cites it.
    expect(offensive.content).not.toContain('Alpha "headline"');
    expect(offensive.content).not.toContain('Beta article');

    const ceasefire = record('/events/ceasefire/');
    expect(ceasefire.content).toContain('Who: Armenia, Azerbaijan');
    expect(ceasefire.content).toContain('· Key event');
    expect(ceasefire.content).toMatch(/^Killed: at least 32, /m);
  });

  it('indexes a source by its title and the events that rest on it; their passages are on the events', () => {
    const alpha = record('/sources/alpha/');
    expect(alpha.meta.title).toBe('Alpha "headline" & more');
    expect(alpha.meta.date).toBe('Article, Wednesday 20 September 2023');
    const lines = alpha.content.split('\n');
    expect(lines[0]).toBe('Alpha "headline" & more');
    expect(lines).toContain('Offensive launched');
    expect(lines).not.toContain('The offensive began.');
    expect(records.filter((r) => r.content.split('\n').includes('Quote with "quotes" & <tags>'))).toHaveLength(1);
  });
});
