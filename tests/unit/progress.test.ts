import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDuration, startPhase } from '../../src/lib/progress.ts';

describe('startPhase', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says nothing for a short phase and reports a long one every interval until stopped', () => {
    const lines: string[] = [];
    let now = 0;
    const phase = startPhase((l) => lines.push(l), 'Rendering 50000 events', 5000, () => now);
    now = 4000;
    vi.advanceTimersByTime(4000);
    expect(lines).toEqual([]);
    now = 5000;
    vi.advanceTimersByTime(1000);
    now = 10000;
    vi.advanceTimersByTime(5000);
    expect(lines).toEqual(['Rendering 50000 events… 5 s so far', 'Rendering 50000 events… 10 s so far']);
    now = 12500;
    expect(phase.stop()).toBe(12500);
    vi.advanceTimersByTime(20000);
    expect(lines).toHaveLength(2);
  });
});

describe('formatDuration', () => {
  it.each([
    [420, '0.42 s'],
    [9994, '9.99 s'],
    [12345, '12.3 s'],
    [59960, '1 min 0 s'],
    [125000, '2 min 5 s'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
