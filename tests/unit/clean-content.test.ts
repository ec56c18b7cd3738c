import { describe, expect, it } from 'vitest';
import { buildTimelineCore, cleanContent } from '../../src/model/timeline.ts';
import type { Content } from '../../src/schema/records.ts';
import { date } from './support/dates.ts';
import { citation, eventRecord, sourceRecord } from './support/records.ts';

// A C0 control, a C1 control, a bidi override, an isolate, and a lone surrogate of each half.
const HOSTILE = 'A\u0001B\u0085C\u202eD\u2066E\ud800F\udc00G';
const CLEAN = 'ABCDE\ufffdF\ufffdG';
// eslint-disable-next-line no-control-regex -- finding them is the point
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function hostileContent(): Content {
  return {
    site: { title: `Site ${HOSTILE}`, description: `About ${HOSTILE}`, introduction: null, url: 'https://example.org', language: 'en', timeZone: '+04:00', eraStart: date('2023-09') },
    categories: [{ id: 'military', label: `Military ${HOSTILE}`, description: null }],
    actors: [{ id: 'azerbaijan', name: `Azerbaijan ${HOSTILE}`, description: null, aliases: [HOSTILE] }],
    places: [],
    sources: [sourceRecord('alpha', '2023-09-20', { title: `Alpha ${HOSTILE}`, publisher: HOSTILE, text: `Quoted ${HOSTILE} text.` })],
    events: [eventRecord('ceasefire', '2023-09-20', { title: `Ceasefire ${HOSTILE}`, dateInferred: HOSTILE, actors: ['azerbaijan'], sources: [citation('alpha', `Quoted ${HOSTILE} text.`)] })],
  };
}

/** Every string in a value, with its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

describe('cleanContent (issue 18: hostile characters never reach a page)', () => {
  it('cleans every string the pages are built from, and keeps the rest of the text', () => {
    const clean = cleanContent(hostileContent());
    expect(strings(clean).filter(([, s]) => UNSAFE.test(s))).toEqual([]);
    expect(clean.site.title).toBe(`Site ${CLEAN}`);
    expect(clean.categories[0]!.label).toBe(`Military ${CLEAN}`);
    expect(clean.actors[0]!.aliases).toEqual([CLEAN]);
    expect(clean.sources[0]!.publisher).toBe(CLEAN);
    expect(clean.events[0]!.dateInferred).toBe(CLEAN);
  });

  it('leaves the validated content as it was', () => {
    const content = hostileContent();
    cleanContent(content);
    expect(content.events[0]!.title).toBe(`Ceasefire ${HOSTILE}`);
  });

  it('gives a timeline with no such character in any event or source view', () => {
    const core = buildTimelineCore(cleanContent(hostileContent()), (md) => `<p>${md}</p>`);
    const found = strings({ events: core.events.map(({ prev, next, ...e }) => ({ ...e, prev: prev?.title, next: next?.title })), sources: core.sources.map(({ citedBy, ...s }) => ({ ...s, cited: citedBy.length })) });
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter(([, s]) => UNSAFE.test(s))).toEqual([]);
    expect(core.events[0]!.categoryLabel).toBe(`Military ${CLEAN}`);
  });
});
