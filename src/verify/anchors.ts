import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface AnchorProblem {
  page: string;
  href: string;
}

const ATTR = /\s(?:id|name)="([^"]+)"/g;
const HREF = /\shref="([^"]*#[^"]*)"/g;

/** `a/b/index.html` → `/a/b/`; `404.html` → `/404.html` */
function pagePath(file: string): string {
  const path = `/${file.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/**
 * Checks every internal `#fragment` link in the built HTML against the ids of its target page. linkinator checks
 * that pages exist; it does not re-check fragments on a page it has already visited, so this pass does.
 */
export async function checkAnchors(dir: string, prefix = '/'): Promise<{ checked: number; broken: AnchorProblem[] }> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html')).map((f) => f.split('/').join(sep));
  const ids = new Map<string, Set<string>>();
  const pages = await Promise.all(files.map(async (f) => ({ path: pagePath(relative(dir, join(dir, f))), html: await readFile(join(dir, f), 'utf8') })));
  for (const { path, html } of pages) ids.set(path, new Set([...html.matchAll(ATTR)].map((m) => m[1]!)));
  const broken: AnchorProblem[] = [];
  let checked = 0;
  for (const { path, html } of pages) {
    const pageUrl = new URL(`${prefix.replace(/\/$/, '')}${path}`, 'http://site.invalid');
    for (const [, href] of html.matchAll(HREF)) {
      const target = new URL(href!.replace(/&amp;/g, '&'), pageUrl);
      if (target.origin !== pageUrl.origin || target.hash.startsWith('#:~:')) continue;
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (!fragment) continue;
      checked++;
      const targetPath = target.pathname.startsWith(prefix) ? `/${target.pathname.slice(prefix.length)}` : target.pathname;
      if (!ids.get(targetPath)?.has(fragment)) broken.push({ page: path, href: href! });
    }
  }
  return { checked, broken };
}
