import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { makeDiagnostic } from '../diagnostics/make.ts';
import type { FrontMatterFile } from '../load/front-matter.ts';
import { possibleMinutes } from '../schema/part-of-day.ts';
import type { EventRecord } from '../schema/records.ts';

/**
 * Order within a day: `part_of_day` only on a day-precision date, and every `after` naming an event of the same
 * local day, closing no loop and agreeing with what the two events' times say. Messages name both events.
 */
export function checkDayOrder(files: readonly FrontMatterFile[], events: readonly EventRecord[], zone: string | null): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const fileOf = new Map(files.map((f) => [f.file, f]));
  const byId = new Map(events.map((e) => [e.id, e]));
  const at = (e: EventRecord, field: string) => fileOf.get(e.file)?.yaml.locate([field]) ?? { line: 0, column: 0 };
  const related = (e: EventRecord) => ({ file: e.file, line: at(e, 'date').line });

  for (const event of events) {
    if (event.partOfDay && event.date.precision !== 'day') {
      diagnostics.push(
        makeDiagnostic('date/part-of-day', event.file, at(event, 'part_of_day'), {
          field: 'part_of_day',
          message: `Unexpected \`part_of_day\` on the ${event.date.precision}-precision date \`${event.date.raw}\`.`,
          expected: 'a date such as `2023-09-20`, without a time',
        }),
      );
    }
    if (!event.after) continue;
    const anchor = byId.get(event.after);
    const where = at(event, 'after');
    if (!anchor) {
      diagnostics.push(
        makeDiagnostic('order/after-unknown', event.file, where, {
          field: 'after',
          message: `\`${event.id}\` comes after \`${event.after}\`, but no valid event has that id.`,
          expected: 'the id of an event in content/events/',
        }),
      );
      continue;
    }
    if (anchor.date.local !== event.date.local) {
      diagnostics.push(
        makeDiagnostic('order/after-other-day', event.file, where, {
          field: 'after',
          message: `\`${event.id}\` (${event.date.raw}) comes after \`${anchor.id}\` in ${anchor.file}, which is dated \`${anchor.date.raw}\`.`,
          expected: `an event dated ${event.date.local}`,
          related: related(anchor),
        }),
      );
      continue;
    }
    const loop = cycleFrom(event, byId);
    // A loop is reported once, on the member whose id sorts first.
    if (loop && loop[0] === event.id) {
      diagnostics.push(
        makeDiagnostic('order/after-cycle', event.file, where, {
          field: 'after',
          message: `\`after\` goes round in a loop: ${[...loop, event.id].map((id) => `\`${id}\``).join(' → ')} (${loop.map((id) => byId.get(id)!.file).join(', ')}).`,
          related: related(anchor),
        }),
      );
      continue;
    }
    if (zone === null) continue;
    const [, latest] = possibleMinutes(event.date, event.partOfDay, zone);
    const [earliest] = possibleMinutes(anchor.date, anchor.partOfDay, zone);
    if (latest <= earliest) {
      diagnostics.push(
        makeDiagnostic('order/contradicts-time', event.file, where, {
          field: 'after',
          message: `\`${event.id}\` (${describe(event)}) is placed after \`${anchor.id}\` in ${anchor.file} (${describe(anchor)}), which is later.`,
          expected: `an anchor no later than ${describe(event)}`,
          related: related(anchor),
        }),
      );
    }
  }
  return diagnostics;
}

function describe(e: EventRecord): string {
  if (e.date.localTime) return `${e.date.local} ${e.date.localTime}`;
  return e.partOfDay ? `${e.date.local}, ${e.partOfDay.modifier ? `${e.partOfDay.modifier} ` : ''}${e.partOfDay.part}` : e.date.local;
}

/** The ids on the loop `event` belongs to, starting at the smallest id; null when following `after` ends. */
function cycleFrom(event: EventRecord, byId: ReadonlyMap<string, EventRecord>): string[] | null {
  const path: string[] = [];
  for (let e: EventRecord | undefined = event; e; e = e.after ? byId.get(e.after) : undefined) {
    const i = path.indexOf(e.id);
    if (i === 0) {
      const min = path.indexOf([...path].sort()[0]!);
      return [...path.slice(min), ...path.slice(0, min)];
    }
    if (i > 0) return null; // a loop further on, reported on its own members
    path.push(e.id);
  }
  return null;
}
