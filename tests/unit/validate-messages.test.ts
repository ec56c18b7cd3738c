import { afterAll, describe, expect, it } from 'vitest';
import { loadAndValidate } from '../../src/pipeline.ts';
import { contentProject, removeProject, VALID_CONTENT } from './support/content-project.ts';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeProject));
});

async function siteProblems(from: string, to: string) {
  const root = await contentProject({ 'site.yml': VALID_CONTENT['site.yml']!.replace(from, to) });
  roots.push(root);
  const { diagnostics } = await loadAndValidate(root);
  return diagnostics.map(({ file, line, column, field, ruleId, message, expected }) => ({ file, line, column, field, ruleId, message, expected }));
}

describe('site.yml messages that say what is wrong (issue 18)', () => {
  it('an unknown time zone is reported as unknown, with an example, not as a missing field', async () => {
    expect(await siteProblems('time_zone: "+04:00"', 'time_zone: "Asia/Stepanakert"')).toEqual([
      {
        file: 'content/site.yml',
        line: 5,
        column: 12,
        field: 'time_zone',
        ruleId: 'schema/format',
        message: 'Unknown time zone `Asia/Stepanakert` in `time_zone`.',
        expected: 'an IANA time zone such as `Asia/Baku`, or an offset such as `+04:00`',
      },
    ]);
  });

  it('an invalid language asks for a BCP 47 tag, not "Invalid string: must match pattern"', async () => {
    expect(await siteProblems('language: en', 'language: English')).toEqual([
      {
        file: 'content/site.yml',
        line: 4,
        column: 11,
        field: 'language',
        ruleId: 'schema/format',
        message: 'Unexpected text `English` in `language`.',
        expected: 'a BCP 47 language tag such as `en`',
      },
    ]);
  });
});
