import { expect } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { managedUserSchema } from '#api/users/contract.ts';
import { accountRequestListSchema } from '#api/account-requests/contract.ts';
import { Client, type Reply, type Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { approveAs, fileRequest } from './account-requests.ts';
import { mailedToken } from './password-link-scenarios.ts';
import { fileAccountRequest } from '#api/account-requests/integrity.ts';

// New accounts (docs/decisions/0186). With mail on, an account is created without a usable
// password and its holder is mailed a set-password link at the account's own address, so no
// administrator ever knows a new account's password: directly, through a request another
// administrator approves, and for the second administrator the first one adds alone (bootstrap).
// A temporary password sent anyway is 422 at its field and nothing is stored. With mail off,
// creation takes a temporary password as before.

const chosen = 'amber falcon river stone';
const holderPassword = 'copper meadow violet harbour';

const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

function expectRefusedAtPassword(reply: Reply) {
  expectStatus(reply, 422);
  expect(pointers(reply)).toEqual(['/temporaryPassword']);
}

async function auditOf(target: Target, subject: string): Promise<[string, string | null][]> {
  const admin = await signedIn(target, 'admin@example.com');
  const page = auditPageSchema.parse((await admin.get('/api/audit?limit=200')).body);
  return page.items.filter((e) => e.subject === subject).map((e): [string, string | null] => [e.action, e.actorId]);
}

/** Nothing of an account with this address: no account, no pending request, no mail. */
async function expectNothingStored(target: Target, email: string) {
  expect(await target.store.findUserByEmail(email)).toBeNull();
  expect((await target.store.listPendingAccountRequests(new Date().toISOString())).filter((r) => r.email === email)).toEqual([]);
}

/** The holder uses the mailed link, then signs in with their own password; every password an administrator could have chosen fails. */
async function holderTakesOver(target: Target, userId: string, email: string) {
  const mail = (await target.store.listMailFor(userId)).filter((m) => m.subject === 'Set your password');
  expect(mail.map((m) => m.to)).toEqual([email]);
  expectStatus(await new Client(target).login(email, chosen), 401);
  expectStatus(await new Client(target).post('/api/set-password', { token: await mailedToken(target, userId), password: holderPassword }), 204);
  const holder = new Client(target);
  expectStatus(await holder.login(email, holderPassword), 200);
  expect((await target.store.findUserById(userId))?.passwordSetByAdmin).toBeNull();
  return holder;
}

export const newAccountMailScenarios: Scenario[] = [
  {
    name: 'new accounts, mail on (0186): created without a password, the holder is mailed a set-password link at the account\'s own address; a temporary password sent is 422 at the field and nothing is stored',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const person = { email: 'newcomer@example.com', displayName: 'Noor Haddad', title: '', roles: ['model_owner'] };
      expectRefusedAtPassword(await admin.post('/api/admin/users', { ...person, temporaryPassword: chosen }));
      expectRefusedAtPassword(await admin.post('/api/admin/users', { ...person, temporaryPassword: '' }));
      await expectNothingStored(target, person.email);

      const created = await admin.post('/api/admin/users', person);
      expectStatus(created, 201);
      const { id } = managedUserSchema.parse(created.body);
      expect(JSON.stringify(created.body)).not.toMatch(/token|set-password/);
      // Nobody's password is on it: the creator is recorded as having chosen the address, not a password.
      expect(await target.store.findUserById(id)).toMatchObject({ passwordSetByAdmin: null, createdBy: 'usr_admin', passwordSetAt: null });
      expect(await auditOf(target, id)).toEqual([
        ['user.created', 'usr_admin'],
        ['user.password_link_sent', 'usr_admin'],
      ]);
      const holder = await holderTakesOver(target, id, person.email);
      expect(((await holder.get('/api/session')).body as { user: { roles: string[] } }).user.roles).toEqual(['model_owner']);
      expect((await target.store.findUserById(id))?.passwordSetAt).not.toBeNull();
    },
  },
  {
    name: 'new accounts, mail on (0186): a creation filed as a request takes no temporary password (422 at the field, nothing filed); approved, the account gets its link, audited as the approver\'s',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const person = { kind: 'create_account' as const, email: 'officer@example.com', displayName: 'Ines Carvalho', title: 'Model Risk Officer', roles: ['model_risk' as const] };
      expectRefusedAtPassword(await admin.post('/api/admin/account-requests', { ...person, temporaryPassword: chosen }));
      await expectNothingStored(target, person.email);

      const filed = await fileRequest(admin, person);
      expect((await target.store.findAccountRequest(filed.id))?.passwordHash).toBeNull();
      expect((await approveAs(deputy, filed.id)).temporaryPassword).toBeUndefined();
      const id = filed.account.id;
      expect(await target.store.findUserById(id)).toMatchObject({ roles: ['model_risk'], createdBy: 'usr_admin', passwordSetByAdmin: null });
      expect((await auditOf(target, id)).filter(([action]) => action === 'user.created' || action === 'user.password_link_sent')).toEqual([
        ['user.created', 'usr_admin_deputy'],
        ['user.password_link_sent', 'usr_admin_deputy'],
      ]);
      const holder = await holderTakesOver(target, id, person.email);
      expect(((await holder.get('/api/session')).body as { user: { roles: string[] } }).user.roles).toEqual(['model_risk']);
    },
  },
  {
    name: 'new accounts, mail on (0186): a creation filed with a temporary password while mail was off is refused at approval (409), nothing created',
    async run(target) {
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const now = new Date();
      const before = { id: 'acr_filed_mail_off', kind: 'create_account' as const, userId: 'usr_filed_mail_off', email: 'filed-off@example.com', displayName: 'Filed Off', title: '', rolesBefore: null, rolesAfter: ['model_owner' as const], passwordHash: 'x', requestedBy: 'usr_admin', requestedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 3_600_000).toISOString() };
      // Filed as the API filed it then (its hash in the row and the chained entry, 0198): refused for the password, not as altered.
      await fileAccountRequest(target.store, before);
      expectStatus(await deputy.post(`/api/admin/account-requests/${before.id}/approval`, null), 409);
      expect(await target.store.findUserByEmail(before.email)).toBeNull();
      expect((await target.store.findAccountRequest(before.id))?.decision).toBeNull();
    },
  },
  {
    name: 'bootstrap, mail on (0186): the second administrator, added by the only one, gets a set-password link, never a password the first administrator chose',
    async run(target) {
      await target.store.setUserRoles('usr_admin_deputy', []);
      const admin = await signedIn(target, 'admin@example.com');
      const second = { email: 'second-admin@example.com', displayName: 'Second Admin', title: '', roles: ['admin'] };
      expectRefusedAtPassword(await admin.post('/api/admin/users', { ...second, temporaryPassword: chosen }));
      await expectNothingStored(target, second.email);
      const created = await admin.post('/api/admin/users', second);
      expectStatus(created, 201);
      const { id } = managedUserSchema.parse(created.body);
      const holder = await holderTakesOver(target, id, second.email);
      // The second administrator, on their own password, approves what the first files.
      const filed = await fileRequest(admin, { kind: 'set_roles', userId: 'usr_admin_deputy', roles: ['admin'] });
      expect((await approveAs(holder, filed.id)).status).toBe('approved');
    },
  },
];

