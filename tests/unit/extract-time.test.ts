import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/extract/calendar.ts';
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
    ['Talks will start on Thursday.', 'WED', 'on Thursday', '2023-09-21'],
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
    ['The region has seen two wars since the 1991 Soviet fall.', '1991', '1991'],
    ['Russia helped broker an earlier ceasefire deal in 2020 following a 44-day war.', '2020', '2020'],
    ['Armenia says it has not had troops in the region since August 2021.', 'August 2021', '2021-08'],
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
    'It had blockaded the region for nine months.',
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
