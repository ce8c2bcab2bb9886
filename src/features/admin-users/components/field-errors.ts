import type { ApiProblem } from '#src/lib/api-problem.ts';

/** The server's message for a field, including its items' (`/roles/0` belongs to `/roles`). */
export function fieldErrorOf(problem: ApiProblem | null, pointer: string): string | undefined {
  return problem?.fieldErrors.find((error) => error.pointer === pointer || error.pointer.startsWith(`${pointer}/`))?.message;
}