export const newAccountMailOffScenarios: Scenario[] = [
  {
    name: 'new accounts, mail off (0186): creation still takes a temporary password; without one it is 422 at the field, directly or as a request, and nothing is stored',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const person = { email: 'newcomer@example.com', displayName: 'Noor Haddad', title: '' };
      expectRefusedAtPassword(await admin.post('/api/admin/users', { ...person, roles: ['model_owner'] }));
      expectRefusedAtPassword(await admin.post('/api/admin/account-requests', { kind: 'create_account', ...person, roles: ['privacy'] }));
      await expectNothingStored(target, person.email);
      expectStatus(await admin.post('/api/admin/users', { ...person, roles: ['model_owner'], temporaryPassword: chosen }), 201);
      expectStatus(await new Client(target).login(person.email, chosen), 200);
      expect(await target.store.listMailFor((await target.store.findUserByEmail(person.email))?.id ?? '')).toEqual([]);
    },
  },
  {
    name: 'account request cards (0186): who created the account and when, when its current password was set, and the passkeys added since, for every card of the list',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const created = await admin.post('/api/admin/users', { email: 'ghost@example.com', displayName: 'Gus Host', title: '', roles: ['model_owner'], temporaryPassword: chosen });
      expectStatus(created, 201);
      const { id } = managedUserSchema.parse(created.body);
      const createdAt = (await target.store.findUserById(id))?.createdAt ?? '';
      const passkey = (n: number, at: string) => target.store.insertPasskey({ credentialId: `cred-ghost-${n}`, userId: id, name: `key ${n}`, publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, createdAt: at });
      target.advanceClock(60_000);
      const firstKey = new Date(Date.parse(createdAt) + 60_000).toISOString();
      await passkey(1, firstKey);

      const grant = await fileRequest(admin, { kind: 'set_roles', userId: id, roles: ['model_owner', 'privacy'] });
      const reset = await fileRequest(admin, { kind: 'reset_password', userId: 'usr_model_risk' });
      const cards = async () => new Map(accountRequestListSchema.parse((await deputy.get('/api/admin/account-requests')).body).items.map((r) => [r.id, r]));
      expect((await cards()).get(grant.id)).toMatchObject({
        passwordSetBy: { id: 'usr_admin' },
        accountHistory: { createdBy: { id: 'usr_admin', displayName: 'Alex Morgan' }, createdAt, passwordSetAt: createdAt, passkeysAddedSince: [firstKey] },
      });
      // A seeded account: its creator is not recorded, and no administrator set its password.
      expect((await cards()).get(reset.id)).toMatchObject({ passwordSetBy: null, accountHistory: { createdBy: null, passkeysAddedSince: [] } });

      // The holder's change, made by signing in with the administrator's password, keeps the date (as it keeps the mark).
      const holder = new Client(target);
      expectStatus(await holder.login('ghost@example.com', chosen), 200);
      target.advanceClock(60_000);
      expectStatus(await holder.post('/api/account/password', { currentPassword: chosen, newPassword: holderPassword }), 200);
      expect((await cards()).get(grant.id)?.accountHistory).toMatchObject({ passwordSetAt: createdAt, passkeysAddedSince: [firstKey] });

      // A reset sets a new credential: the earlier passkey is no longer "since"; a later one is.
      target.advanceClock(60_000);
      expectStatus(await admin.post(`/api/admin/users/${id}/password-reset`, { temporaryPassword: 'quartz lantern orchid pebble' }), 200);
      const resetAt = (await target.store.findUserById(id))?.passwordSetAt ?? '';
      expect(resetAt > createdAt).toBe(true);
      target.advanceClock(60_000);
      const secondKey = new Date(Date.parse(resetAt) + 60_000).toISOString();
      await passkey(2, secondKey);
      expect((await cards()).get(grant.id)?.accountHistory).toEqual({ createdBy: { id: 'usr_admin', displayName: 'Alex Morgan' }, createdAt, passwordSetAt: resetAt, passkeysAddedSince: [secondKey] });
    },
  },
];
