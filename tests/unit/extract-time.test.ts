import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/extract/calendar.ts';
import { happeningKinds, type Happening } from '../../src/extract/happenings.ts';
import { readTimes, type Reading } from '../../src/extract/time.ts';

const day = (iso: string): Point => {
  const [year, month, d] = iso.split('-').map(Number) as [number, number, number];
  return { precision: 'day', year, month, day: d };
};
/** Wednesday 20 and Thursday 21 September 2023, the seed articles' publication days. */
const WED = day('2023-09-20');
const THU = day('2023-09-21');
type Pub = 'WED' | 'THU';
const PUB: Record<Pub, Point> = { WED, THU };
const read = (sentence: string, published = WED, zone = '+04:00', anchor: Reading['anchor'] = null) => readTimes(sentence, { published, zone, anchor });
const dates = (sentence: string, published = WED, zone = '+04:00', anchor: Reading['anchor'] = null) =>
  read(sentence, published, zone, anchor).proposals.map((p) => ({ text: p.text, date: p.date, approximate: p.approximate }));

describe('readTimes: weekdays relative to the publication day', () => {
  it.each<[string, Pub, string, string]>([
    ['Azerbaijan said on Wednesday it had halted military action.', 'WED', 'on Wednesday', '2023-09-20'],
    ['Azerbaijan sent troops into Karabakh on Tuesday.', 'WED', 'on Tuesday', '2023-09-19'],
    ['On Tuesday, Azerbaijan launched a large-scale military operation.', 'THU', 'On Tuesday', '2023-09-19'],
    ['The White House expressed concern on Wednesday.', 'THU', 'on Wednesday', '2023-09-20'],
    ['Baku said Tuesday it had taken control of more than 60 military positions.', 'WED', 'Tuesday', '2023-09-19'],
    ['This was reported yesterday.', 'WED', 'yesterday', '2023-09-19'],
  ])('%j (published %s) → %s %s', (sentence, published, text, date) => {
    expect(dates(sentence, PUB[published])).toEqual([{ text, date, approximate: false }]);
  });
});

describe('readTimes: clock times', () => {
  it('reads `1 p.m. (0900 GMT)` as 13:00 on a +04:00 clock, 09:00 UTC', () => {
    const [p, ...rest] = read('Under the agreement, effective from 1 p.m. (0900 GMT) on Wednesday, separatist forces will disband.').proposals;
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ text: '1 p.m. (0900 GMT) on Wednesday', date: '2023-09-20T13:00+04:00', utc: '2023-09-20T09:00:00Z', approximate: false });
    expect(p!.note).toContain('13:00 local time is 09:00 GMT, so the clock is +04:00');
  });

  it('takes the offset from the GMT time, not from the zone it is given', () => {
    // 1 p.m. local and 09:00 GMT make +04:00 even where the site's clock is UTC.
    expect(read('The ceasefire starting at 1pm local time [09:00 GMT] on Wednesday was confirmed.', WED, '+00:00').proposals[0]).toMatchObject({
      text: '1pm local time [09:00 GMT] on Wednesday',
      date: '2023-09-20T13:00+04:00',
      utc: '2023-09-20T09:00:00Z',
    });
  });

  it.each<[string, string, string, string]>([
    ['Fighting stopped at 1 p.m. on Wednesday.', '+04:00', '2023-09-20T13:00+04:00', '2023-09-20T09:00:00Z'],
    // New York is on daylight time (UTC-4) in September.
    ['Fighting stopped at 1 p.m. on Wednesday.', 'America/New_York', '2023-09-20T13:00-04:00', '2023-09-20T17:00:00Z'],
    ['The guns fell silent at 0900 GMT on Wednesday.', '+04:00', '2023-09-20T13:00+04:00', '2023-09-20T09:00:00Z'],
    // 23:30 GMT on Tuesday is already Wednesday on a +04:00 clock.
    ['Shelling resumed at 23:30 GMT on Tuesday.', '+04:00', '2023-09-20T03:30+04:00', '2023-09-19T23:30:00Z'],
  ])('%j on the clock %s → %s (%s)', (sentence, zone, date, utc) => {
    expect(read(sentence, WED, zone).proposals).toMatchObject([{ date, utc }]);
  });

  it('puts a clock time without a day on the day the text last reached, approximately', () => {
    const anchor = { point: day('2023-09-19'), text: 'on Tuesday' };
    expect(read('At 1 p.m. the shelling stopped.', WED, '+04:00', anchor).proposals).toMatchObject([
      { text: '1 p.m.', date: '2023-09-19T13:00+04:00', approximate: true },
    ]);
  });
});

