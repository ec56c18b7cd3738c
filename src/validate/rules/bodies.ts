import { remark } from 'remark';
import type { RuleId } from '../../diagnostics/catalog.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../../diagnostics/make.ts';
import type { FrontMatterFile } from '../../load/front-matter.ts';
import { markdownLimitProblems, type LimitKind } from '../../markdown/limits.ts';
import type { ValidationContext } from '../context.ts';

const RULE: Record<LimitKind, RuleId> = { size: 'body/too-large', 'block-depth': 'body/too-deep', 'open-emphasis': 'body/open-emphasis' };

const MESSAGE: Record<LimitKind, (found: number) => string> = {
  size: (found) => `Unexpected body of ${found.toLocaleString('en-GB')} characters.`,
  'block-depth': (found) => `Unexpected ${found} levels of nested block quotes or lists on this line.`,
  'open-emphasis': (found) => `Unexpected ${found} emphasis marks (\`*\`, \`_\`) left open or closing nothing in this paragraph.`,
};

const EXPECTED: Record<LimitKind, (limit: number) => string> = {
  size: (limit) => `at most ${limit.toLocaleString('en-GB')} characters`,
  'block-depth': (limit) => `at most ${limit} levels`,
  'open-emphasis': (limit) => `at most ${limit}`,
};

/** Line and column in the file of an offset into a body that starts on `bodyLine`. */
function position(body: string, bodyLine: number, index: number): { line: number; column: number } {
  let line = bodyLine;
  let lineStart = 0;
  for (let i = body.indexOf('\n'); i !== -1 && i < index; i = body.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * The host an image target would be fetched from, or null for the site's own files (a path, or no URL at all).
 * Read as a browser reads it, from a page served over http and over https: `https:cdn.example/x.png` is a path
 * on an https page but cdn.example's address on an http one (and `http:…` the other way round), and a backslash
 * counts as a slash.
 */
function remoteHost(target: string): string | null {
  for (const page of ['http://site.invalid/', 'https://site.invalid/']) {
    try {
      const url = new URL(target.trim(), page);
      // The sanitiser keeps only http(s) image sources; others never reach a page.
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== 'site.invalid') return url.hostname;
    } catch {
      // not a URL a browser would fetch
    }
  }
  return null;
}

interface MdNode {
  type: string;
  url?: string;
  identifier?: string;
  position?: { start: { offset?: number } };
  children?: MdNode[];
}

/**
 * Images in a body that readers' browsers would fetch from a host not allowed, each with its offset. The body is
 * parsed by remark itself, so an image is whatever the renderer will make one (not the text of one inside code),
 * and a reference image resolves through its definition exactly as it will on the page. Only a body holding `![`
 * can have an image, so the others skip the parse; callers parse only bodies within the limits.
 */
export function remoteImages(body: string, allowed: readonly string[]): { index: number; host: string; target: string }[] {
  if (!body.includes('![')) return [];
  const definitions = new Map<string, string>();
  const images: { index: number; url?: string; identifier?: string }[] = [];
  const walk = (node: MdNode): void => {
    const index = node.position?.start.offset ?? 0;
    if (node.type === 'image') images.push({ index, url: node.url ?? '' });
    else if (node.type === 'imageReference') images.push({ index, identifier: node.identifier });
    // The first definition of a label wins, as in CommonMark.
    else if (node.type === 'definition' && node.identifier !== undefined && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url ?? '');
    for (const child of node.children ?? []) walk(child);
  };
  walk(remark().parse(body) as MdNode);
  const found: { index: number; host: string; target: string }[] = [];
  for (const image of images) {
    const target = image.url ?? (image.identifier !== undefined ? definitions.get(image.identifier) : undefined);
    const host = target === undefined ? null : remoteHost(target);
    if (host !== null && !allowed.includes(host)) found.push({ index: image.index, host, target: target! });
  }
  return found.sort((a, b) => a.index - b.index);
}

function inBody(file: FrontMatterFile, allowed: readonly string[], rendered: boolean): Diagnostic[] {
  const limits = markdownLimitProblems(file.body, { rendered }).map(({ kind, index, found, limit }) =>
    makeDiagnostic(RULE[kind], file.file, position(file.body, file.bodyLine, index), { message: MESSAGE[kind](found), expected: EXPECTED[kind](limit) }),
  );
  // A source body is only quoted from, never rendered: its images never reach a reader. A body over the limits is
  // never parsed.
  const images = (rendered && limits.length === 0 ? remoteImages(file.body, allowed) : []).map(({ index, host }) =>
    makeDiagnostic('body/remote-image', file.file, position(file.body, file.bodyLine, index), {
      message: `Unexpected image from \`${host}\`.`,
      expected: 'an image from the site itself, or from a host listed in `image_hosts` in content/site.yml',
      actual: host,
    }),
  );
  return [...limits, ...images];
}

/**
 * Markdown bodies within the renderer's limits (measured on the text, before remark ever sees it), and event
 * bodies without images from hosts the site has not allowed.
 */
export function bodyRules(ctx: ValidationContext): Diagnostic[] {
  const allowed = ctx.site?.data?.image_hosts ?? [];
  return [...ctx.raw.sources.map((file) => inBody(file, allowed, false)), ...ctx.raw.events.map((file) => inBody(file, allowed, true))].flat();
}
