import { MEASURES, QUALIFIERS, type Measure, type Qualifier } from '../schema/vocabulary.ts';

/** What is known about an event before an editor has finished it. Unknown required fields are left as prompts. */
export interface EventDraft {
  title: string;
  date: string;
  end?: string;
  approximate?: boolean;
  /** `late evening`, for a day without a time whose article names the part of the day. */
  partOfDay?: string;
  dateInferred?: string;
  category?: string;
  actors: readonly string[];
  places: readonly string[];
  sources: readonly { id: string; quote: string; prefix?: string }[];
  /** Figures the article mentions: written as a commented-out `claims` block for the editor to complete. */
  claims?: readonly ClaimDraft[];
  /** Comment lines at the top of the front matter, e.g. where a draft came from. */
  notes?: readonly string[];
}

export interface ClaimDraft {
  measure: Measure | null;
  value: number | null;
  max: number | null;
  figure: string | null;
  qualifier: Qualifier | null;
  source: string;
  quote: string;
}

/** A YAML 1.2 double-quoted scalar: JSON strings are a subset of it. */
const q = (text: string) => JSON.stringify(text);
const list = (ids: readonly string[]) => `[${ids.join(', ')}]`;

/**
 * The text of an event file with every field of the format present: the known ones filled in, the rest as
 * comments that say what goes there. Required fields that are still unknown stay commented out, so
 * `npm run check` names each one until it is filled in.
 */
export function renderEventFile(draft: EventDraft, categories: readonly string[]): string {
  const lines: string[] = ['---'];
  for (const note of draft.notes ?? []) lines.push(`# ${note}`);
  lines.push(`title: ${q(draft.title)}`);
  lines.push(`date: ${q(draft.date)}  # ISO 8601 at the precision known: "1991", "2023-09", "2023-09-20", "2023-09-20T13:00+04:00"`);
  lines.push(draft.end ? `end: ${q(draft.end)}` : '# end: "2023-09-21"  # for spans: when it ended');
  lines.push(draft.approximate ? 'approximate: true' : '# approximate: true  # for "late on Wednesday", "in recent weeks"');
  if (draft.partOfDay) lines.push(`part_of_day: ${q(draft.partOfDay)}`);
  lines.push(
    draft.dateInferred
      ? `date_inferred: ${q(draft.dateInferred)}`
      : `# date_inferred: "'on Tuesday' in an article published on Wednesday 20 September 2023"  # how the date was worked out`,
  );
  const choices = categories.length > 0 ? `one of ${categories.join(', ')}` : 'an id from content/categories.yml';
  lines.push(draft.category ? `category: ${draft.category}  # ${choices}` : `# category:  # required: ${choices}`);
  lines.push('# importance: headline  # only for the few key events');
  lines.push('# sequence: 1  # orders events with the same date, lower first');
  lines.push(`actors: ${list(draft.actors)}  # ids from content/actors.yml`);
  lines.push(`places: ${list(draft.places)}  # ids from content/places.yml`);
  lines.push('sources:  # every article that reports the event, each with the exact passage');
  if (draft.sources.length === 0) {
    lines.push('  - id: source-id  # the file name of the article in content/sources/, without .md');
    lines.push(`    quote: ${q('Paste the exact passage from the article here.')}`);
  }
  for (const source of draft.sources) {
    lines.push(`  - id: ${source.id}`);
    lines.push(`    quote: ${q(source.quote)}`);
    if (source.prefix) lines.push(`    prefix: ${q(source.prefix)}`);
  }
  lines.push('# claims:  # figures that sources disagree on: one entry per figure, claimant and article');
  const claims = draft.claims ?? [];
  if (claims.length === 0) {
    lines.push('#   - measure: killed  # ' + Object.keys(MEASURES).join(', '));
    lines.push('#     value: 32  # or figure: "dozens", the words of the article');
    lines.push('#     qualifier: at-least  # ' + Object.keys(QUALIFIERS).join(', '));
    lines.push('#     claimant: armenia  # the actor who gives the figure');
    lines.push(`#     source: ${draft.sources[0]?.id ?? 'source-id'}`);
    lines.push(`#     quote: ${q('The exact passage with the figure.')}`);
  }
  for (const claim of claims) {
    lines.push(`#   - measure: ${claim.measure ?? '?'}  # ${Object.keys(MEASURES).join(', ')}`);
    if (claim.value !== null) lines.push(`#     value: ${claim.value}`);
    if (claim.max !== null) lines.push(`#     max: ${claim.max}`);
    if (claim.figure !== null) lines.push(`#     figure: ${q(claim.figure)}`);
    if (claim.qualifier !== null) lines.push(`#     qualifier: ${claim.qualifier}`);
    lines.push('#     claimant: ?  # the actor who gives the figure');
    lines.push(`#     source: ${claim.source}`);
    lines.push(`#     quote: ${q(claim.quote)}`);
  }
  lines.push('# After the closing line: a short, neutral summary of the event in Markdown.');
  lines.push('---');
  lines.push('');
  return lines.join('\n');
}
