import { isApiProblem } from '#src/lib/api-problem.ts';
import { describeError } from '#src/lib/describe-error.ts';

/**
 * A refusal split into what belongs next to a field (by JSON Pointer) and what belongs to the
 * form as a whole: a message the server gave for no field we show goes to the form.
 */
export function problemFields<F extends string>(error: unknown, fields: Record<F, string>): { at: (field: F) => string | undefined; general: string | undefined } {
  if (!error) return { at: () => undefined, general: undefined };
  const shown = isApiProblem(error) ? Object.values<string>(fields).filter((pointer) => error.fieldError(pointer)) : [];
  return {
    at: (field) => (isApiProblem(error) ? error.fieldError(fields[field]) : undefined),
    general: shown.length > 0 ? undefined : describeError(error),
  };
}

/** A calendar date for a person: "10 Jan 2027" in their locale, the same day wherever they are. */
export function formatDay(date: string): string {
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}
