import { messageBodySchema } from '#domain/contracts/threads.ts';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { describeError } from '#src/lib/describe-error.ts';

/** What is wrong with a message before it is sent, or undefined (the contract's own rule). */
export function checkMessage(body: string): string | undefined {
  const parsed = messageBodySchema.safeParse(body);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

/**
 * A refusal split into what belongs next to a field (by JSON Pointer) and what belongs to
 * the form as a whole.
 */
export function splitProblem(error: unknown, fields: Record<string, string>): { byField: Record<string, string>; general: string | undefined } {
  if (!error) return { byField: {}, general: undefined };
  const byField: Record<string, string> = {};
  if (isApiProblem(error)) {
    for (const [name, pointer] of Object.entries(fields)) {
      const message = error.fieldError(pointer);
      if (message) byField[name] = message;
    }
  }
  return { byField, general: Object.keys(byField).length > 0 ? undefined : describeError(error) };
}
