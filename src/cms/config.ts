import { eventSchema } from '../schema/event.ts';
import { PART_OF_DAY_VALUES } from '../schema/part-of-day.ts';
import { IMPORTANCE, MEASURES, QUALIFIERS, UPDATE_TYPES } from '../schema/vocabulary.ts';
import { CITATION_HELP, CLAIM_HELP, EVENT_HELP, UPDATE_HELP } from './field-help.ts';

/** A choice in a select: the id is what the file holds, the label what the editor reads. */
export interface Choice {
  value: string;
  label: string;
}

/** What the configuration is generated from: the project's lists, as `npm run check` reads them. */
export interface CmsInputs {
  categories: Choice[];
  actors: Choice[];
  places: Choice[];
  sources: Choice[];
  events: Choice[];
  /** Folders under drafts/ that `npm run extract -- … --out` wrote, one per article. */
  draftFolders: string[];
  backend: CmsBackend;
}

export type CmsBackend =
  /** decap-server's file-system middleware, mounted by the preview at /api/v1 (the admin page adds the origin). */
  | { kind: 'local' }
  /** A newsroom's repository: every save is a branch and a pull request (draft → in review → ready → published). */
  | { kind: 'github'; repo: string; branch: string; baseUrl?: string; siteUrl?: string };

/**
 * The ISO 8601 shapes `date`, `end` and `reported` accept, for the form to flag a typo as it is typed. The check
 * stays the judge (an impossible day such as 2023-09-31 passes here and is reported there); a unit test keeps
 * this pattern and src/schema/dates.ts in step.
 */
export const DATE_FORM_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2}))?)?)?$';
const DATE_FORM_MESSAGE = 'Expected ISO 8601 such as 1991, 2022-12, 2023-09-20 or 2023-09-20T13:00+04:00';

type Field = Record<string, unknown> & { name: string };

/** A list of choices; with none to offer (an empty actors.yml), a text field, as Decap refuses a select without options. */
const select = (choices: readonly Choice[]) =>
  choices.length === 0 ? { widget: 'string' } : { widget: 'select', options: choices.map((c) => ({ label: c.label, value: c.value })) };
/** Several of a list of choices; with none to offer, ids typed as a list. */
const many = (choices: readonly Choice[]) => (choices.length === 0 ? { widget: 'list' } : { ...select(choices), multiple: true });
const plain = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
const labelled = (map: Record<string, string>) => Object.entries(map).map(([value, label]) => ({ value, label }));
const dateField = { widget: 'string', pattern: [DATE_FORM_PATTERN, DATE_FORM_MESSAGE] };

/** The form of one event, field by field in the schema's order; the body is the summary. */
export function eventFields(inputs: CmsInputs): Field[] {
  const byName: Record<keyof typeof EVENT_HELP, Omit<Field, 'name' | 'hint'>> = {
    title: { label: 'Title', widget: 'string' },
    date: { label: 'Date', ...dateField },
    end: { label: 'End', ...dateField, required: false },
    approximate: { label: 'Approximate', widget: 'boolean', required: false },
    date_inferred: { label: 'How the date was worked out', widget: 'string', required: false },
    part_of_day: { label: 'Part of the day', ...select(plain(PART_OF_DAY_VALUES)), required: false },
    after: { label: 'After', ...select(inputs.events), required: false },
    category: { label: 'Category', ...select(inputs.categories) },
    importance: { label: 'Importance', ...select(plain(IMPORTANCE)), required: false },
    sequence: { label: 'Sequence', widget: 'number', value_type: 'int', required: false },
    actors: { label: 'Actors', ...many(inputs.actors), required: false },
    places: { label: 'Places', ...many(inputs.places), required: false },
    // A widget of our own (src/cms/admin/admin.js): pick the article, search it, pick the passage.
    sources: { label: 'Sources', widget: 'citations', parts: CITATION_HELP },
    claims: {
      label: 'Figures',
      widget: 'list',
      required: false,
      summary: '{{fields.claimant}}: {{fields.measure}} {{fields.value}}{{fields.figure}}',
      fields: claimFields(inputs),
    },
    updates: { label: 'Corrections and updates', widget: 'list', required: false, summary: '{{fields.date}} {{fields.type}}', fields: updateFields() },
  };
  const fields = Object.keys(eventSchema.shape).map((name) => {
    const field = byName[name as keyof typeof byName];
    return { name, ...field, hint: EVENT_HELP[name as keyof typeof EVENT_HELP] };
  });
  return [...fields, { name: 'body', label: 'Summary', widget: 'markdown', hint: 'The event in a few sentences, in neutral words. Figures only as the quotes or the claims give them.' }];
}

