/**
 * Rendered list entries. An event's entry in a list (the timeline, its period page, each of its category, actor
 * and place pages) is the same wherever it appears: rendered once per variant, not once per page it is on.
 *
 * Entries are kept by the build's `events` array. Eleventy gives every page its own copy of the `timeline` object
 * (its data cascade copies plain objects), so a cache keyed on `timeline` never hits; arrays it passes on as they
 * are, so every page and every run of one build shares the same `events`. Each build (and each watch rebuild)
 * models a new array, so entries never outlive the model, or the templates, they were rendered with.
 */
export interface ListEntryCache {
  /** The entry of `event` in `events`' build for `variant`, rendered by `render` the first time only. */
  get(events: readonly object[], event: object, variant: string, render: () => string): string;
  /** Entries served without rendering, and entries rendered. */
  readonly hits: number;
  readonly misses: number;
}

export function listEntryCache(): ListEntryCache {
  const builds = new WeakMap<readonly object[], Map<object, Map<string, string>>>();
  let hits = 0;
  let misses = 0;
  return {
    get(events, event, variant, render) {
      let entries = builds.get(events);
      if (!entries) builds.set(events, (entries = new Map()));
      let variants = entries.get(event);
      if (!variants) entries.set(event, (variants = new Map()));
      let html = variants.get(variant);
      if (html === undefined) {
        misses++;
        variants.set(variant, (html = render()));
      } else hits++;
      return html;
    },
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
  };
}
