import { windowBounds, windowEnd, type RatePolicy } from '#domain/throttle/rate-window.ts';
import type { ApiDeps, RequestContext } from '../kernel/context.ts';
import { problems } from '../kernel/problems.ts';
import type { RouteDef } from '../kernel/route-def.ts';
import type { StoreTx } from '../store/store.ts';
import { anonymousAuditPolicy, defaultRecordBuildsPerMinute, defaultWritesPerMinute, recordBuildsPolicy, writesPolicy } from './policies.ts';
import { secondsUntil } from './lanes.ts';

// Rate limits on what can append to the audit log: every write of a signed-in user (or a
// pipeline token, in its owner's name), every refusal written for one, and every anonymous
// event (a failed single sign-on) per client address. Over the limit the request is answered
// 429 with Retry-After and nothing is written, except one access.rate_limited entry per
// window, so the permanent log grows by a bounded amount whatever a caller sends.

type RateScope = 'writes' | 'record_builds' | 'anonymous_audit';

interface RateKey {
  scope: RateScope;
  key: string;
  /** The audit subject of the access.rate_limited entry. */
  subject: string;
  policy: RatePolicy;
  actorId: string | null;
}

const refusalDetail: Record<RateScope, (wait: number) => string> = {
  writes: (wait) => `Too many changes in a short time; try again in ${wait} seconds.`,
  record_builds: (wait) => `Too many approval records (exports, PDFs, deployment gate checks) asked for in a short time; try again in ${wait} seconds.`,
  anonymous_audit: (wait) => `Too many requests from this network address; try again in ${wait} seconds.`,
};

/** Counts one event for the key (one conditional statement), or throws 429; a full window is audited once. */
async function admit(deps: ApiDeps, rate: RateKey): Promise<void> {
  const now = deps.now();
  const counted = await deps.store.countInWindow(rate.key, windowBounds(rate.policy, now));
  if (counted.admitted) return;
  const until = windowEnd(rate.policy, counted.windowStart);
  if (await deps.store.claimThrottleNote(rate.key, now.toISOString())) {
    await deps.store.appendAudit({
      event: { action: 'access.rate_limited', subject: rate.subject, before: null, after: { scope: rate.scope, limit: rate.policy.limit, windowSeconds: rate.policy.windowMs / 1000, until: until.toISOString() } },
      actorId: rate.actorId,
      at: now.toISOString(),
    });
  }
  const wait = secondsUntil(until, now);
  const detail = refusalDetail[rate.scope](wait);
  throw problems.rateLimited(detail, wait);
}

const writesOf = (deps: ApiDeps, actorId: string): RateKey => ({ scope: 'writes', key: `writes:${actorId}`, subject: actorId, policy: writesPolicy(deps.writesPerMinute ?? defaultWritesPerMinute), actorId });

/** Requests already counted as a write, so their refusal is not counted again. */
const counted = new WeakSet<RequestContext>();

/** Kernel hook: every state-changing request of an identified caller counts against their limit. */
export async function limitWrites(ctx: RequestContext, route: RouteDef): Promise<void> {
  if (route.method === 'GET' || !ctx.user) return;
  counted.add(ctx);
  await admit(ctx.deps, writesOf(ctx.deps, ctx.user.id));
}

/** Before a handler builds and signs an approval record: every build counts against the caller's limit, over it 429 with Retry-After. */
export async function limitRecordBuilds(ctx: RequestContext, actorId: string): Promise<void> {
  const policy = recordBuildsPolicy(ctx.deps.recordBuildsPerMinute ?? defaultRecordBuildsPerMinute);
  await admit(ctx.deps, { scope: 'record_builds', key: `record-builds:${actorId}`, subject: actorId, policy, actorId });
}

/** Writes an identified caller's refusal to the audit log (`append`); it counts like a write, unless the request was counted as one already. */
export async function appendLimitedRefusal(deps: ApiDeps, actorId: string | null, append: (tx: StoreTx, at: string) => Promise<unknown>, ctx?: RequestContext): Promise<void> {
  if (actorId !== null && !(ctx && counted.has(ctx))) await admit(deps, writesOf(deps, actorId));
  await deps.store.transaction(async (tx) => {
    await append(tx, deps.now().toISOString());
  });
}

/** Writes an anonymous event to the audit log (`append`), at most so many per client address. */
export async function appendLimitedAnonymous(deps: ApiDeps, clientAddress: string | null, append: (tx: StoreTx, at: string) => Promise<unknown>): Promise<void> {
  const client = clientAddress ?? 'unknown';
  await admit(deps, { scope: 'anonymous_audit', key: `anonymous-audit:${client}`, subject: `client ${client}`, policy: anonymousAuditPolicy, actorId: null });
  await deps.store.transaction(async (tx) => {
    await append(tx, deps.now().toISOString());
  });
}
