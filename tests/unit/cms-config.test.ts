import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmsConfig, DATE_FORM_PATTERN, eventFields, type CmsInputs } from '../../src/cms/config.ts';
import { readCmsInputs } from '../../src/cms/inputs.ts';
import { parseEventDate } from '../../src/schema/dates.ts';
import { citationSchema, claimSchema, eventSchema, updateSchema } from '../../src/schema/event.ts';
import { PART_OF_DAY_VALUES } from '../../src/schema/part-of-day.ts';
import { MEASURES, QUALIFIERS, UPDATE_TYPES } from '../../src/schema/vocabulary.ts';
import { loadLists } from '../../src/validate/lists.ts';
import { ROOT } from '../helpers/project.ts';

type Field = { name: string; label?: string; hint?: string; widget?: string; options?: { value: string }[]; fields?: Field[]; parts?: Record<string, string>; required?: boolean; multiple?: boolean };

const { inputs } = await readCmsInputs(ROOT, { kind: 'local' });
const fields = eventFields(inputs) as Field[];
const field = (name: string, list: Field[] = fields) => {
  const found = list.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};
const values = (f: Field) => (f.options ?? []).map((o) => o.value);

describe('the editor configuration generated from the schema', () => {
  it('has one field per schema key, in the schema order, each with help text, then the body', () => {
    expect(fields.map((f) => f.name)).toEqual([...Object.keys(eventSchema.shape), 'body']);
    for (const f of fields) expect(f.hint, f.name).toMatch(/\w{3,}/);
  });

  it('makes optional exactly the fields the schema lets an editor leave out', () => {
    for (const [name, schema] of Object.entries(eventSchema.shape)) {
      const optional = schema.safeParse(undefined).success;
      expect(field(name).required === false, name).toBe(optional);
    }
  });

  it('describes claims, updates and citations field by field, as their schemas do', () => {
    expect(field('claims').fields!.map((f) => f.name)).toEqual(Object.keys(claimSchema.shape));
    expect(field('updates').fields!.map((f) => f.name)).toEqual(Object.keys(updateSchema.shape));
    expect(Object.keys(field('sources').parts!)).toEqual(Object.keys(citationSchema.shape));
    for (const f of [...field('claims').fields!, ...field('updates').fields!]) expect(f.hint, f.name).toMatch(/\w{3,}/);
  });

  it('offers the categories, actors, places and sources of content/ as choices', () => {
    const { lists } = loadLists(ROOT);
    expect(values(field('category'))).toEqual(lists.categories);
    expect(values(field('actors'))).toEqual(lists.actors.map((a) => a.id));
    expect(values(field('places'))).toEqual(lists.places.map((p) => p.id));
    expect(field('actors').multiple).toBe(true);
    expect(values(field('claimant', field('claims').fields))).toEqual(lists.actors.map((a) => a.id));
    const sourceIds = readdirSync(join(ROOT, 'content/sources')).map((n) => n.replace(/\.md$/, ''));
    expect(values(field('source', field('claims').fields)).sort()).toEqual(sourceIds.sort());
    expect(field('category').options).toContainEqual({ value: 'military', label: 'Military (military)' });
  });

  it('offers the closed vocabularies of the schema', () => {
    expect(values(field('part_of_day'))).toEqual(PART_OF_DAY_VALUES);
    expect(values(field('part_of_day'))).toContain('late evening');
    expect(values(field('importance'))).toEqual(['headline']);
    expect(values(field('measure', field('claims').fields))).toEqual(Object.keys(MEASURES));
    expect(values(field('qualifier', field('claims').fields))).toEqual(Object.keys(QUALIFIERS));
    expect(values(field('type', field('updates').fields))).toEqual(Object.keys(UPDATE_TYPES));
  });

  it("flags in the form exactly the dates the check rejects for their shape", () => {
    const pattern = new RegExp(DATE_FORM_PATTERN);
    const table = ['1991', '2022-12', '2023-09-20', '2023-09-20T13:00+04:00', '2023-09-20T13:00:30Z', '2023-09-31', '2023-13', '20/09/2023', '2023-9-20', '2023-09-20T13:00', '2023-09-20 13:00+04:00', '23-09-20', '2023-09-20T13+04:00', ''];
    for (const date of table) {
      const parsed = parseEventDate(date);
      const shapeOk = !('kind' in parsed) || parsed.kind === 'impossible';
      expect(pattern.test(date), date).toBe(shapeOk);
    }
  });
});

describe('the backends', () => {
  const base: CmsInputs = { ...inputs, draftFolders: ['delegation-in-yevlax'] };

  it('edits the local files through the preview by default, and lists each folder of drafts as a collection', () => {
    const config = cmsConfig({ ...base, backend: { kind: 'local' } }) as { backend: { name: string }; publish_mode?: string; collections: { name: string; folder: string; create: boolean }[] };
    expect(config.backend.name).toBe('proxy');
    expect(config.publish_mode).toBeUndefined();
    expect(config.collections.map((c) => [c.name, c.folder, c.create])).toEqual([
      ['events', 'content/events', true],
      ['drafts-delegation-in-yevlax', 'drafts/delegation-in-yevlax', false],
    ]);
  });

  it('saves through pull requests on GitHub with the editorial workflow when a repository is named', () => {
    const config = cmsConfig({ ...base, backend: { kind: 'github', repo: 'newsroom/timeline', branch: 'main', baseUrl: 'https://auth.example.org' } });
    expect(config).toMatchObject({
      backend: { name: 'github', repo: 'newsroom/timeline', branch: 'main', base_url: 'https://auth.example.org' },
      publish_mode: 'editorial_workflow',
    });
  });
});

describe('an empty list', () => {
  it('becomes a text field (or a list of them), as Decap refuses a select without options', () => {
    const bare = eventFields({ ...inputs, actors: [], events: [] }) as Field[];
    expect(field('actors', bare).widget).toBe('list');
    expect(field('after', bare).widget).toBe('string');
    expect(field('category', bare).widget).toBe('select');
  });
});