function claimFields(inputs: CmsInputs): Field[] {
  const fields: Record<keyof typeof CLAIM_HELP, Omit<Field, 'name' | 'hint'>> = {
    measure: { label: 'What it counts', ...select(labelled(MEASURES)) },
    value: { label: 'Value', widget: 'number', value_type: 'float', min: 0, required: false },
    max: { label: 'Up to', widget: 'number', value_type: 'float', min: 0, required: false },
    figure: { label: 'Figure in words', widget: 'string', required: false },
    qualifier: { label: 'Qualifier', ...select(labelled(QUALIFIERS)), required: false },
    claimant: { label: 'Claimant', ...select(inputs.actors) },
    attribution: { label: 'Attribution', widget: 'string', required: false },
    source: { label: 'Source', ...select(inputs.sources) },
    // Picked from the articles' sentences, as the sources' quotes are (src/cms/admin/admin.js).
    quote: { label: 'Quote', widget: 'passage' },
    prefix: { label: 'Prefix', widget: 'string', required: false },
    suffix: { label: 'Suffix', widget: 'string', required: false },
    reported: { label: 'Reported', ...dateField, required: false },
  };
  return named(fields, CLAIM_HELP);
}

function updateFields(): Field[] {
  const fields: Record<keyof typeof UPDATE_HELP, Omit<Field, 'name' | 'hint'>> = {
    date: { label: 'Date', ...dateField },
    type: { label: 'Type', ...select(labelled(UPDATE_TYPES)) },
    text: { label: 'What changed', widget: 'string' },
  };
  return named(fields, UPDATE_HELP);
}

const named = <K extends string>(fields: Record<K, Omit<Field, 'name' | 'hint'>>, help: Record<K, string>): Field[] =>
  (Object.keys(fields) as K[]).map((name) => ({ name, ...fields[name], hint: help[name] }));

/**
 * The whole Decap CMS configuration: the events collection, one collection per folder of drafts, and the backend.
 * Passed to `CMS.init` by the admin page (no config.yml to drift from the schema).
 */
export function cmsConfig(inputs: CmsInputs): Record<string, unknown> {
  const fields = eventFields(inputs);
  const events = {
    name: 'events',
    label: 'Events',
    label_singular: 'Event',
    folder: 'content/events',
    extension: 'md',
    format: 'frontmatter',
    create: true,
    delete: true,
    slug: '{{slug}}',
    identifier_field: 'title',
    summary: '{{date}} · {{title}}',
    sortable_fields: ['date', 'title'],
    fields,
  };
  const drafts = inputs.draftFolders.map((folder) => ({
    ...events,
    name: `drafts-${folder}`,
    label: `Drafts from ${folder}`,
    label_singular: 'Draft',
    folder: `drafts/${folder}`,
    create: false,
    description: `Draft events that \`npm run extract -- content/sources/${folder}.md --out\` proposed. Finish one, then use "Make it an event" in the preview to move it into content/events/.`,
  }));
  const backend =
    inputs.backend.kind === 'local'
      ? { backend: { name: 'proxy', branch: 'main' } }
      : {
          backend: {
            name: 'github',
            repo: inputs.backend.repo,
            branch: inputs.backend.branch,
            ...(inputs.backend.baseUrl ? { base_url: inputs.backend.baseUrl } : {}),
            squash_merges: true,
          },
          publish_mode: 'editorial_workflow',
          ...(inputs.backend.siteUrl ? { site_url: inputs.backend.siteUrl } : {}),
        };
  return {
    ...backend,
    load_config_file: false,
    // Required by Decap; this timeline has no uploads, and the local backend refuses them.
    media_folder: 'content/media',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [events, ...drafts],
  };
}
