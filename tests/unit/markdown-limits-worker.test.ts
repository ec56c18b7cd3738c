import { describe, expect, it, vi } from 'vitest';
import { MarkdownRenderer } from '../../src/markdown/parallel.ts';

/**
 * Issue 18: the build hands bodies to the Markdown worker as soon as they are read, before validation. A body past
 * the limits (here `>` × 10,000, which overflowed remark's stack and took the worker down) must never reach it.
 */
describe('MarkdownRenderer and the Markdown limits', () => {
  it('hands the worker an over-limit body as empty text, and the others as they are', async () => {
    const deep = '>'.repeat(10_000);
    const fine = 'A *fine* body.';
    const markdown = new MarkdownRenderer(new URL('./support/length-worker.mjs', import.meta.url));
    try {
      markdown.start([fine, deep]);
      await vi.waitFor(() => expect(markdown.renderedByWorker).toBe(2), { timeout: 10_000, interval: 20 });
      const render = await markdown.finish();
      expect([render(fine), render(deep)]).toEqual([String(fine.length), '0']);
    } finally {
      await markdown.close();
    }
  });
});
