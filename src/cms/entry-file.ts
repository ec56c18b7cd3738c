import { stringify } from 'yaml';
import { eventSchema } from '../schema/event.ts';
import { pruned } from './admin/pruned.js';

/**
 * An entry as the form holds it without what the editor left empty: blank text, empty lists, unset numbers.
 * The admin page's preSave hook prunes with the same function before Decap writes the file, so an untouched
 * optional field never becomes `end: ""` (which the check would rightly reject). `sources` stays even when empty:
 * it is required, and the check should say so.
 */
export function withoutEmpty(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const kept = pruned(value);
    if (kept !== undefined) out[key] = kept;
    else if (key === 'sources') out[key] = [];
  }
  return out;
}

const ORDER = Object.keys(eventSchema.shape);

/**
 * The event file for an entry of the form: front matter in the schema's field order, then the body, as Decap's
 * front-matter format writes it (the yaml package, `---` fences), so the check's lines match the saved file's.
 */
export function entryToFile(data: Record<string, unknown>): string {
  const { body, ...fields } = withoutEmpty(data);
  const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);
  const ordered = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => rank(a) - rank(b)));
  const text = typeof body === 'string' ? body : '';
  return `---\n${stringify(ordered)}---\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}`;
}
