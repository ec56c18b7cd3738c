import type { TimelineCore } from '../model/timeline.ts';
import { searchAliases } from './aliases.ts';
import { indexRecords, type SearchBundle } from './pagefind.ts';
import { searchRecords } from './records.ts';

/** Where the alias table goes, beside Pagefind's files in `pagefind/`; the search script loads it from there. */
export const ALIASES_FILE = 'aliases.json';

/** The search bundle for a timeline: Pagefind's index of its records, and the alias table (see aliases.ts). */
export async function searchBundle(core: Pick<TimelineCore, 'site' | 'events' | 'sources' | 'actors' | 'places'>, signal?: AbortSignal): Promise<SearchBundle> {
  const records = searchRecords(core);
  const aliases = searchAliases(core.actors, core.places, records);
  const files = await indexRecords(records, signal);
  return [...files, { path: ALIASES_FILE, content: new TextEncoder().encode(JSON.stringify(aliases)) }];
}
