import { describe, expect, it } from 'vitest';
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
      // Time for the worker to load remark and take its share before this thread joins in.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const render = await markdown.finish();
      expect(markdown.renderedByWorker).toBeGreaterThan(0);
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
