import type { Context } from 'hono';
import type { ApiDeps } from '#api/kernel/context.ts';
import { ApiError } from '#api/kernel/problems.ts';
import { appendLimitedAnonymous } from '#api/throttle/rate-limits.ts';
import type { SsoFailureReason } from '#domain/contracts/sso.ts';
import { clientAddressOf } from '../routes/client-address.ts';

// A failed single sign-on (OIDC or SAML), written to the audit log with its reason. Anyone can
// fail one for free: per client address, only so many failures a minute are written; past that
// the answer is a 429 problem and nothing is written.

export function redirect(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store' });
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(null, { status: 302, headers });
}

/** Null when audited; the 429 (or other problem) response to send instead otherwise. */
export async function auditSsoFailure(
  deps: ApiDeps,
  c: Context,
  trustProxy: boolean,
  failure: { via: 'oidc' | 'saml'; issuer: string; reason: SsoFailureReason; subject?: string | null },
): Promise<Response | null> {
  try {
    await appendLimitedAnonymous(deps, clientAddressOf(c, trustProxy), (tx, at) =>
      tx.appendAudit({ event: { action: 'session.login_failed', subject: failure.subject ?? failure.issuer, before: null, after: { reason: failure.reason, via: failure.via, issuer: failure.issuer } }, actorId: null, at }),
    );
    return null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return new Response(JSON.stringify(error.problem), { status: error.problem.status, headers: [['content-type', 'application/problem+json'], ['cache-control', 'no-store'], ...error.headers] });
  }
}
