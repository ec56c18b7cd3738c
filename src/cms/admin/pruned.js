/* What the editor left empty, left out: blank text, unset numbers, and lists and objects with nothing else in them.
 * One module for the admin page's preSave hook (before Decap writes the file) and src/cms/entry-file.ts (the check
 * of an unsaved entry), so the entry checked is the entry saved. Plain JavaScript: the browser loads it as it is. */

/**
 * @param {unknown} value
 * @returns {unknown} the value without its empty parts, or undefined when nothing is left
 */
export function pruned(value) {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map(pruned).filter((v) => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, pruned(v)])
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}
