import { describe, expect, it } from 'vitest';
import { searchRecords } from '../../src/search/records.ts';
import { exportTimeline } from './support/export-timeline.ts';

const timeline = exportTimeline();
const records = searchRecords(timeline);
const record = (url: string) => records.find((r) => r.url === url)!;
const event = (id: string) => timeline.events.find((e) => e.id === id)!;

describe('searchRecords', () => {
  it('gives one record per event and per source, at the page’s own path, and nothing else', () => {
    expect(records.map((r) => r.url)).toEqual([
      ...['war', 'blockade', 'offensive', 'ceasefire', 'night', 'talks'].map((id) => `/events/${id}/`),
      // Sources in the model's order: by publication.
      ...['gamma', 'alpha', 'beta'].map((id) => `/sources/${id}/`),
    ]);
    expect(new Set(records.map((r) => r.language))).toEqual(new Set(['en']));
  });

  it('makes an event’s text its summary and quoted passages, each a sentence, with title, date and category as meta', () => {
    const offensive = record('/events/offensive/');
    expect(offensive.meta).toEqual({ title: 'Offensive launched', date: event('offensive').dateLabel, category: 'Military', tags: 'Stepanakert' });
    // The body as plain text (markup gone, the raw <script> dropped by the sanitiser, entities decoded), then each
    // quote in quotation marks: nothing else, so that an excerpt is prose.
    expect(offensive.content.split('\n')).toEqual([
      'Azerbaijan launched an offensive & shelled Stepanakert.',
      '“The offensive began.”',
      '“The offensive began on Tuesday.”',
    ]);
    const ceasefire = record('/events/ceasefire/');
    expect(ceasefire.meta.title).toBe('Ceasefire </script><script>alert(1)</script>');
    expect(ceasefire.meta.category).toBe('Military');
    expect(ceasefire.content.split('\n')).toEqual(['The ceasefire took effect at 13:00.', '“Quote with "quotes" & <tags>”', '“The ceasefire took effect.”']);
  });

  it('leaves the title, labels, names and figures out of the text', () => {
    for (const r of records.filter((r) => r.url.startsWith('/events/'))) {
      expect(r.content.split('\n')).not.toContain(r.meta.title);
      expect(r.content).not.toContain(r.meta.date);
      expect(r.content).not.toMatch(/Who:|Where:|Key event|Killed:|How the date/);
    }
    // Who and where are names in meta, searched but not shown; the alias table turns any spelling into them.
    expect(record('/events/ceasefire/').meta.tags).toBe('Armenia; Azerbaijan');
    expect(record('/events/offensive/').meta.tags).toBe('Stepanakert');
    expect(record('/events/night/').meta).not.toHaveProperty('tags');
  });

  it('finds a source by its title; its text is one sentence, not the titles of the events that cite it', () => {
    const alpha = record('/sources/alpha/');
    expect(alpha.meta).toEqual({ title: 'Alpha "headline" & more', date: 'Wednesday 20 September 2023', category: 'Source' });
    expect(alpha.content).toBe('An article the timeline cites for 2 events.');
    expect(record('/sources/gamma/').content).toBe('An article the timeline cites for 2 events.');
    expect(records.filter((r) => r.content.includes('Quote with "quotes" & <tags>'))).toHaveLength(1);
  });
});
