import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { YamlPath } from '../../load/yaml.ts';
import { endsBeforeStart, isDateProblem, type DateProblem, type EventDate } from '../../schema/dates.ts';
import type { EventContext, ValidationContext } from '../context.ts';
import { report, type Located } from '../report.ts';

const RULE = { format: 'date/format', impossible: 'date/impossible', 'needs-zone': 'date/needs-zone' } as const;

function problem(at: Located, path: YamlPath, date: EventDate | DateProblem | null): Diagnostic[] {
  return date && isDateProblem(date) ? [report(RULE[date.kind], at, path, date.message + '.')] : [];
}

/** The earliest publication date among the sources an event cites, if any is known. */
export function firstReported(ctx: Pick<ValidationContext, 'publishedById'>, event: EventContext): EventDate | null {
  const cited = [...(event.data.sources ?? []).map((s) => s.id), ...(event.data.claims ?? []).map((c) => c.source)];
  return cited
    .map((source) => ctx.publishedById.get(source))
    .reduce<EventDate | null>((min, d) => (d && (!min || endsBeforeStart(min, d)) ? d : min), null);
}

/**
 * Every date is ISO 8601 at its precision and on the calendar; an event's end is not before its start, and no
 * correction or update is dated before the first article citing its event.
 */
export function dateRules(ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (ctx.site) out.push(...problem(ctx.site.file, ['era_start'], ctx.site.eraStart));
  for (const source of ctx.sources) out.push(...problem(source.file, ['published'], source.published));
  for (const event of ctx.events) {
    const { file, start, end } = event;
    out.push(...problem(file, ['date'], start), ...problem(file, ['end'], end));
    if (start && end && !isDateProblem(start) && !isDateProblem(end) && endsBeforeStart(start, end)) {
      out.push(report('date/end-before-start', file, ['end'], `The end \`${end.raw}\` is before the date \`${start.raw}\`.`, { expected: `an end on or after ${start.raw}` }));
    }
    event.reported.forEach((date, i) => out.push(...problem(file, ['claims', i, 'reported'], date)));
    const first = firstReported(ctx, event);
    event.updates.forEach((when, i) => {
      const path = ['updates', i, 'date'];
      if (isDateProblem(when)) out.push(...problem(file, path, when));
      else if (first && endsBeforeStart(first, when)) {
        const type = event.data.updates![i]!.type;
        out.push(
          report('date/update-before-report', file, path, `The ${type} dated \`${when.raw}\` is before the event was first reported (\`${first.raw}\`).`, {
            expected: `a date on or after ${first.raw}`,
          }),
        );
      }
    });
  }
  return out;
}
