import { problemTypes } from '#domain/contracts/problem-types.ts';
import { isApiProblem } from './api-problem.ts';
import { safeNextPath } from './safe-next.ts';

// An account holding a temporary password (new, or reset by an administrator) may do nothing
// but replace it: the API answers every other request 403 password-change-required. The app
// then takes the person to the account page, which says why, and back afterwards.

export const accountPath = '/account';
/** The account page's search parameter that says the password must be replaced first. */
const reasonParam = 'password';
const reasonValue = 'temporary';

export function isPasswordChangeRequired(error: unknown): boolean {
  return isApiProblem(error, 403) && error.problem.type === problemTypes.passwordChangeRequired;
}

/** The account page, saying a temporary password must be replaced, then going on to `next`. */
export function passwordChangePath(next: string): string {
  const target = safeNextPath(next);
  const search = new URLSearchParams({ [reasonParam]: reasonValue });
  if (target !== '/' && target !== accountPath) search.set('next', target);
  return `${accountPath}?${search.toString()}`;
}

/** Whether the account page was opened because the password must be replaced first. */
export function asksForPasswordChange(searchParams: URLSearchParams): boolean {
  return searchParams.get(reasonParam) === reasonValue;
}
