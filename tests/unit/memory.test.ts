import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectGarbage } from '../../src/eleventy/memory.ts';

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
