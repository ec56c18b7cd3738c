import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import type { RawContent } from '../load/content.ts';
import type { Content } from '../schema/records.ts';
import { buildContext } from './context.ts';
import { toModel } from './model.ts';
import { orderFindings, type Family } from './order.ts';
import { bodyRules } from './rules/bodies.ts';
import { claimRules } from './rules/claims.ts';
import { dateRules } from './rules/dates.ts';
import { idRules } from './rules/ids.ts';
import { quoteRules } from './rules/quotes.ts';
import { placeRules } from './rules/places.ts';
import { referenceRules } from './rules/references.ts';
import { schemaRules } from './rules/schema.ts';
import { textRules } from './rules/text.ts';
import { singleSourceRules, unusedRules } from './rules/usage.ts';
import { checkDayOrder } from './day-order.ts';
import { checkStyle } from './style.ts';

export { SHORT_QUOTE } from './rules/quotes.ts';

export interface ValidationResult {
  /** Null when any error was found: nothing may be built from invalid content. */
  content: Content | null;
  diagnostics: Diagnostic[];
}

/** The rule families; each reads the shared context and returns its findings. */
export const FAMILIES: readonly Family[] = [
  { name: 'schema', phase: 'file', check: schemaRules },
  { name: 'ids', phase: 'file', check: idRules },
  { name: 'dates', phase: 'file', check: dateRules },
  { name: 'references', phase: 'file', check: referenceRules },
  { name: 'places', phase: 'file', check: placeRules },
  { name: 'quotes', phase: 'file', check: quoteRules },
  { name: 'claims', phase: 'file', check: claimRules },
  { name: 'single-source', phase: 'file', check: singleSourceRules },
  { name: 'text', phase: 'file', check: textRules },
  { name: 'bodies', phase: 'file', check: bodyRules },
  { name: 'unused', phase: 'unused', check: unusedRules },
  // The order within a day (`after`, parts of the day) once every event is known.
  { name: 'day-order', phase: 'order', check: (ctx, model) => checkDayOrder(ctx.raw.events, model.events, model.site?.timeZone ?? null) },
  // House style: warnings only (a broken content/style.yml is an error like any other file).
  { name: 'style', phase: 'style', check: (ctx, model) => checkStyle(ctx.raw, model.events) },
];

/**
 * Validates the whole content set and cross-checks it: every problem in every file is collected before
 * anything is built.
 */
export function validateContent(raw: RawContent): ValidationResult {
  const ctx = buildContext(raw);
  const model = toModel(ctx);
  const diagnostics = orderFindings(ctx, FAMILIES.map((family) => ({ family, diagnostics: family.check(ctx, model) })));
  const { site, categories, actors, places, sources, events } = model;
  return {
    content: hasErrors(diagnostics) || !site ? null : { site, categories, actors, places, sources, events },
    diagnostics,
  };
}
