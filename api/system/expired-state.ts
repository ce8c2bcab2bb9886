import type { Store } from '../store/store.ts';
import { throttleRowsKeptMs } from '../throttle/policies.ts';

// Short-lived state that nobody can use any more, deleted so the tables do not grow without
// end: expired sessions, signing nonces that expired unused, expired passkey registration
// challenges, throttle rows every policy has forgotten (sign-in and signing failures, rate
// windows) and expired trusted devices, sign-in failures of the former lock (login_failures),
// and expired single sign-on log-ins (OIDC, SAML requests and assertion IDs). Never a record: the audit log, decisions and their
// signatures, used nonces (the issue of the nonce a decision carries) and signing attempts
// (append-only) are left alone. The server runs this on a timer (server/timers/cleanup.ts);
// tests run it with any `now`.

/** The window in which the former sign-in lock counted a failure; older rows count for nothing. */
const loginFailureWindowMs = 15 * 60_000;

export async function deleteExpiredState(store: Store, now: Date): Promise<void> {
  const at = now.toISOString();
  await store.deleteExpiredSessions(at);
  await store.deleteExpiredUnusedNonces(at);
  await store.deleteExpiredPasskeyChallenges(at);
  await store.pruneThrottles(new Date(now.getTime() - throttleRowsKeptMs).toISOString());
  await store.pruneTrustedDevices(at);
  await store.deleteLoginFailuresBefore(new Date(now.getTime() - loginFailureWindowMs).toISOString());
  await store.deleteExpiredOidcLogins(at);
  await store.deleteExpiredSamlState(at);
}
