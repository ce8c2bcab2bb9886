import type { ApiDeps } from '../kernel/context.ts';
import type { VersionAnswer } from '../store/packages.ts';
import { authenticateSessionCookie, keptSessionUser } from '../kernel/session-policy.ts';
import { canSeePackage } from '../package-access/views.ts';
import { packagesRoutes } from './routes.ts';
import { versionAnswerText } from './version-answer.ts';

// The version read when it plainly succeeds, for the Node server's read path in front of the
// pipeline (server/version-read-path.ts, docs/decisions/0190). It makes the pipeline's
// checks for this route, in its order and through the same reads: the session cookie, the
// account behind it, the route's access rule, who may see the package. Whatever does not plainly
// pass answers null, and the pipeline answers the request itself, with its own status, problem
// and audit entry (a denied look is audited there, never here).

const route = packagesRoutes.getVersion;

/**
 * What the read path assumes of the route: a GET any signed-in caller may make, with no query,
 * no body, and not allowed before a required password change. A route changed otherwise must
 * change this path (a test holds them together).
 */
export function routeMatchesPlainRead(): boolean {
  // Widened on purpose: today's declaration makes these constant, the check is for tomorrow's.
  const declared: { method: string; access: { kind: string }; query: unknown; body: unknown; allowedBeforePasswordChange?: unknown } = route;
  return declared.method === 'GET' && declared.access.kind === 'signed_in' && declared.query === null && declared.body === null && declared.allowedBeforePasswordChange === undefined;
}

/** The answer's JSON text or bytes, or null when the pipeline must answer (refusal, 404, anything unusual). */
export async function plainVersionRead(deps: ApiDeps, cookies: string | null, secure: boolean, packageId: string, n: number): Promise<VersionAnswer | null> {
  const { user } = await authenticateSessionCookie(cookies, deps, secure);
  // Signed out, an ended or idle session, a disabled account, a password to change first: the pipeline's 401 and 403.
  if (!user || user.passwordChangeRequired) return null;
  return versionAnswerText(deps.store, packageId, n, async (id) => {
    const pkg = await deps.store.findPackage(id);
    return pkg && canSeePackage(user, pkg) ? pkg : null;
  });
}

/**
 * The same answer without waiting, when the store keeps everything it needs now (SQLite's kept
 * rows and whole answers under its change clock: docs/decisions/0202): the session and its
 * account standing with no use to record, a package the caller may see, the answer's bytes. The
 * checks are plainVersionRead's, on the very rows its reads would answer. Undefined whenever
 * anything is not kept or not plain: plainVersionRead then reads, and decides.
 */
export function keptVersionRead(deps: ApiDeps, cookies: string, secure: boolean, packageId: string, n: number): VersionAnswer | undefined {
  const kept = deps.store.kept;
  const user = kept ? keptSessionUser(cookies, deps, secure) : undefined;
  if (!kept || !user || user.passwordChangeRequired) return undefined;
  const pkg = kept.package(packageId);
  return pkg && canSeePackage(user, pkg) ? kept.answer(pkg.id, n) : undefined;
}
