import { problemTypes } from '#domain/contracts/problem.ts';
import type { ApiDeps, RequestContext } from '../kernel/context.ts';
import { ApiError, problems } from '../kernel/problems.ts';
import { appendLimitedRefusal } from '../throttle/rate-limits.ts';

// Denied attempts are evidence too: who tried what, and why it was refused. Only identified
// callers are recorded (a session or an API token): an anonymous request is answered 401 and
// not written down, or anyone on the network could grow the append-only log at will.
// Its own folder, not api/audit: every capability refuses something, and api/audit's handlers
// themselves read packages and server keys, so keeping this in api/audit tied them in a loop.

/** Requests whose denial is already in the log, so the pipeline's safety net adds no second entry. */
const recorded = new WeakSet<RequestContext>();

interface Denial {
  actorId: string | null;
  method: string;
  path: string;
  reason: string;
}

/**
 * Appends an access.denied entry; for callers that have no request context yet (an API token on
 * a route it may not call). Each counts against the caller's rate limit, so refusals cannot
 * grow the log faster than writes can (over it: 429, and nothing written).
 */
export async function appendDenied(deps: ApiDeps, denial: Denial, ctx?: RequestContext): Promise<void> {
  await appendLimitedRefusal(
    deps,
    denial.actorId,
    (tx, at) => tx.appendAudit({ event: { action: 'access.denied', subject: denial.path, before: null, after: { method: denial.method, path: denial.path, reason: denial.reason } }, actorId: denial.actorId, at }),
    ctx,
  );
}

export async function auditDenied(ctx: RequestContext, reason: string): Promise<void> {
  recorded.add(ctx);
  await appendDenied(ctx.deps, { actorId: ctx.user?.id ?? null, method: ctx.method, path: ctx.path, reason }, ctx);
}

/**
 * A refusal to be audited once the handler's transaction has rolled back: thrown from inside a
 * transaction, where appending would be undone with everything else.
 */
export class DeniedError extends ApiError {
  readonly reason: string;
  constructor(error: ApiError, reason: string) {
    super(error.problem, error.headers);
    this.reason = reason;
  }
}

/** 404 for an object the caller may not see, so its existence is not confirmed; audited. */
export function deniedNotFound(detail: string, reason: string): DeniedError {
  return new DeniedError(problems.notFound(detail), reason);
}

/**
 * The pipeline's safety net: every 403 and every DeniedError a handler throws is in the audit
 * log, whether or not the handler recorded it itself.
 */
export async function auditRefusal(ctx: RequestContext, error: unknown): Promise<void> {
  if (recorded.has(ctx) || !ctx.user || !(error instanceof ApiError)) return;
  if (error instanceof DeniedError) return auditDenied(ctx, error.reason);
  if (error.problem.type === problemTypes.forbidden) return auditDenied(ctx, error.problem.detail ?? error.problem.title);
}
