import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remark } from 'remark';
import remarkHtml from 'remark-html';

/**
 * remark-html's options: none, so it sanitises with hast-util-sanitize's GitHub schema. Named here because they are
 * part of what the body cache keys on (./cache.ts). Never `sanitize: false`.
 */
const HTML_OPTIONS = {} as const;

/**
 * The one place that turns editors' text into HTML. remark-html sanitises by default (hast-util-sanitize with
 * GitHub's schema): raw HTML is dropped, and only http(s), mailto and relative link targets survive, so
 * `javascript:` links, event handlers and `<script>` cannot reach a reader. Never pass `sanitize: false`.
 */
const processor = remark().use(remarkHtml, HTML_OPTIONS).freeze();

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown)).trim();
}

/** The packages whose code decides the HTML: the parser, the two tree conversions, the sanitiser, the serialiser. */
const RENDERING_PACKAGES = ['remark', 'remark-html', 'micromark', 'mdast-util-from-markdown', 'mdast-util-to-hast', 'hast-util-sanitize', 'hast-util-to-html'];

/**
 * What renderMarkdown's output depends on besides the body: the installed versions of the packages above and our
 * options. A cached body is valid only under the same identity, so an upgrade or an option change renders afresh.
 */
export const RENDERER_ID = `${RENDERING_PACKAGES.map((name) => `${name}@${installedVersion(name)}`).join(' ')} options=${JSON.stringify(HTML_OPTIONS)}`;

function installedVersion(name: string): string {
  // remark and remark-html resolve from here; their dependencies sit beside them or in remark-html's own node_modules.
  const remarkHtmlDir = packageDir(fileURLToPath(import.meta.resolve('remark-html')));
  const candidates =
    name === 'remark' ? [packageDir(fileURLToPath(import.meta.resolve('remark')))] : [join(remarkHtmlDir, 'node_modules', name), join(dirname(remarkHtmlDir), name)];
  for (const dir of candidates) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return String((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version);
  }
  return 'unknown';
}

/** The folder of the package.json nearest above `file`. */
function packageDir(file: string): string {
  let dir = dirname(file);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
