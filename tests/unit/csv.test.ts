import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, csvRecord, eventsCsv } from '../../src/exports/csv.ts';
import { exportTimeline } from './support/export-timeline.ts';

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    [' spaced ', ' spaced '],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['“curly” – ✓', '“curly” – ✓'],
  ])('%j → %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('csvRecord', () => {
  it('joins fields with commas and ends with CRLF', () => {
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });
});

describe('eventsCsv', () => {
  const timeline = exportTimeline();
  const text = eventsCsv(timeline);

  it('starts with the header row, without a byte-order mark', () => {
    expect(text.startsWith(
      'id,title,date,precision,local_date,local_time,utc_offset_minutes,utc,end,approximate,date_label,category,importance,era,actors,places,sources,claims,summary,url\r\n',
    )).toBe(true);
  });

  it('has one CRLF-terminated record per event, in timeline order', () => {
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 6 + 1);
    expect(lines.slice(1, -1).map((l) => l.split(',')[0])).toEqual(['war', 'blockade', 'offensive', 'ceasefire', 'night', 'talks']);
  });

  it('writes the ceasefire row field by field', () => {
    const line = text.split('\r\n').find((l) => l.startsWith('ceasefire,'))!;
    expect(line).toBe(
      [
        'ceasefire',
        'Ceasefire </script><script>alert(1)</script>',
        '2023-09-20T13:00+04:00',
        'minute',
        '2023-09-20',
        '13:00',
        '240',
        '2023-09-20T09:00:00Z',
        '',
        'false',
        // The label holds a comma, so it is quoted.
        '"Wednesday 20 September 2023, 13:00 local time (UTC+4) · 09:00 GMT"',
        'military',
        'headline',
        'main',
        'armenia;azerbaijan',
        '',
        'alpha;beta',
        '1',
        'The ceasefire took effect at 13:00.',
        'https://example.org/news/events/ceasefire/',
      ].join(','),
    );
  });

  it('round-trips through a CSV parser to the same values', () => {
    const rows = parse(text, { columns: true, bom: false }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => r.id)).toEqual(timeline.events.map((e) => e.id));
    for (const [i, e] of timeline.events.entries()) {
      expect(rows[i]).toMatchObject({ id: e.id, title: e.title, date: e.date.raw, end: e.end?.raw ?? '', category: e.category });
    }
    expect(rows.find((r) => r.id === 'offensive')).toMatchObject({
      summary: 'Azerbaijan launched an offensive & shelled Stepanakert.',
      places: 'stepanakert',
      sources: 'alpha;beta',
      end: '2023-09-20',
      precision: 'day',
      utc: '',
    });
    expect(rows.find((r) => r.id === 'blockade')).toMatchObject({ approximate: 'true', date_label: 'December 2022 – September 2023 (approximate)' });
  });

  it('quotes a field holding a comma, a quote or a line break', () => {
    const tricky = { ...timeline, events: [{ ...timeline.events[0]!, title: 'Talks, "round two"\nin Yevlakh' }] };
    const row = parse(eventsCsv(tricky), { columns: true }) as Record<string, string>[];
    expect(row[0]!.title).toBe('Talks, "round two"\nin Yevlakh');
    expect(eventsCsv(tricky)).toContain(',"Talks, ""round two""\nin Yevlakh",');
  });
});
