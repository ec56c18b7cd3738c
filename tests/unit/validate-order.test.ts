import { describe, expect, it } from 'vitest';
import { loadContentTexts } from '../../src/load/content.ts';
import { FAMILIES, validateContent } from '../../src/validate/index.ts';
import { orderFindings } from '../../src/validate/order.ts';
import { buildContext } from '../../src/validate/context.ts';
import { toModel } from '../../src/validate/model.ts';
import { EVENT_LINES, VALID_CONTENT } from './support/content-project.ts';

/** Several mistakes in several files, found by different rule families. */
const FILES = {
  ...VALID_CONTENT,
  'actors.yml': `${VALID_CONTENT['actors.yml']}Bad.Key:\n  name: x\nother:\n  nam: y\n`,
  'events/ceasefire.md': VALID_CONTENT['events/ceasefire.md']!
    .replace(/ {2}- id: beta\n {4}quote: "Fighting.*\n/, '')
    .replace('claimant: armenia', 'claimant: armnia\n    reported: "2023-13"\n    max: 2')
    .replace('quote: "The ceasefire took effect at 1 p.m. on Wednesday."', 'quote: "took effect"'),
  'events/bad.md': EVENT_LINES.join('\n')
    .replace('quote: "Azerbaijan launched a military operation on Tuesday."', 'quote: "Tuesday"')
    .replace('id: beta', 'id: betta')
    .replace('date: "2023-09-19"', 'date: "2023-09-19"\nend: "2023-09-01"'),
};

/** File by file in reading order, and within an event in field order, whichever family found each problem. */
const ORDER = [
  'actors.yml Bad.Key id/format',
  'actors.yml other.name schema/required',
  'actors.yml other.nam schema/unknown-key',
  'events/bad.md end date/end-before-start',
  'events/bad.md sources[0].quote quote/short',
  'events/bad.md sources[1].id ref/unknown',
  'events/ceasefire.md sources[0].quote quote/short',
  'events/ceasefire.md claims[0].claimant ref/unknown',
  'events/ceasefire.md claims[0].reported date/impossible',
  'events/ceasefire.md claims[0].max schema/format',
  'events/ceasefire.md sources event/single-source',
];
const show = (list: readonly { file: string; field: string; ruleId: string }[]) => list.map((d) => `${d.file.slice('content/'.length)} ${d.field} ${d.ruleId}`);

describe('validateContent: the order of its findings', () => {
  it('reports file by file and field by field, not family by family', async () => {
    const { raw } = await loadContentTexts(FILES);
    expect(show(validateContent(raw).diagnostics)).toEqual(ORDER);
  });

  it('gives the same order whatever order the families run in', async () => {
    const { raw } = await loadContentTexts(FILES);
    const ctx = buildContext(raw);
    const model = toModel(ctx);
    const reversed = [...FAMILIES].reverse().map((family) => ({ family, diagnostics: family.check(ctx, model) }));
    expect(show(orderFindings(ctx, reversed))).toEqual(ORDER);
  });
});
