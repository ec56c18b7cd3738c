import { cleanText, htmlToText } from '../lib/html-text.ts';
import type { Timeline } from '../views/site.ts';

/**
 * `/events.csv`: one row per event, in timeline order, for spreadsheets and data tools. RFC 4180: a header row,
 * CRLF line ends (the last row too), fields in double quotes where they hold a comma, a quote or a line break,
 * quotes doubled. UTF-8 without a byte-order mark (spreadsheets that assume another encoding are told on import).
 * Lists of ids (`actors`, `places`, `sources`) are joined with `;`, which ids never contain.
 *
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (CSV injection): a title such as
 * `=HYPERLINK("https://evil.example", "Click")` would become a live link. So, as OWASP advises, a text cell that
 * starts with one of those, a tab or a carriage return gets a leading `'`, which spreadsheets hide; numbers in the
 * numeric columns (`utc_offset_minutes`, `claims`) stay numbers. Control characters are dropped (`cleanText`).
 * Data tools reading the file should strip a leading `'` before such a character.
 */

export const CSV_COLUMNS = [
  'id',
  'title',
  'date',
  'precision',
  'local_date',
  'local_time',
  'utc_offset_minutes',
  'utc',
  'end',
  'approximate',
  'date_label',
  'category',
  'importance',
  'era',
  'actors',
  'places',
  'sources',
  'claims',
  'summary',
  'url',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns that hold a whole number (or nothing), written as numbers. */
export const NUMERIC_COLUMNS: ReadonlySet<CsvColumn> = new Set(['utc_offset_minutes', 'claims']);

/** A cell's text, cleaned and, unless it is a number in a numeric column, kept from being read as a formula. */
export function csvCell(value: string, numeric = false): string {
  const text = cleanText(value);
  if (numeric && /^-?\d+$/.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One field, quoted only where RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRecord(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function eventsCsv(timeline: Timeline): string {
  const base = timeline.site.url;
  const rows = timeline.events.map((e) => {
    const row: Record<CsvColumn, string> = {
      id: e.id,
      title: e.title,
      date: e.date.raw,
      precision: e.date.precision,
      local_date: e.date.local,
      local_time: e.date.localTime ?? '',
      utc_offset_minutes: e.date.offsetMinutes === null ? '' : String(e.date.offsetMinutes),
      utc: e.date.utc ?? '',
      end: e.end?.raw ?? '',
      approximate: e.approximate ? 'true' : 'false',
      date_label: e.dateLabel,
      category: e.category,
      importance: e.headline ? 'headline' : '',
      era: e.era,
      actors: e.actors.join(';'),
      places: e.places.join(';'),
      sources: [...new Set(e.sources.map((s) => s.source))].join(';'),
      claims: String(e.claims.length),
      summary: htmlToText(e.html),
      url: `${base}${e.path}`,
    };
    return csvRecord(CSV_COLUMNS.map((c) => csvCell(row[c], NUMERIC_COLUMNS.has(c))));
  });
  return csvRecord(CSV_COLUMNS) + rows.join('');
}
