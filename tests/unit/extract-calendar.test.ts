import { describe, expect, it } from 'vitest';
import { shift, toIso, toUtc, type Point } from '../../src/extract/calendar.ts';

describe('calendar arithmetic for relative dates', () => {
  const day = (y: number, m: number, d: number): Point => ({ precision: 'day', year: y, month: m, day: d });
  it.each<[Point, number, Parameters<typeof shift>[2], string]>([
    [day(2023, 9, 19), 1, 'day', '2023-09-20'],
    [day(2023, 9, 30), 1, 'day', '2023-10-01'],
    [day(2023, 9, 21), -3, 'year', '2020'],
    [day(2023, 9, 21), -1, 'month', '2023-08'],
    [day(2024, 3, 1), -1, 'day', '2024-02-29'],
    [{ precision: 'year', year: 1991 }, 1, 'day', '1991'],
    [{ precision: 'minute', year: 2023, month: 9, day: 20, hour: 23, minute: 30, offset: 240 }, 1, 'hour', '2023-09-21T00:30+04:00'],
    [day(2023, 9, 20), -2, 'hour', '2023-09-20'],
  ])('%o %+i %s → %s', (point, amount, unit, iso) => {
    expect(toIso(shift(point, amount, unit))).toBe(iso);
  });

  it('gives the instant of a timed point', () => {
    expect(toUtc({ precision: 'minute', year: 2023, month: 9, day: 20, hour: 13, minute: 0, offset: 240 })).toBe('2023-09-20T09:00:00Z');
    expect(toUtc({ precision: 'minute', year: 2023, month: 9, day: 20, hour: 1, minute: 0, offset: 240 })).toBe('2023-09-19T21:00:00Z');
    expect(toUtc(day(2023, 9, 20))).toBeNull();
  });
});