describe('readTimes: vague times are approximate', () => {
  it.each<[string, Pub, string, string]>([
    ['Armenia reported an incident on the border late on Wednesday evening.', 'THU', 'late on Wednesday evening', '2023-09-20'],
    ['According to the Defense Ministry in Moscow on Wednesday evening, the ceasefire held.', 'THU', 'on Wednesday evening', '2023-09-20'],
    ['Early on Tuesday the offensive began.', 'WED', 'Early on Tuesday', '2023-09-19'],
  ])('%j (published %s) → %s, %s, approximate', (sentence, published, text, date) => {
    expect(dates(sentence, PUB[published])).toEqual([{ text, date, approximate: true }]);
  });
});

describe('readTimes: years and months', () => {
  it.each<[string, string, string]>([
    ['In 1991, Nagorno-Karabakh declared itself independent.', '1991', '1991'],
    ['Russia helped broker an earlier ceasefire deal in 2020 following a 44-day war.', '2020', '2020'],
  ])('%j → %s', (sentence, text, date) => {
    expect(dates(sentence)).toEqual([{ text, date, approximate: false }]);
  });

  it('does not take counts for years', () => {
    expect(dates('Some 1500 people fled, and 2000 soldiers stayed.')).toEqual([]);
  });
});

describe('readTimes: relative expressions', () => {
  const tuesday = { point: day('2023-09-19'), text: 'on Tuesday', toString: () => "'on Tuesday'" };
  it.each<[string, Reading['anchor'], Pub, string, string, boolean]>([
    ['A day later, the two sides negotiated a ceasefire.', tuesday, 'THU', 'A day later', '2023-09-20', false],
    ['A day later, the two sides negotiated a ceasefire.', null, 'WED', 'A day later', '2023-09-21', false],
    ['Two days later the talks resumed.', tuesday, 'WED', 'Two days later', '2023-09-21', false],
    ['The next day the talks resumed.', tuesday, 'WED', 'The next day', '2023-09-20', false],
    ['The talks had begun three days ago.', tuesday, 'WED', 'three days ago', '2023-09-17', false],
    // A vague count of hours stays on the day, approximately; a few hours before publication is the same day.
    ['A few hours earlier, Baku and pro-Armenian fighters had agreed on a ceasefire.', null, 'THU', 'A few hours earlier', '2023-09-21', true],
  ])('%j (after %s, published %s) → %s %s', (sentence, anchor, published, text, date, approximate) => {
    expect(dates(sentence, PUB[published], '+04:00', anchor)).toEqual([{ text, date, approximate }]);
  });

  it('counts an hour on from a timed anchor and keeps the clock', () => {
    const anchor = { point: { precision: 'minute', year: 2023, month: 9, day: 20, hour: 13, minute: 0, offset: 240 } as Point, text: '1 p.m.' };
    expect(read('An hour later the first convoy left.', WED, '+04:00', anchor).proposals).toMatchObject([{ date: '2023-09-20T14:00+04:00', utc: '2023-09-20T10:00:00Z' }]);
  });

  it('dates what `three years after` refers back to, counted back from the publication date', () => {
    const [p] = read('The latest flare-up comes three years after Azerbaijan recaptured swathes of territory.').proposals;
    expect(p).toMatchObject({ text: 'three years after', date: '2020', refersBack: true, approximate: false });
  });

  it('counts `three years after` back from the date the same sentence gives', () => {
    const { proposals } = read('Three years after the last violent conflict, Azerbaijan attacked Nagorno-Karabakh on Tuesday.', THU);
    expect(proposals.map((p) => [p.text, p.date, p.refersBack])).toEqual([
      ['Three years after', '2020', true],
      ['on Tuesday', '2023-09-19', false],
    ]);
  });

  it('dates `a day after <something>` a day before the sentence’s own time', () => {
    const anchor = { point: WED, text: 'on Wednesday' };
    expect(dates('A ceasefire was brokered to stop the fighting a day after Azerbaijan launched an operation.', WED, '+04:00', anchor)).toEqual([
      { text: 'a day after', date: '2023-09-19', approximate: false },
    ]);
  });
});

