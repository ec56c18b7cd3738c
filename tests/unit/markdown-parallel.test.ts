import { describe, expect, it, vi } from 'vitest';
import { MarkdownRenderer } from '../../src/markdown/parallel.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';

const bodies = Array.from({ length: 700 }, (_, i) =>
  [
    `Event ${i}: *emphasis*, **strong** and a [link](https://example.org/${i}).`,
    i % 7 === 0 ? '<script>alert(1)</script> [bad](javascript:alert(1))' : '',
    i % 5 === 0 ? `- item ${i}\n- another` : '',
  ].join('\n\n'),
);

describe('MarkdownRenderer: bodies rendered on a worker and this thread', () => {
  it('gives every body exactly the HTML renderMarkdown gives, whichever thread rendered it', async () => {
    const markdown = new MarkdownRenderer();
    try {
      // Repeated bodies too, as two events may share one.
      markdown.start([...bodies, bodies[3]!, bodies[3]!]);
      // The worker loads remark and takes its share before this thread joins in.
      await vi.waitFor(() => expect(markdown.renderedByWorker).toBeGreaterThan(0), { timeout: 20_000, interval: 20 });
      const render = await markdown.finish();
      for (const body of bodies) expect(render(body)).toBe(renderMarkdown(body));
      // The sanitiser ran in the worker too.
      expect(render(bodies[7]!)).not.toMatch(/<script|javascript:/);
      // A body it was not given is rendered on the spot.
      expect(render('*new*')).toBe('<p><em>new</em></p>');
    } finally {
      await markdown.close();
    }
  });

  it('renders everything itself when the worker is gone', async () => {
    const markdown = new MarkdownRenderer();
    try {
      await markdown.close();
      markdown.start(bodies);
      const render = await markdown.finish();
      expect(markdown.renderedByWorker).toBe(0);
      expect(bodies.map(render)).toEqual(bodies.map(renderMarkdown));
    } finally {
      await markdown.close();
    }
  });
});

describe('MarkdownRenderer on a small site', () => {
  it('renders every body on this thread and does not wait for a worker that has taken none', async () => {
    // A worker that never answers: waiting for it would hang this test until it times out.
    const markdown = new MarkdownRenderer(new URL('./support/silent-worker.mjs', import.meta.url));
    try {
      markdown.start(bodies.slice(0, 39));
      const render = await markdown.finish();
      expect(markdown.renderedByWorker).toBe(0);
      expect(bodies.slice(0, 39).map(render)).toEqual(bodies.slice(0, 39).map(renderMarkdown));
    } finally {
      await markdown.close();
    }
  });
});
