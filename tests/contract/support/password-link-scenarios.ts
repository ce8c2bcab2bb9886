import { expect } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { Client, type Reply, type Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { approveAs, fileRequest } from './account-requests.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import { fileAccountRequest } from '#api/account-requests/integrity.ts';

// Mail on (docs/decisions/0181): an administrator never holds a working credential of someone
// else's deciding account. Replays the adversary's walk (remove the role, reset the password
// while the account decides nothing, have a colleague approve "giving it back", sign in as the
// account) and the privileged reset whose temporary password went back to its requester. These
// run on targets with mail on; the outbox is read from the store, as the holder's mailbox.

const temporaryPassword = 'amber falcon river stone';
const holderPassword = 'copper meadow violet harbour';
const hour = 3_600_000;

const problemType = (reply: Reply) => (reply.body as { type?: string }).type;
const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

/** The token of the newest set-password link in the holder's mailbox. */
export async function mailedToken(target: Target, userId: string): Promise<string> {
  const mails = (await target.store.listMailFor(userId)).filter((m) => m.subject === 'Set your password').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const text = mails.at(-1)?.text ?? '';
  const token = /\/set-password#([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`No set-password link mailed to ${userId}`);
  return token;
}

async function sessionUser(client: Client): Promise<unknown> {
  return ((await client.get('/api/session')).body as { user: unknown }).user;
}

async function auditText(target: Target): Promise<string> {
  const admin = await signedIn(target, 'admin@example.com');
  return JSON.stringify(auditPageSchema.parse((await admin.get('/api/audit?limit=200')).body).items);
}

export const passwordLinkScenarios: Scenario[] = [
  {
    name: 'credential provenance (0181): remove the role, reset the password, have a colleague approve giving it back: the regrant is refused (409) until the holder sets their own password through the mailed link',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      // Off-boarding is immediate; the request to give the role back is filed before the reset, so that it looks like an undo.
      expectStatus(await admin.send('PUT', '/api/admin/users/usr_model_risk/roles', { json: { roles: [] } }), 200);
      const regrant = await fileRequest(admin, { kind: 'set_roles', userId: 'usr_model_risk', roles: ['model_risk'] });
      // Now nothing about the account is privileged: the reset is immediate, by design.
      expectStatus(await admin.post('/api/admin/users/usr_model_risk/password-reset', { temporaryPassword }), 200);

      // The approval that looks like an undo is refused, and nothing changes.
      const approval = await deputy.post(`/api/admin/account-requests/${regrant.id}/approval`, null);
      expectStatus(approval, 409);
      expect(problemType(approval)).toBe(problemTypes.credentialSetByAdministrator);
      expect((await target.store.findUserById('usr_model_risk'))?.roles).toEqual([]);
      expect((await target.store.findAccountRequest(regrant.id))?.decision).toBeNull();
      // Filing it again after the reset is refused at once.
      const refiled = await admin.post('/api/admin/account-requests', { kind: 'set_roles', userId: 'usr_model_risk', roles: ['model_risk'] });
      expectStatus(refiled, 409);
      expect(problemType(refiled)).toBe(problemTypes.credentialSetByAdministrator);

      // Signing in with the temporary password and changing it "as the holder" does not clear the mark.
      const puppet = new Client(target);
      expectStatus(await puppet.login('model-risk@example.com', temporaryPassword), 200);
      expectStatus(await puppet.post('/api/account/password', { currentPassword: temporaryPassword, newPassword: 'quartz lantern orchid pebble' }), 200);
      expectStatus(await deputy.post(`/api/admin/account-requests/${regrant.id}/approval`, null), 409);

      // The holder's channel: a link to their own address. The administrator's answer carries no token.
      const sent = await admin.post('/api/admin/users/usr_model_risk/password-link', null);
      expectStatus(sent, 200);
      const token = await mailedToken(target, 'usr_model_risk');
      expect(JSON.stringify(sent.body)).not.toContain(token);
      expect(Date.parse((sent.body as { expiresAt: string }).expiresAt) - Date.now()).toBeGreaterThan(23 * hour);
      expectStatus(await new Client(target).post('/api/set-password', { token, password: holderPassword }), 204);
      expect(await auditText(target)).not.toContain(token);
      // The puppet's session ended, and its password is gone.
      expect(await sessionUser(puppet)).toBeNull();
      expectStatus(await new Client(target).login('model-risk@example.com', 'quartz lantern orchid pebble'), 401);

      const approved = await approveAs(deputy, regrant.id);
      expect(approved.status).toBe('approved');
      const holder = new Client(target);
      expectStatus(await holder.login('model-risk@example.com', holderPassword), 200);
      expect((await target.store.findUserById('usr_model_risk'))?.roles).toEqual(['model_risk']);
    },
  },
  {
    name: 'credential provenance (0181): with mail on, a privileged reset is refused (409), nothing stored; an owner account whose password an administrator reset gets a deciding role only after the holder\'s link',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const reset = await admin.post('/api/admin/account-requests', { kind: 'reset_password', userId: 'usr_model_risk' });
      expectStatus(reset, 409);
      expect(problemType(reset)).toBe(problemTypes.credentialSetByAdministrator);
      expect((await target.store.listPendingAccountRequests(new Date().toISOString())).length).toBe(0);
      // (A new account takes no temporary password with mail on at all: new-account-scenarios.ts, 0186.)

      expectStatus(await admin.post('/api/admin/users/usr_owner/password-reset', { temporaryPassword }), 200);
      const grant = await admin.post('/api/admin/account-requests', { kind: 'set_roles', userId: 'usr_owner', roles: ['model_owner', 'privacy'] });
      expectStatus(grant, 409);
      expectStatus(await admin.post('/api/admin/users/usr_owner/password-link', null), 200);
      expectStatus(await new Client(target).post('/api/set-password', { token: await mailedToken(target, 'usr_owner'), password: holderPassword }), 204);
      const filed = await fileRequest(admin, { kind: 'set_roles', userId: 'usr_owner', roles: ['model_owner', 'privacy'] });
      expect((await approveAs(deputy, filed.id)).status).toBe('approved');
    },
  },
  {
    name: 'credential provenance (0181, amended): a privileged reset filed before mail was on (or before 0181) is refused at approval (409): the requester\'s password is never set',
    async run(target) {
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const now = new Date();
      // Filed while mail was off, so no route refused it: still pending when mail came on.
      const pending = { id: 'acr_filed_before_mail', kind: 'reset_password' as const, userId: 'usr_model_risk', email: 'model-risk@example.com', displayName: 'Elena', title: '', rolesBefore: null, rolesAfter: null, passwordHash: await cheapPasswords.hash(temporaryPassword), requestedBy: 'usr_admin', requestedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 24 * hour).toISOString() };
      // Filed as the API filed it (its hash in the row and the chained entry, 0198): refused for the password, not as altered.
      await fileAccountRequest(target.store, pending);
      const approval = await deputy.post(`/api/admin/account-requests/${pending.id}/approval`, null);
      expectStatus(approval, 409);
      expect(problemType(approval)).toBe(problemTypes.credentialSetByAdministrator);
      expect((await target.store.findAccountRequest(pending.id))?.decision).toBeNull();
      expectStatus(await new Client(target).login('model-risk@example.com', temporaryPassword), 401);
    },
  },
  {
    name: 'set-password links (0181): single use, 24 hours, a newer link ends the older, a refused password keeps the link, using it ends sessions and removes passkeys added under an administrator\'s password',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const anyone = new Client(target);
      expectStatus(await admin.post('/api/admin/users/usr_owner/password-reset', { temporaryPassword }), 200);
      const owner = new Client(target);
      expectStatus(await owner.login('owner@example.com', temporaryPassword), 200);
      await target.store.insertPasskey({ credentialId: 'cred-puppet', userId: 'usr_owner', name: 'added under the temporary password', publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, createdAt: new Date().toISOString() });

      expectStatus(await admin.post('/api/admin/users/usr_owner/password-link', null), 200);
      const first = await mailedToken(target, 'usr_owner');
      target.advanceClock(1000);
      expectStatus(await admin.post('/api/admin/users/usr_owner/password-link', null), 200);
      const second = await mailedToken(target, 'usr_owner');
      expect(second).not.toBe(first);
      const stale = await anyone.post('/api/set-password', { token: first, password: holderPassword });
      expectStatus(stale, 422);
      expect(pointers(stale)).toEqual(['/token']);

      const weak = await anyone.post('/api/set-password', { token: second, password: 'owner' });
      expectStatus(weak, 422);
      expect(pointers(weak)).toEqual(['/password']);
      expect(await sessionUser(owner)).not.toBeNull();

      // Two uses racing: exactly one sets the password.
      const raced = await Promise.all([anyone.post('/api/set-password', { token: second, password: holderPassword }), new Client(target).post('/api/set-password', { token: second, password: 'another long passphrase here' })]);
      expect(raced.map((r) => r.status).sort()).toEqual([204, 422]);
      const winner = raced[0].status === 204 ? holderPassword : 'another long passphrase here';
      expect(await sessionUser(owner)).toBeNull();
      expect(await target.store.listPasskeys('usr_owner')).toEqual([]);
      expectStatus(await new Client(target).login('owner@example.com', winner), 200);
      const again = await anyone.post('/api/set-password', { token: second, password: 'another long passphrase here' });
      expectStatus(again, 422);
      expect(pointers(again)).toEqual(['/token']);

      expectStatus(await admin.post('/api/admin/users/usr_owner/password-link', null), 200);
      const late = await mailedToken(target, 'usr_owner');
      target.advanceClock(24 * hour + 1000);
      expectStatus(await anyone.post('/api/set-password', { token: late, password: 'another long passphrase here' }), 422);
      expect(await auditText(target)).not.toMatch(new RegExp(`${first}|${second}|${late}`));
    },
  },
];

/** Without mail there is no link to send (409): the temporary-password path stays. */
export const passwordLinkMailOffScenarios: Scenario[] = [
  {
    name: 'set-password links (0181): with mail off, no link is sent (409) and no mail is queued',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const sent = await admin.post('/api/admin/users/usr_owner/password-link', null);
      expectStatus(sent, 409);
      expect(await target.store.listMailFor('usr_owner')).toEqual([]);
    },
  },
];
