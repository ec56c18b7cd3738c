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

// An inline image `![alt](url`, its target bare or in <…>; and a reference image `![alt][label]`, `![label][]` or `![label]`.
const INLINE_IMAGE = /!\[(?:[^[\]\n]|\[[^[\]\n]*\])*\]\(\s*(?:<([^>\n]*)>|([^\s)]+))/g;
const REFERENCE_IMAGE = /!\[([^[\]\n]*)\](?:\[([^[\]\n]*)\])?(?!\()/g;
const DEFINITION = /^ {0,3}\[([^[\]\n]+)\]:[ \t]*(?:<([^>\n]*)>|(\S+))/gm;

const label = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The host an image target would be fetched from, or null for the site's own files (a path, or no URL at all). */
function remoteHost(target: string): string | null {
  if (!/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(target.trim())) return null;
  try {
    const url = new URL(target.trim(), 'https://site.invalid/');
    // The sanitiser keeps only http(s) image sources; others never reach a page.
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : null;
  } catch {
    return null;
  }
}

/** Images in a body that readers' browsers would fetch from a host not allowed, each with its offset. */
export function remoteImages(body: string, allowed: readonly string[]): { index: number; host: string; target: string }[] {
  const definitions = new Map<string, string>();
  for (const m of body.matchAll(DEFINITION)) if (!definitions.has(label(m[1]!))) definitions.set(label(m[1]!), m[2] ?? m[3]!);
  const found: { index: number; host: string; target: string }[] = [];
  for (const m of body.matchAll(INLINE_IMAGE)) found.push({ index: m.index, host: '', target: m[1] ?? m[2] ?? '' });
  for (const m of body.matchAll(REFERENCE_IMAGE)) {
    const target = definitions.get(label(m[2] || m[1]!));
    if (target !== undefined) found.push({ index: m.index, host: '', target });
  }
  return found
    .map((f) => ({ ...f, host: remoteHost(f.target) ?? '' }))
    .filter((f) => f.host !== '' && !allowed.includes(f.host))
    .sort((a, b) => a.index - b.index);
}

function inBody(file: FrontMatterFile, allowed: readonly string[], rendered: boolean): Diagnostic[] {
  const limits = markdownLimitProblems(file.body, { rendered }).map(({ kind, index, found, limit }) =>
    makeDiagnostic(RULE[kind], file.file, position(file.body, file.bodyLine, index), { message: MESSAGE[kind](found), expected: EXPECTED[kind](limit) }),
  );
  // A source body is only quoted from, never rendered: its images never reach a reader.
  const images = (rendered ? remoteImages(file.body, allowed) : []).map(({ index, host }) =>
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
