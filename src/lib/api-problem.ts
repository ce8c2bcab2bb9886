import type { FieldProblem, Problem } from '#domain/contracts/problem.ts';
import { problemBaseSchema, problemExtensionMembers } from '#domain/contracts/problem-base.ts';
import { readJsonAnswer } from './read-json-answer.ts';

/**
 * A refusal from the API, carrying its RFC 9457 problem details. Components read the
 * status to decide what to show (401 → sign in, 404 → not found, 422 → field errors).
 */
export class ApiProblem extends Error {
  readonly problem: Problem;
  readonly status: number;
  readonly fieldErrors: readonly FieldProblem[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
    this.problem = problem;
    this.status = problem.status;
    this.fieldErrors = problem.errors ?? [];
  }

  /** The first message for a JSON Pointer such as `/email`, if the server gave one. */
  fieldError(pointer: string): string | undefined {
    return this.fieldErrors.find((error) => error.pointer === pointer)?.message;
  }
}

export function isApiProblem(error: unknown, status?: number): error is ApiProblem {
  return error instanceof ApiProblem && (status === undefined || error.status === status);
}

/** A problem+json body, or one made up from the status when a proxy answered with HTML. */
export async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = { type: 'about:blank', title: response.statusText || 'Request failed', status: response.status };
  try {
    const body = await readJsonAnswer(response);
    // A body naming blockers or a policy check is read with the whole schema, loaded then: the
    // same result as reading every body with it, without its weight on the log-in page.
    const extended = typeof body === 'object' && body !== null && problemExtensionMembers.some((member) => member in body);
    const schema = extended ? (await import('#domain/contracts/problem.ts')).problemSchema : problemBaseSchema;
    const parsed = schema.safeParse(body);
    return parsed.success ? { ...parsed.data, status: response.status } : fallback;
  } catch {
    return fallback;
  }
}
