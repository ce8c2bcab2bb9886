import { describe, expect, it } from 'vitest';
import { handleApiRequest } from '#api/index.ts';
import type { ApiDeps } from '#api/kernel/context.ts';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import { createMockApi, demoPassword } from '#mocks/handlers.ts';
import { apiRequest, demoSessionCookie } from '../support/mock-api-session.ts';

// A login checks the password outside its transaction (scrypt is slow). An administrator who
// knows the account's password keeps logins in flight while the holder sets their own through
// a link, or while the account is disabled: the login that had checked the old password must
// not start a session afterwards (docs/decisions/0181, amended after an adversary's replay).


/** The deps with the password check for `hash` held until `release()`: a login caught mid-flight. */
function holdingVerify(deps: ApiDeps): { deps: ApiDeps; checked: Promise<void>; release: () => void } {
  let release = () => {};
  let checkedNow = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const checked = new Promise<void>((resolve) => (checkedNow = resolve));
  const passwords = {
    hash: (password: string) => deps.passwords.hash(password),
    async verify(password: string, stored: string) {
      const ok = await deps.passwords.verify(password, stored);
      checkedNow();
      await gate;
      return ok;
    },
  };
  return { deps: { ...deps, passwords }, checked, release };
}

async function mailedToken(deps: ApiDeps, userId: string): Promise<string> {
  const mails = await deps.store.listMailFor(userId);
  const token = /\/set-password#([A-Za-z0-9_-]+)/.exec(mails.at(-1)?.text ?? '')?.[1];
  if (!token) throw new Error('no link mailed');
  return token;
}

describe('a login in flight', () => {
  it('does not outlive the holder setting their own password through a link', async () => {
    const api = createMockApi({ mail: { enabled: true, digestHourUtc: 7 } });
    await api.ready;
    const admin = await demoSessionCookie(api.deps, 'admin@example.com');
    const held = holdingVerify(api.deps);
    // The one who knows the password signs in as the owner; the check passes, then waits.
    const login = handleApiRequest(apiRequest('POST', '/api/session', { email: 'owner@example.com', password: demoPassword }), held.deps);
    await held.checked;
    expect((await handleApiRequest(apiRequest('POST', '/api/admin/users/usr_owner/password-link', null, admin), api.deps)).status).toBe(200);
    const token = await mailedToken(api.deps, 'usr_owner');
    expect((await handleApiRequest(apiRequest('POST', '/api/set-password', { token, password: 'copper meadow violet harbour' }), api.deps)).status).toBe(204);
    held.release();
    const answer = await login;
    expect(answer.status).toBe(401);
    expect(answer.headers.get('set-cookie') ?? '').not.toContain(sessionCookieName);
    expect(await api.deps.store.listUserSessions('usr_owner')).toEqual([]);
  });

  it('does not outlive the account being disabled', async () => {
    const api = createMockApi();
    await api.ready;
    const admin = await demoSessionCookie(api.deps, 'admin@example.com');
    const held = holdingVerify(api.deps);
    const login = handleApiRequest(apiRequest('POST', '/api/session', { email: 'owner@example.com', password: demoPassword }), held.deps);
    await held.checked;
    expect((await handleApiRequest(apiRequest('POST', '/api/admin/users/usr_owner/disable', null, admin), api.deps)).status).toBe(200);
    held.release();
    expect((await login).status).toBe(401);
    expect(await api.deps.store.listUserSessions('usr_owner')).toEqual([]);
  });
});