describe('readTimes: what is not a date', () => {
  it.each([
    'After six weeks of fighting with more than 6,500 deaths, Russia brokered a ceasefire.',
    'Baku now controls the former Armenian-occupied territory.',
    'Fears of a fresh war have grown in recent weeks.',
    'The second war ended after a 44-day offensive.',
  ])('%j', (sentence) => {
    expect(dates(sentence)).toEqual([]);
  });

  it('needs a publication day to place a weekday', () => {
    const september: Point = { precision: 'month', year: 2023, month: 9 };
    expect(dates('On Tuesday, Azerbaijan launched an operation, three years after the war of 2020.', september)).toEqual([
      { text: '2020', date: '2020', approximate: false },
    ]);
  });
});

describe('readTimes: the anchor carried to the next sentence', () => {
  it('is the last day-or-finer date, not a year and not what a sentence refers back to', () => {
    expect(read('On Tuesday, Azerbaijan launched an operation.', THU).anchor).toMatchObject({ point: day('2023-09-19'), text: 'On Tuesday' });
    const kept = { point: day('2023-09-19'), text: 'On Tuesday' };
    expect(read('In 1991, Nagorno-Karabakh declared itself independent.', THU, '+04:00', kept).anchor).toBe(kept);
    expect(read('The flare-up comes three years after the war.', THU, '+04:00', kept).anchor).toBe(kept);
  });
});

describe('readTimes: weekdays on the place’s clock', () => {
  // 22:30 in New York on Wednesday 20 September is 06:30 on Thursday 21 September at +04:00.
  const NEW_YORK_LATE: Point = { precision: 'minute', year: 2023, month: 9, day: 20, hour: 22, minute: 30, offset: -240 };
  it.each<[string, string, string]>([
    ['Armenia reported fire yesterday.', '+04:00', '2023-09-20'],
    ['Armenia reported fire yesterday.', 'America/New_York', '2023-09-19'],
    // The nearest Sunday to Thursday the 21st is the 24th; to Wednesday the 20th, the 17th.
    ['Talks resumed on Sunday.', '+04:00', '2023-09-24'],
    ['Talks resumed on Sunday.', 'America/New_York', '2023-09-17'],
  ])('%j in an article published at 22:30 in New York, read on the clock %s → %s', (sentence, zone, date) => {
    const own = read(sentence, NEW_YORK_LATE, zone).proposals.filter((p) => p.rule === 'weekday' || p.rule === 'day-word');
    expect(own.map((p) => p.date)).toEqual([date]);
  });

  it('says which day the publication time is on that clock', () => {
    expect(read('Armenia reported fire yesterday.', NEW_YORK_LATE, '+04:00').proposals[0]!.note).toBe(
      "'yesterday' in an article published at 2023-09-20T22:30-04:00, Thursday 21 September 2023 on the clock at +04:00.",
    );
  });
});

describe('readTimes: parts of the day', () => {
  it.each<[string, Pub, string, string | null]>([
    ['Armenia reported an incident on the border late on Wednesday evening.', 'THU', '2023-09-20', 'late evening'],
    ['According to the Defense Ministry in Moscow on Wednesday evening, the ceasefire held.', 'THU', '2023-09-20', 'evening'],
    ['Shelling began early on Tuesday morning.', 'WED', '2023-09-19', 'early morning'],
    ['Shelling continued on Tuesday night.', 'WED', '2023-09-19', 'night'],
    // No part of the day named: nothing is made up.
    ['Early on Tuesday the offensive began.', 'WED', '2023-09-19', null],
    // A clock time says more than a part of the day; the part is not kept beside it.
    ['Shelling began at 9 p.m. on Wednesday evening.', 'THU', '2023-09-20T21:00+04:00', null],
  ])('%j (published %s) → %s, part of day %s', (sentence, published, date, partOfDay) => {
    expect(read(sentence, PUB[published]).proposals).toMatchObject([{ date, partOfDay }]);
  });
});

