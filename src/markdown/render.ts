import { remark } from 'remark';
import remarkHtml from 'remark-html';

/**
 * The one place that turns editors' text into HTML. remark-html sanitises by default (hast-util-sanitize with
 * GitHub's schema): raw HTML is dropped, and only http(s), mailto and relative link targets survive, so
 * `javascript:` links, event handlers and `<script>` cannot reach a reader. Never pass `sanitize: false`.
 */
const processor = remark().use(remarkHtml).freeze();

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown)).trim();
}
