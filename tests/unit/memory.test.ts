import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectGarbage, worthCollecting } from '../../src/eleventy/memory.ts';

const scope = globalThis as { gc?: () => void };
const started = scope.gc;
afterEach(() => {
  scope.gc = started;
});

describe('collectGarbage', () => {
  it('collects through the gc that --expose-gc gives', () => {
    scope.gc = vi.fn();
    collectGarbage();
    expect(scope.gc).toHaveBeenCalledTimes(1);
  });

  it('does nothing, without an error, in a process started without --expose-gc', () => {
    delete scope.gc;
    expect(() => collectGarbage()).not.toThrow();
  });
});

describe('worthCollecting', () => {
  const MB = 1024 * 1024;
  it('waits for at least 192 MB of garbage while little is live', () => {
    expect(worthCollecting(100 * MB + 192 * MB, 100 * MB)).toBe(false);
    expect(worthCollecting(100 * MB + 193 * MB, 100 * MB)).toBe(true);
  });

  it('waits for half as much garbage as was live once more is live, so a collection frees a good part of what it marks', () => {
    expect(worthCollecting(1000 * MB + 499 * MB, 1000 * MB)).toBe(false);
    expect(worthCollecting(1000 * MB + 501 * MB, 1000 * MB)).toBe(true);
  });
});