describe('readTimes: what a sentence reports when its dates are starts or plans', () => {
  it('dates a sentence whose only date is a start (`since`) as reported on the publication day', () => {
    const { proposals } = read('Armenia says it has not had troops in the region since August 2021.');
    expect(proposals.map((p) => [p.date, p.rule, p.refersBack])).toEqual([
      ['2023-09-20', 'reported-on-publication', false],
      ['2021-08', 'since', true],
    ]);
    expect(proposals[0]!.note).toBe(
      "Nothing in the sentence dates what it reports: 'August 2021' is where a state that lasts to the time of writing began. Dated as reported, in an article published on Wednesday 20 September 2023.",
    );
  });

  it('dates the start of what lasted `for nine months` up to the sentence’s own date', () => {
    const { proposals } = read('Azerbaijan began its operation on Tuesday in the region, which it had blockaded for nine months.');
    expect(proposals.map((p) => [p.text, p.date, p.rule])).toEqual([
      ['on Tuesday', '2023-09-19', 'weekday'],
      ['for nine months', '2022-12', 'duration'],
    ]);
  });

  it('dates a sentence whose only date is after the publication day as an announcement on that day', () => {
    const { proposals } = read('Both sides said talks would be held on Thursday in Yevlakh.');
    expect(proposals.map((p) => [p.date, p.rule])).toEqual([
      ['2023-09-20', 'announced-on-publication'],
      ['2023-09-21', 'weekday'],
    ]);
  });

  it('does not take a count from the text for a plan', () => {
    const tuesday = { point: day('2023-09-19'), text: 'on Tuesday' };
    expect(read('Two days later the talks resumed.', WED, '+04:00', tuesday).proposals.map((p) => p.rule)).toEqual(['count-from-text']);
  });
});

describe('readTimes: counting from the happening a sentence refers to', () => {
  const CEASEFIRE: Happening = { kind: 'ceasefire', point: day('2023-09-20'), from: "the article ('A day later', line 15)", event: null, headline: false };
  const knows = (h: Happening) => (phrase: string, _needsDay: boolean, fits?: (h: Happening) => boolean) =>
    happeningKinds(phrase).includes(h.kind) && (fits?.(h) ?? true) ? h : null;
  const SENTENCE = 'One day after the negotiated ceasefire, an Armenian delegation came to the Azerbaijani city of Yevlax for talks.';

  it('counts `one day after the ceasefire` from the ceasefire’s date, and offers the ceasefire’s own date beside it', () => {
    const { proposals, anchor } = readTimes(SENTENCE, { published: THU, zone: '+04:00', anchor: null, happening: knows(CEASEFIRE) });
    expect(proposals.map((p) => [p.text, p.date, p.rule, p.refersBack])).toEqual([
      ['One day after the negotiated ceasefire', '2023-09-21', 'after-happening', false],
      ['the negotiated ceasefire', '2023-09-20', 'refers-back', true],
    ]);
    expect(proposals[0]!.anchor).toEqual({ text: 'the negotiated ceasefire', date: '2023-09-20', from: 'article', event: null });
    expect(proposals[0]!.note).toBe(
      "'One day after the negotiated ceasefire': the negotiated ceasefire is dated Wednesday 20 September 2023 by the article ('A day later', line 15); one day after it is Thursday 21 September 2023.",
    );
    expect(anchor).toMatchObject({ point: day('2023-09-21') });
  });

  it('without a dated happening, counts back from the publication day as before', () => {
    const [p] = readTimes(SENTENCE, { published: THU, zone: '+04:00', anchor: null, happening: () => null }).proposals;
    expect(p).toMatchObject({ date: '2023-09-20', rule: 'refers-back', refersBack: true, anchor: { from: 'publication' } });
  });

  it('does not count past the publication day', () => {
    const late = { ...CEASEFIRE, point: day('2023-09-21') };
    expect(readTimes(SENTENCE, { published: THU, zone: '+04:00', anchor: null, happening: knows(late) }).proposals[0]!.rule).toBe('refers-back');
  });

  it('keeps the sentence’s own date where it has one: `three years after` then dates what it refers to', () => {
    const war: Happening = { kind: 'war', point: { precision: 'year', year: 1991 }, from: 'x', event: null, headline: false };
    const { proposals } = readTimes('Three years after the last war, Azerbaijan attacked on Tuesday.', { published: THU, zone: '+04:00', anchor: null, happening: knows(war) });
    expect(proposals.map((p) => [p.date, p.rule])).toEqual([
      ['2020', 'refers-back'],
      ['2023-09-19', 'weekday'],
    ]);
  });

  it('dates `a few hours earlier` at the head of an article on the day of the happening the sentence names', () => {
    const { proposals } = readTimes('A few hours earlier, Baku and pro-Armenian fighters had agreed on a ceasefire.', { published: THU, zone: '+04:00', anchor: null, happening: knows(CEASEFIRE) });
    expect(proposals).toMatchObject([{ text: 'A few hours earlier', date: '2023-09-20', rule: 'named-happening', approximate: true, anchor: { text: 'ceasefire', from: 'article' } }]);
  });
});
