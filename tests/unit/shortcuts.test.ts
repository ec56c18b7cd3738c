import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Tz from '@date-fns/tz';
import type * as Dates from '../../src/schema/dates.ts';
import type * as Labels from '../../src/model/labels.ts';

/**
 * The shortcuts kept for speed in the model take effect: each test counts the work a shortcut saves (a call to the
 * function doing it), so removing the shortcut fails the test. Their results are checked against the long way too.
 */
const counts = vi.hoisted(() => ({ tzDates: 0, startInstant: 0, calendarLabels: 0 }));

vi.mock('@date-fns/tz', async (original) => {
  const real = await original<typeof Tz>();
  class CountedTZDate extends real.TZDate {
    constructor(...args: ConstructorParameters<typeof real.TZDate>) {
      super(...args);
      counts.tzDates++;
    }
  }
  return { ...real, TZDate: CountedTZDate };
});

vi.mock('../../src/schema/dates.ts', async (original) => {
  const real = await original<typeof Dates>();
  return {
    ...real,
    startInstant: (...args: Parameters<typeof real.startInstant>) => {
      counts.startInstant++;
      return real.startInstant(...args);
    },
  };
});

vi.mock('../../src/model/labels.ts', async (original) => {
  const real = await original<typeof Labels>();
  return {
    ...real,
    formatCalendarDate: (...args: Parameters<typeof real.formatCalendarDate>) => {
      counts.calendarLabels++;
      return real.formatCalendarDate(...args);
    },
  };
});

const { parseEventDate, startInstant } = await import('../../src/schema/dates.ts');
const { formatReportDate, knownFrom } = await import('../../src/model/reporting.ts');

const day = (raw: string) => {
  const d = parseEventDate(raw);
  if ('kind' in d) throw new Error(d.message);
  return d;
};

beforeEach(() => {
  counts.tzDates = 0;
  counts.startInstant = 0;
  counts.calendarLabels = 0;
});

describe('startInstant: a fixed offset is plain arithmetic, a named zone goes through @date-fns/tz', () => {
  it('makes no zoned date for a fixed offset, and gives the same instant as the zone database', () => {
    expect(startInstant(day('2023-09-20'), '+04:00')).toBe('2023-09-19T20:00:00Z');
    expect(counts.tzDates).toBe(0);
    // Asia/Baku has been UTC+4 without summer time since 2016: the long way agrees.
    expect(startInstant(day('2023-09-20'), 'Asia/Baku')).toBe('2023-09-19T20:00:00Z');
    expect(counts.tzDates).toBeGreaterThan(0);
  });
});

describe('reporting: work done once per date object', () => {
  it('knownFrom works out the end of a day once per date and zone', () => {
    const date = day('2023-09-20');
    for (let i = 0; i < 5; i++) expect(knownFrom(date, '+04:00')).toBe('2023-09-20T20:00:00Z');
    expect(counts.startInstant).toBe(1);
    expect(knownFrom(date, '-05:00')).toBe('2023-09-21T05:00:00Z');
    expect(counts.startInstant).toBe(2);
    // Another object for the same date is another key: nothing outlives the build that made its dates.
    knownFrom(day('2023-09-20'), '+04:00');
    expect(counts.startInstant).toBe(3);
  });

  it('formatReportDate makes a label once per date', () => {
    const date = day('2023-09-20');
    for (let i = 0; i < 5; i++) expect(formatReportDate(date)).toBe('20 September 2023');
    expect(counts.calendarLabels).toBe(1);
  });
});
