import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { YamlPath } from '../../load/yaml.ts';
import type { ValidationContext } from '../context.ts';
import { findQuote, normaliseSpace } from '../quotes.ts';
import { report, type Located } from '../report.ts';

/** Quotes shorter than this hardly show what an event rests on. */
export const SHORT_QUOTE = 20;

interface Quoted {
  source: string;
  quote: string;
  prefix?: string | undefined;
  suffix?: string | undefined;
}

function checkQuote(ctx: ValidationContext, at: Located, path: YamlPath, citation: Quoted): Diagnostic[] {
  const text = ctx.sourceText.get(citation.source);
  if (text === undefined) return [];
  const match = findQuote(text, citation.quote, citation.prefix ?? null, citation.suffix ?? null);
  const shown = citation.quote.length > 60 ? `${citation.quote.slice(0, 59)}…` : citation.quote;
  const where = [...path, 'quote'];
  if (match.kind === 'missing') {
    return [
      report('quote/not-found', at, where, `The quote “${shown}” does not occur in source \`${citation.source}\`.`, {
        expected: `a passage copied exactly from ${ctx.sourceFiles.get(citation.source)}`,
      }),
    ];
  }
  if (match.kind === 'context-missing') {
    return [
      report('quote/not-found', at, where, `The quote occurs in \`${citation.source}\`, but not next to the given prefix/suffix.`, {
        expected: 'a `prefix` or `suffix` copied from the text around the quote',
      }),
    ];
  }
  if (match.kind === 'ambiguous') {
    return [report('quote/ambiguous', at, where, `The quote occurs ${match.occurrences} times in \`${citation.source}\`.`, { expected: 'a `prefix` or `suffix` that picks one occurrence' })];
  }
  if (normaliseSpace(citation.quote).length < SHORT_QUOTE) return [report('quote/short', at, where, `The quote “${shown}” is under ${SHORT_QUOTE} characters.`)];
  return [];
}

/** Each quote, in a citation or a claim, occurs word for word and once in a source the event may cite. */
export function quoteRules(ctx: ValidationContext): Diagnostic[] {
  return ctx.events.flatMap(({ file, data }) => [
    ...(data.sources ?? []).flatMap((s, i) => (ctx.known.source.has(s.id) ? checkQuote(ctx, file, ['sources', i], { ...s, source: s.id }) : [])),
    ...(data.claims ?? []).flatMap((c, i) => (ctx.known.source.has(c.source) ? checkQuote(ctx, file, ['claims', i], c) : [])),
  ]);
}
