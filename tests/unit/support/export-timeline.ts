import { renderMarkdown } from '../../../src/markdown/render.ts';
import { buildTimeline, type Timeline } from '../../../src/views/site.ts';
import type { Content } from '../../../src/schema/records.ts';
import { date } from './dates.ts';
import { citation, claim, eventRecord, sourceRecord } from './records.ts';

/**
 * A small timeline for the export tests (feeds, TimelineJS, CSV, JSON-LD, embeds), with the awkward cases each
 * export must survive: markup in titles, quotes and site texts; a year, a month, a day and timed dates; spans,
 * one whose `end` TimelineJS would read as before its start; a background era; a descriptive source title; a
 * source with a publisher and address; an attributed figure; a category without events.
 *
 * Timeline order: war (2020), blockade (2022-12), offensive (2023-09-19), ceasefire (2023-09-20 13:00 at +04:00),
 * night (2023-09-20 23:30 at +04:00), talks (2023-09-21).
 */
export function exportContent(): Content {
  return {
    site: {
      title: 'Test & timeline <b>',
      description: 'A timeline for tests.',
      introduction: 'Intro with <i>tags</i> & "quotes".',
      url: 'https://example.org/news',
      language: 'en',
      timeZone: '+04:00',
      eraStart: date('2023-09'),
    },
    categories: [
      { id: 'military', label: 'Military', description: null },
      { id: 'diplomacy', label: 'Diplomacy', description: null },
      { id: 'politics', label: 'Politics', description: null },
      { id: 'background', label: 'Background', description: null },
    ],
    actors: [
      { id: 'armenia', name: 'Armenia', description: null, aliases: [] },
      { id: 'azerbaijan', name: 'Azerbaijan', description: null, aliases: [] },
    ],
    places: [
      { id: 'stepanakert', name: 'Stepanakert', description: null, aliases: ['Khankendi'], coordinates: [39.815, 46.752], timeZone: '+04:00' },
    ],
    sources: [
      sourceRecord('alpha', '2023-09-20', { title: 'Alpha "headline" & more', publisher: 'Example News', url: 'https://news.example/alpha' }),
      sourceRecord('beta', '2023-09-21', { title: 'Beta article', titleDescriptive: true }),
      sourceRecord('gamma', '2023-08', { title: 'Gamma' }),
    ],
    // Deliberately out of order: the model sorts.
    events: [
      eventRecord('talks', '2023-09-21', {
        title: 'Talks open',
        end: date('2023-09'),
        category: 'diplomacy',
        sources: [citation('beta', 'The talks opened.')],
        body: 'Talks opened.',
      }),
      eventRecord('ceasefire', '2023-09-20T13:00+04:00', {
        title: 'Ceasefire </script><script>alert(1)</script>',
        headline: true,
        actors: ['armenia', 'azerbaijan'],
        sources: [citation('alpha', 'Quote with "quotes" & <tags>'), citation('beta', 'The ceasefire took effect.')],
        claims: [claim('beta', 'at least 32 people had been killed', { value: 32, qualifier: 'at-least', reported: date('2023-09-20') })],
        body: 'The ceasefire took effect at 13:00.',
      }),
      eventRecord('war', '2020', {
        title: 'The 2020 war',
        end: date('2020-11'),
        category: 'background',
        sources: [citation('gamma', 'The war of 2020.')],
        body: 'A war.',
      }),
      eventRecord('night', '2023-09-20T23:30+04:00', {
        title: 'Shelling at night',
        sources: [citation('beta', 'Shelling was heard late at night.')],
        body: 'Shelling was heard.',
      }),
      eventRecord('offensive', '2023-09-19', {
        title: 'Offensive launched',
        end: date('2023-09-20'),
        places: ['stepanakert'],
        sources: [citation('alpha', 'The offensive began.'), citation('beta', 'The offensive began on Tuesday.')],
        body: 'Azerbaijan **launched** an offensive & shelled Stepanakert.\n\n<script>alert(1)</script>',
      }),
      eventRecord('blockade', '2022-12', {
        title: 'Blockade',
        end: date('2023-09'),
        approximate: true,
        category: 'background',
        sources: [citation('gamma', 'A blockade of nine months.')],
        body: 'A blockade.',
      }),
    ],
  };
}

export function exportTimeline(): Timeline {
  return buildTimeline(exportContent(), renderMarkdown);
}
