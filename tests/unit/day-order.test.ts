import { describe, expect, it } from 'vitest';
import { parsePartOfDay } from '../../src/schema/part-of-day.ts';
import { checkDayOrder } from '../../src/validate/day-order.ts';
import { eventRecord } from './support/records.ts';

const ZONE = '+04:00';
const part = (value: string) => ({ partOfDay: parsePartOfDay(value) });
const evening = eventRecord('evening-statement', '2023-09-20', part('evening'));
const ceasefire = eventRecord('ceasefire', '2023-09-20T13:00+04:00');
const check = (...events: ReturnType<typeof eventRecord>[]) =>
  checkDayOrder([], events, ZONE).map((d) => ({ ruleId: d.ruleId, file: d.file, message: d.message, related: d.related?.file }));

describe('checkDayOrder', () => {
  it('accepts an order that agrees with the times', () => {
    expect(check(evening, ceasefire, eventRecord('late', '2023-09-20', { ...part('late evening'), after: 'evening-statement' }))).toEqual([]);
    expect(check(evening, ceasefire, eventRecord('x', '2023-09-20', { after: 'ceasefire' }))).toEqual([]);
  });

  it('rejects `after` an unknown event', () => {
    expect(check(eventRecord('x', '2023-09-20', { after: 'nope' }))).toEqual([
      { ruleId: 'order/after-unknown', file: 'content/events/x.md', message: '`x` comes after `nope`, but no valid event has that id.', related: undefined },
    ]);
  });

  it('rejects `after` an event of another day, naming both files', () => {
    const [d] = check(eventRecord('x', '2023-09-21', { after: 'ceasefire' }), ceasefire);
    expect(d).toEqual({
      ruleId: 'order/after-other-day',
      file: 'content/events/x.md',
      message: '`x` (2023-09-21) comes after `ceasefire` in content/events/ceasefire.md, which is dated `2023-09-20T13:00+04:00`.',
      related: 'content/events/ceasefire.md',
    });
  });

  it('rejects a loop once, naming every member', () => {
    const found = check(
      eventRecord('b', '2023-09-20', { after: 'a' }),
      eventRecord('a', '2023-09-20', { after: 'c' }),
      eventRecord('c', '2023-09-20', { after: 'b' }),
    );
    expect(found).toEqual([
      {
        ruleId: 'order/after-cycle',
        file: 'content/events/a.md',
        message: '`after` goes round in a loop: `a` → `c` → `b` → `a` (content/events/a.md, content/events/c.md, content/events/b.md).',
        related: 'content/events/c.md',
      },
    ]);
  });

  it.each<[string, Omit<Partial<ReturnType<typeof eventRecord>>, 'date'> & { date: string }, string]>([
    ['a 09:00 event after an evening one', { date: '2023-09-20T09:00+04:00', after: 'evening-statement' }, '`x` (2023-09-20 09:00) is placed after `evening-statement`'],
    ['a morning event after a 13:00 one', { date: '2023-09-20', ...part('morning'), after: 'ceasefire' }, '`x` (2023-09-20, morning) is placed after `ceasefire`'],
    ['an afternoon event after an evening one', { date: '2023-09-20', ...part('afternoon'), after: 'evening-statement' }, '`x` (2023-09-20, afternoon)'],
    ['a timed event before its timed anchor', { date: '2023-09-20T12:59+04:00', after: 'ceasefire' }, '`x` (2023-09-20 12:59)'],
  ])('rejects an order contradicting known times: %s', (_, { date, ...rest }, message) => {
    const [d, ...more] = check(evening, ceasefire, eventRecord('x', date, rest));
    expect(more).toEqual([]);
    expect(d!.ruleId).toBe('order/contradicts-time');
    expect(d!.message).toContain(message);
    expect(d!.message).toContain('content/events/');
  });

  it('rejects a part of the day on a timed or a month date', () => {
    expect(check(eventRecord('t', '2023-09-20T09:00+04:00', part('morning')), eventRecord('m', '2023-09', part('evening'))).map((d) => d.ruleId)).toEqual([
      'date/part-of-day',
      'date/part-of-day',
    ]);
  });
});
