import { afterAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { eventPageJsonLd } from '../../src/exports/jsonld.ts';
import { buildTimeline } from '../../src/views/site.ts';
import { loadAndValidate } from '../../src/pipeline.ts';
import { contentProject, removeProject } from './support/content-project.ts';
import { exportContent } from './support/export-timeline.ts';
import { claim } from './support/records.ts';

describe('claims in JSON-LD', () => {
  const content = exportContent();
  content.actors = [
    { id: 'armenia', name: 'Armenia', description: null, aliases: [], kind: 'organization' },
    { id: 'azerbaijan', name: 'Azerbaijan', description: null, aliases: [] },
    { id: 'vardanyan', name: 'Ruben Vardanyan', description: null, aliases: [], kind: 'person' },
    { id: 'unattributed', name: 'No one named', description: null, aliases: [], kind: 'unnamed' },
  ];
  content.events = content.events.map((e) =>
    e.id === 'ceasefire'
      ? {
          ...e,
          claims: [
            ...e.claims,
            claim('alpha', 'close to 100 people had been killed', { value: 100, qualifier: 'close-to', claimant: 'vardanyan' }),
            claim('alpha', 'dozens killed', { figure: 'dozens', claimant: 'azerbaijan' }),
            claim('alpha', 'dozens killed', { figure: 'dozens', claimant: 'unattributed' }),
          ],
        }
      : e,
  );
  const timeline = buildTimeline(content, renderMarkdown);
  const event = timeline.events.find((e) => e.id === 'ceasefire')!;
  const ld = eventPageJsonLd(event, { site: timeline.site, sourceById: new Map(timeline.sources.map((s) => [s.id, s])) });

  it('makes each figure a Claim by its claimant, typed where the actor list says, in its article, when reported', () => {
    expect(ld.mentions).toEqual([
      {
        '@type': 'Claim',
        text: 'Killed: at least 32',
        author: { '@type': 'Organization', name: 'Armenia' },
        appearance: { '@type': 'NewsArticle', '@id': 'https://example.org/news/sources/beta/#article' },
        // Given on 20 September (`reported`), in an article of 21 September.
        datePublished: '2023-09-20',
      },
      {
        '@type': 'Claim',
        text: 'Killed: close to 100',
        author: { '@type': 'Person', name: 'Ruben Vardanyan' },
        appearance: { '@type': 'NewsArticle', '@id': 'https://example.org/news/sources/alpha/#article' },
        // No `reported`: the article's own date.
        datePublished: '2023-09-20',
      },
      {
        '@type': 'Claim',
        text: 'Killed: dozens',
        author: { name: 'Azerbaijan' },
        appearance: { '@type': 'NewsArticle', '@id': 'https://example.org/news/sources/alpha/#article' },
        datePublished: '2023-09-20',
      },
      // No one is named for it: no author, rather than one called "No one named".
      {
        '@type': 'Claim',
        text: 'Killed: dozens',
        appearance: { '@type': 'NewsArticle', '@id': 'https://example.org/news/sources/alpha/#article' },
        datePublished: '2023-09-20',
      },
    ]);
  });

  it('points each appearance at a NewsArticle the page cites', () => {
    const cited = new Set((ld.citation as { '@id': string }[]).map((c) => c['@id']));
    for (const m of ld.mentions as { appearance: { '@id': string } }[]) expect(cited.has(m.appearance['@id'])).toBe(true);
  });
});

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeProject));
});

describe('actor kinds in content/actors.yml', () => {
  it('are read where given and checked against the two kinds', async () => {
    const root = await contentProject({
      'actors.yml': ['azerbaijan:', '  name: Azerbaijan', '  kind: organization', 'armenia:', '  name: Armenia', '  kind: country', ''].join('\n'),
    });
    roots.push(root);
    const { diagnostics } = await loadAndValidate(root);
    expect(diagnostics.map((d) => [d.file, d.line, d.field, d.ruleId])).toEqual([['content/actors.yml', 6, 'armenia.kind', 'schema/enum']]);

    const good = await contentProject({ 'actors.yml': ['azerbaijan:', '  name: Azerbaijan', '  kind: organization', 'armenia:', '  name: Armenia', ''].join('\n') });
    roots.push(good);
    const { content } = await loadAndValidate(good);
    expect(content!.actors).toEqual([
      { id: 'azerbaijan', name: 'Azerbaijan', description: null, aliases: [], alsoCalled: [], alsoSpelled: [], kind: 'organization' },
      { id: 'armenia', name: 'Armenia', description: null, aliases: [], alsoCalled: [], alsoSpelled: [] },
    ]);
  });
});
