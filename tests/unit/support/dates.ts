import { isDateProblem, parseEventDate, type EventDate } from '../../../src/schema/dates.ts';

/** Parses a date that the test knows to be valid; a problem here is a broken fixture, so it throws. */
export function date(raw: string): EventDate {
  const parsed = parseEventDate(raw);
  if (isDateProblem(parsed)) throw new Error(`Test fixture date ${raw} is invalid: ${parsed.message}`);
  return parsed;
}
