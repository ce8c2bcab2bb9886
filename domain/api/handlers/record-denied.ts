import type { RequestContext } from '../context.ts';

/** Denied attempts are evidence too: record who tried what. */
export async function recordDenied(ctx: RequestContext, reason: string): Promise<void> {
  await ctx.deps.store.appendAudit({
    event: { action: 'access.denied', subject: ctx.path, before: null, after: { method: ctx.method, path: ctx.path, reason } },
    actorId: ctx.user?.id ?? null,
    at: ctx.deps.now().toISOString(),
  });
}
