import { afterAll, describe, expect, it } from 'vitest';
import { sortDiagnostics } from '../../src/diagnostics/diagnostic.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { buildFeed, entryDates, eventDetailsHtml, jsonFeed } from '../../src/exports/feeds.ts';
import { eventPageJsonLd } from '../../src/exports/jsonld.ts';
import { buildTimeline } from '../../src/views/site.ts';
import type { EventUpdate } from '../../src/schema/records.ts';
import { loadAndValidate } from '../../src/pipeline.ts';
import { contentProject, eventWith, removeProject } from './support/content-project.ts';
import { date } from './support/dates.ts';
import { exportContent } from './support/export-timeline.ts';
import { citation, eventRecord } from './support/records.ts';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeProject));
});

async function check(lines: string) {
  const root = await contentProject({ 'events/bad.md': eventWith({ 12: lines }) });
  roots.push(root);
  return loadAndValidate(root);
}

const shape = (ds: Awaited<ReturnType<typeof check>>['diagnostics']) =>
  sortDiagnostics(ds).map((d) => [d.file, d.line, d.column, d.field, d.ruleId, d.severity]);

describe('updates: validation', () => {
  it('reads a valid log into the event record, dates kept as written', async () => {
    const { content, diagnostics } = await check(
      ['updates:', '  - date: "2023-09-22"', '    type: update', '    text: "Added the second article."', '  - date: "2023-09-20"', '    type: correction', '    text: "The date was 19 September."', '---'].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    const event = content!.events.find((e) => e.id === 'bad')!;
    expect(event.updates.map((u) => [u.date.raw, u.date.precision, u.type, u.text])).toEqual([
      ['2023-09-22', 'day', 'update', 'Added the second article.'],
      ['2023-09-20', 'day', 'correction', 'The date was 19 September.'],
    ]);
  });

  it('checks each entry’s type and text, with the line of each problem', async () => {
    const { content, diagnostics } = await check(
      [
        'updates:', //                                  12
        '  - date: "2023-09-22"', //                    13
        '    type: fix', //                             14
        '    text: "Unknown type."', //                 15
        '  - date: "2023-09-22"', //                    16
        '    type: update', //                          17
        '    txt: "A typo."', //                        18
        '---',
      ].join('\n'),
    );
    expect(content).toBeNull();
    expect(shape(diagnostics)).toEqual([
      ['content/events/bad.md', 14, 11, 'updates[0].type', 'schema/enum', 'error'],
      ['content/events/bad.md', 16, 5, 'updates[1].text', 'schema/required', 'error'],
      ['content/events/bad.md', 18, 5, 'updates[1].txt', 'schema/unknown-key', 'error'],
    ]);
    expect(sortDiagnostics(diagnostics)[2]!.message).toContain('Did you mean `text`?');
  });

  it('checks each date, and refuses one before the first article citing the event', async () => {
    const { content, diagnostics } = await check(
      [
        'updates:', //                                  12
        '  - date: "2023-09-31"', //                    13
        '    type: update', //                          14
        '    text: "An impossible date."', //           15
        '  - date: "2023-09-19"', //                    16
        '    type: correction', //                      17
        '    text: "Before the first report."', //      18
        '  - date: "2023-09-20"', //                    19
        '    type: correction', //                      20
        '    text: "The day of the first report."', //  21
        '---',
      ].join('\n'),
    );
    expect(content).toBeNull();
    expect(shape(diagnostics)).toEqual([
      ['content/events/bad.md', 13, 11, 'updates[0].date', 'date/impossible', 'error'],
      ['content/events/bad.md', 16, 11, 'updates[1].date', 'date/update-before-report', 'error'],
    ]);
    const [, early] = sortDiagnostics(diagnostics);
    // The event cites alpha (20 September) and beta (21 September): it was first reported on the 20th.
    expect(early!.message).toBe('The correction dated `2023-09-19` is before the event was first reported (`2023-09-20`).');
    expect(early!.expected).toBe('a date on or after 2023-09-20');
  });
});

// --- what the log changes in the outputs -------------------------------------------------------------------

const log: EventUpdate[] = [
  { date: date('2023-09-22'), type: 'correction', text: 'The toll was <32>, not 23 & more.' },
  { date: date('2023-09-21'), type: 'update', text: 'Added the second article.' },
];

function timelineWith(updates: EventUpdate[]) {
  const content = exportContent();
  content.events = content.events.map((e) => (e.id === 'offensive' ? { ...e, updates } : e));
  return buildTimeline(content, renderMarkdown);
}

describe('updates: feeds', () => {
  const sources = new Map([
    ['early', { published: date('2023-09-20') }],
    ['late', { published: date('2023-09-21') }],
  ]);
  const event = (updates: EventUpdate[]) => eventRecord('e', '2023-09-19', { sources: [citation('early', 'q'), citation('late', 'q')], updates });

  it('takes `updated` from the latest update where it is later than the last article', () => {
    // The last article: 21 September, from 00:00 at +04:00. The correction: 22 September, likewise.
    expect(entryDates(event(log), sources, '+04:00')).toEqual({ published: '2023-09-19T20:00:00Z', updated: '2023-09-21T20:00:00Z' });
  });

  it('keeps the last article’s date where the update is not later', () => {
    expect(entryDates(event([log[1]!]), sources, '+04:00').updated).toBe('2023-09-20T20:00:00Z');
    expect(entryDates(event([]), sources, '+04:00').updated).toBe('2023-09-20T20:00:00Z');
  });

  it('carries the date into both feeds, the feed’s own `updated`, and the log into the entry’s content', () => {
    const timeline = timelineWith(log);
    const feed = buildFeed(timeline);
    const entry = feed.entries.find((e) => e.id.endsWith('/events/offensive/'))!;
    expect(entry.updated).toBe('2023-09-21T20:00:00Z');
    expect(feed.updated).toBe('2023-09-21T20:00:00Z');
    const json = JSON.parse(jsonFeed(timeline)) as { items: { id: string; date_modified: string }[] };
    expect(json.items.find((i) => i.id.endsWith('/events/offensive/'))!.date_modified).toBe('2023-09-21T20:00:00Z');
    const offensive = timeline.events.find((e) => e.id === 'offensive')!;
    expect(eventDetailsHtml(offensive, timeline.site.url)).toContain(
      '<p>Corrections and updates:</p><ul><li>Updated 21 September 2023: Added the second article.</li><li>Corrected 22 September 2023: The toll was &lt;32&gt;, not 23 &amp; more.</li></ul>',
    );
    // Without a log, the feed's `updated` is its latest article's.
    expect(buildFeed(timelineWith([])).updated).toBe('2023-09-20T20:00:00Z');
  });
});

describe('updates: JSON-LD', () => {
  const ld = (updates: EventUpdate[]) => {
    const timeline = timelineWith(updates);
    const offensive = timeline.events.find((e) => e.id === 'offensive')!;
    return eventPageJsonLd(offensive, { site: timeline.site, sourceById: new Map(timeline.sources.map((s) => [s.id, s])) });
  };

  it('dates the page by its latest entry, and lists the corrections (not the updates) as CorrectionComments', () => {
    const node = ld(log);
    expect(node.dateModified).toBe('2023-09-22');
    expect(node.correction).toEqual([{ '@type': 'CorrectionComment', text: 'The toll was <32>, not 23 & more.', datePublished: '2023-09-22' }]);
  });

  it('gives an update alone a dateModified but no correction', () => {
    const node = ld([log[1]!]);
    expect(node.dateModified).toBe('2023-09-21');
    expect(node).not.toHaveProperty('correction');
  });

  it('has neither without a log', () => {
    const node = ld([]);
    expect(node).not.toHaveProperty('dateModified');
    expect(node).not.toHaveProperty('correction');
  });
});
