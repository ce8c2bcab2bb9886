import type { FieldProblem } from '#domain/contracts/problem.ts';

/** The server's message for a field, or for anything inside it (a section of a step's list). */
export function errorAt(errors: readonly FieldProblem[], pointer: string): string | undefined {
  return (errors.find((e) => e.pointer === pointer) ?? errors.find((e) => e.pointer.startsWith(`${pointer}/`)))?.message;
}
