import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { YamlPath } from '../../load/yaml.ts';
import type { ValidationContext } from '../context.ts';
import { findQuote, quoteParts } from '../quotes.ts';
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
  if (match.kind === 'part-missing') {
    const part = match.text.length > 60 ? `${match.text.slice(0, 59)}…` : match.text;
    return [
      report('quote/trimmed-part', at, where, `Part ${match.part} of ${match.count} of the trimmed quote, “${part}”, does not occur in source \`${citation.source}\`${match.part > 1 ? ' after the part before it' : ''}.`, {
        expected: 'each part between `…` or `[…]` copied exactly from the source, in the order the source gives them',
      }),
    ];
  }
  if (match.kind === 'empty-part') {
    return [
      report('quote/trimmed-part', at, where, `The trimmed quote has nothing in part ${match.part}: two omission marks with no words between them.`, {
        expected: 'words of the source between any two `…` or `[…]`',
      }),
    ];
  }
  if (match.kind === 'ambiguous') {
    return [report('quote/ambiguous', at, where, `The quote occurs ${match.occurrences} times in \`${citation.source}\`.`, { expected: 'a `prefix` or `suffix` that picks one occurrence' })];
  }
  // A trimmed quote's words are its parts; the omission marks are ours.
  if (quoteParts(citation.quote).join(' ').trim().length < SHORT_QUOTE) return [report('quote/short', at, where, `The quote “${shown}” is under ${SHORT_QUOTE} characters.`)];
  return [];
}

/**
 * Each quote, in a citation or a claim, occurs word for word and once in a source the event may cite; a trimmed
 * quote (`…` or `[…]` where words are left out) occurs part by part, in order.
 */
export function quoteRules(ctx: ValidationContext): Diagnostic[] {
  return ctx.events.flatMap(({ file, data }) => [
    ...(data.sources ?? []).flatMap((s, i) => (ctx.known.source.has(s.id) ? checkQuote(ctx, file, ['sources', i], { ...s, source: s.id }) : [])),
    ...(data.claims ?? []).flatMap((c, i) => (ctx.known.source.has(c.source) ? checkQuote(ctx, file, ['claims', i], c) : [])),
  ]);
}
