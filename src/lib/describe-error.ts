import { ApiProblem } from './api-problem.ts';

/** A sentence for a person about why something failed, never a stack or a status code alone. */
export function describeError(error: unknown): string {
  // 503: the server is up but its database is not. What the person typed stays on screen.
  if (error instanceof ApiProblem && error.status === 503) return `Service temporarily unavailable; your input is kept. ${error.problem.detail ?? 'Try again in a moment.'}`;
  if (error instanceof ApiProblem) return error.problem.detail ?? error.problem.title;
  // fetch rejects with a TypeError when the network, not the server, failed.
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection and try again.';
  return 'Something went wrong on our side. Nothing was changed; try again.';
}
