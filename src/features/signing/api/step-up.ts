import { useMutation } from '@tanstack/react-query';
import { routes } from '#api/routes.ts';
import { stepUpResponseSchema } from '#api/users/contract.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { apiFetch } from '#src/lib/api-client.ts';
import { isApiProblem } from '#src/lib/api-problem.ts';

// Step-up: the password confirmed again on this session, so that for ten minutes the
// account's passkeys may be changed (a session cookie alone may not).

function stepUp(password: string) {
  return apiFetch(routes.stepUp.path, { method: 'POST', body: { password }, schema: stepUpResponseSchema });
}

export function useStepUp() {
  return useMutation({ mutationFn: stepUp });
}

/** Whether the server asked for a fresh proof before changing passkeys. */
export function needsStepUp(error: unknown): boolean {
  return isApiProblem(error, 403) && error.problem.type === problemTypes.reauthenticationRequired;
}
