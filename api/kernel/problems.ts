import type { z } from 'zod';
import type { ApprovalBlocker, GovernanceBlocker } from '#domain/contracts/approval-gates.ts';
import { problemTypes, type FieldProblem, type Problem } from '#domain/contracts/problem.ts';
import type { PolicyEvaluation } from '#domain/contracts/policies.ts';

/** A refusal with RFC 9457 details; the API layer turns it into application/problem+json. */
export class ApiError extends Error {
  readonly problem: Problem;
  /** Headers the refusal is answered with (retry-after on a rate limit). */
  readonly headers: [string, string][];
  constructor(problem: Problem, headers: [string, string][] = []) {
    super(problem.detail ?? problem.title);
    this.problem = problem;
    this.headers = headers;
  }
}

export function pointerOf(path: readonly PropertyKey[], root = ''): string {
  return root + path.map((part) => '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function zodProblems(error: z.ZodError, root: string): FieldProblem[] {
  return error.issues.map((issue) => ({ pointer: pointerOf(issue.path, root), message: issue.message, code: issue.code }));
}

export const problems = {
  validation: (errors: FieldProblem[], detail = 'The request has problems; each is listed with its field.') =>
    new ApiError({ type: problemTypes.validation, title: 'Invalid request', status: 422, detail, errors }),
  badQuery: (errors: FieldProblem[]) =>
    new ApiError({ type: problemTypes.validation, title: 'Invalid query parameters', status: 400, detail: 'The query string has problems; each is listed.', errors }),
  malformedJson: (errors: FieldProblem[]) =>
    new ApiError({ type: problemTypes.malformedJson, title: 'Malformed JSON', status: 400, detail: 'The request body is not acceptable JSON; each problem is listed.', errors }),
  tooLarge: (limit: number) =>
    new ApiError({ type: problemTypes.tooLarge, title: 'Payload too large', status: 413, detail: `The request body is larger than the ${limit} bytes this route accepts.` }),
  unsupportedMediaType: () =>
    new ApiError({ type: problemTypes.unsupportedMediaType, title: 'Unsupported media type', status: 415, detail: 'Send the request as application/json (a write without a body too).' }),
  unauthenticated: (detail = 'Sign in to continue.') => new ApiError({ type: problemTypes.unauthenticated, title: 'Not signed in', status: 401, detail }),
  invalidCredentials: () =>
    new ApiError({ type: problemTypes.unauthenticated, title: 'Sign-in failed', status: 401, detail: 'The email or password is not correct.' }),
  reauthenticationRequired: (detail: string) => new ApiError({ type: problemTypes.reauthenticationRequired, title: 'Confirm it is you', status: 403, detail }),
  passwordChangeRequired: () =>
    new ApiError({ type: problemTypes.passwordChangeRequired, title: 'Password change required', status: 403, detail: 'Replace your temporary password before continuing.' }),
  forbidden: (detail: string, errors?: FieldProblem[]) => new ApiError({ type: problemTypes.forbidden, title: 'Not allowed', status: 403, detail, ...(errors ? { errors } : {}) }),
  notFound: (detail: string) => new ApiError({ type: problemTypes.notFound, title: 'Not found', status: 404, detail }),
  /** `attemptsLeft`: for a failed re-authentication, how many more failures signing allows before it locks. */
  signingRefused: (detail: string, errors: FieldProblem[], attemptsLeft?: number) =>
    new ApiError({ type: problemTypes.signingRefused, title: 'Signature refused', status: 403, detail, errors, ...(attemptsLeft === undefined ? {} : { attemptsLeft }) }),
  /** Signing (or another re-authentication) waits after repeated failures; Retry-After says how long. */
  locked: (detail: string, retryAfterSeconds?: number) =>
    new ApiError({ type: problemTypes.signingLocked, title: 'Signing locked', status: 423, detail }, retryAfterSeconds === undefined ? [] : [['retry-after', String(Math.max(1, Math.ceil(retryAfterSeconds)))]]),
  conflict: (detail: string) => new ApiError({ type: problemTypes.conflict, title: 'Conflict', status: 409, detail }),
  /** The package is not what the signer was shown; `diff` is the app's page of what changed. */
  packageChanged: (detail: string, diff: string | null) =>
    new ApiError({ type: problemTypes.packageChanged, title: 'The package changed since you opened it', status: 409, detail, ...(diff ? { diff } : {}) }),
  /** An approval refused by its gates (domain/workflow/approval-gates.ts); `blockers` lists what stands now. */
  approvalBlocked: (detail: string, blockers: ApprovalBlocker[]) =>
    new ApiError({ type: problemTypes.approvalBlocked, title: 'Open questions block this approval', status: 409, detail, blockers }),
  /** An approval refused by the governance gate (docs/decisions/0141): each unmet blocking requirement with its policy version, a missing risk assessment. */
  governanceBlocked: (detail: string, governanceBlockers: GovernanceBlocker[], policy: PolicyEvaluation | null) =>
    new ApiError({ type: problemTypes.governanceBlocked, title: 'Governance blocks this approval', status: 409, detail, governanceBlockers, ...(policy ? { policy } : {}) }),
  /** An approval by the person who set the package's risk tier (docs/decisions/0174); rejecting stays open to them. */
  assessorCannotApprove: (detail: string) => new ApiError({ type: problemTypes.assessorCannotApprove, title: 'The tier’s assessor cannot approve', status: 403, detail }),
  credentialSetByAdministrator: (detail: string) => new ApiError({ type: problemTypes.credentialSetByAdministrator, title: 'The holder has not set their own password', status: 409, detail }),
  /** A request or proposal whose filer was disabled or lost the administrator role since (0192): nothing is applied; rejecting stays open. */
  requesterNoLongerAdministrator: (detail: string) =>
    new ApiError({ type: problemTypes.requesterNoLongerAdministrator, title: 'Its proposer is no longer an administrator', status: 409, detail }),
  /** A stored proposal whose content no longer hashes to what was filed (edited behind the application's back, 0192). */
  proposalTampered: (detail: string) => new ApiError({ type: problemTypes.proposalTampered, title: 'The stored proposal was altered', status: 409, detail }),
  /** A stored account request whose content no longer hashes to what was filed (0198): nothing is applied; rejecting stays open. */
  accountRequestTampered: (detail: string) => new ApiError({ type: problemTypes.accountRequestTampered, title: 'The stored account request was altered', status: 409, detail }),
  /** A stored proposal as filed that today's contract no longer reads (0192, fourth amendment): not tampering, so no tamper signal. */
  proposalUnreadable: (detail: string) => new ApiError({ type: problemTypes.proposalUnreadable, title: 'The stored proposal no longer reads', status: 409, detail }),
  /** An approval whose comparison with the catalogue changed since it was shown (0192, fifth amendment): nothing is applied; reload and read it again. */
  proposalComparisonChanged: (detail: string) => new ApiError({ type: problemTypes.proposalComparisonChanged, title: 'The comparison you were shown changed', status: 409, detail }),
  /** A direct catalogue change once two administrators exist (docs/decisions/0182): it waits for a second one, as a proposal. */
  catalogueProposalRequired: () =>
    new ApiError({
      type: problemTypes.catalogueProposalRequired,
      title: 'Needs a second administrator',
      status: 409,
      detail: 'This catalogue change needs a second administrator: propose it (POST /api/catalogue-proposals with { kind, change }), and another administrator approves it.',
    }),
  approverCannotSetTier: (detail: string) => new ApiError({ type: problemTypes.approverCannotSetTier, title: 'The approver cannot set the tier', status: 403, detail }),
  /** A submission the governance policy refuses: each failed check at its field, and the whole check with the policy version. */
  policyRefused: (detail: string, errors: FieldProblem[], policy: PolicyEvaluation) =>
    new ApiError({ type: problemTypes.policyRefused, title: 'Refused by the governance policy', status: 422, detail, errors, policy }),
  /** The audit log fails its integrity check, so the server will not sign a tree head (or a record) over it. */
  auditLogBroken: (found: { reason: string }) =>
    new ApiError({
      type: problemTypes.auditLogBroken,
      title: 'The audit log fails its integrity check',
      status: 409,
      detail: `${found.reason} The server signs no tree head or record over a log that does not verify; GET /api/audit/verify lists every break.`,
    }),
  /** Too many attempts; `retryAfterSeconds` goes out as the retry-after header too. */
  rateLimited: (detail: string, retryAfterSeconds: number) =>
    new ApiError({ type: problemTypes.rateLimited, title: 'Too many attempts', status: 429, detail }, [['retry-after', String(Math.max(1, Math.ceil(retryAfterSeconds)))]]),
  crossSite: () =>
    new ApiError({ type: problemTypes.crossSite, title: 'Cross-site request refused', status: 403, detail: 'State-changing requests must come from this application.' }),
  /** The database cannot be reached (or is locked past its timeout); the client may retry after Retry-After. */
  unavailable: () =>
    new ApiError({ type: problemTypes.unavailable, title: 'Service unavailable', status: 503, detail: 'The database is unavailable; try again shortly.' }),
  /** Heavy work refused (every worker busy and the queue full) or stopped past its time budget; the client may retry after Retry-After. */
  busy: (detail: string, retryAfterSeconds: number) =>
    new ApiError({ type: problemTypes.unavailable, title: 'Server busy', status: 503, detail }, [['retry-after', String(Math.max(1, Math.ceil(retryAfterSeconds)))]]),
  internal: () =>
    new ApiError({ type: problemTypes.internal, title: 'Internal error', status: 500, detail: 'Something went wrong on our side. Nothing was changed; try again.' }),
};
