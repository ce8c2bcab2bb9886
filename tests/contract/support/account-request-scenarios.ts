import { expect } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { accountRequestListSchema } from '#api/account-requests/contract.ts';
import { Client, type Reply, type Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';
import { approveAs, fileRequest } from './account-requests.ts';

// Two administrators for privileged account changes (docs/decisions/0175), replaying an
// adversary's finding: an administrator created an account with model risk (or reset a
// colleague's password) and signed in as it. Now the change is a request another administrator
// decides; on the mocks, SQLite and PostgreSQL.

const temporaryPassword = 'amber falcon river stone';
const hour = 3_600_000;

async function actions(target: Target, subject: string): Promise<[string, string | null][]> {
  const admin = await signedIn(target, 'admin@example.com');
  const page = auditPageSchema.parse((await admin.get('/api/audit?limit=200')).body);
  return page.items.filter((e) => e.subject === subject).map((e): [string, string | null] => [e.action, e.actorId]);
}

async function pending(admin: Client) {
  return accountRequestListSchema.parse((await admin.get('/api/admin/account-requests')).body).items;
}

function expectRefusedAt(reply: Reply, pointer: string) {
  expectStatus(reply, 422);
  expect((reply.body as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual([pointer]);
}

function expectRefused(reply: Reply, status: number, detail: RegExp) {
  expectStatus(reply, status);
  expect((reply.body as { detail: string }).detail).toMatch(detail);
}

export const accountRequestScenarios: Scenario[] = [
  {
    name: 'two administrators (0175): privileged changes are refused at the direct routes and nothing is stored; a model owner account is created at once',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const newcomer = { email: 'newcomer@example.com', displayName: 'Noor Haddad', title: 'Model Validator', temporaryPassword };
      expectRefused(await admin.post('/api/admin/users', { ...newcomer, roles: ['model_risk'] }), 409, /needs a second administrator/);
      expectRefused(await admin.send('PUT', '/api/admin/users/usr_owner/roles', { json: { roles: ['model_owner', 'committee'] } }), 409, /needs a second administrator/);
      expectRefused(await admin.send('PUT', '/api/admin/users/usr_admin_deputy/roles', { json: { roles: [] } }), 409, /administrator role away/);
      expectRefused(await admin.post('/api/admin/users/usr_model_risk/password-reset', { temporaryPassword }), 409, /needs a second administrator/);
      expect(await target.store.findUserByEmail(newcomer.email)).toBeNull();
      expect((await target.store.findUserById('usr_owner'))?.roles).toEqual(['model_owner']);
      expect((await target.store.findUserById('usr_admin_deputy'))?.roles).toEqual(['admin']);
      expect((await target.store.findUserById('usr_model_risk'))?.passwordChangeRequired).toBe(false);
      expect(await actions(target, 'usr_model_risk')).toEqual([]);

      expectStatus(await admin.post('/api/admin/users', { ...newcomer, roles: ['model_owner'] }), 201);
      // Taking a reviewer role away is not privileged either.
      expectStatus(await admin.send('PUT', '/api/admin/users/usr_security/roles', { json: { roles: [] } }), 200);
    },
  },
  {
    name: 'two administrators (0175): a creation with model risk waits; its requester cannot approve it (403, nothing changed); another administrator approves it once, audited',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const filed = await fileRequest(admin, { kind: 'create_account', email: 'newcomer@example.com', displayName: 'Noor Haddad', title: 'Model Validator', roles: ['model_risk'], temporaryPassword });
      expect(filed).toMatchObject({ kind: 'create_account', status: 'pending', roles: { before: null, after: ['model_risk'] }, requestedBy: { id: 'usr_admin' }, decidedBy: null });
      expect(Date.parse(filed.expiresAt) - Date.parse(filed.requestedAt)).toBe(72 * hour);
      expect((await pending(deputy)).map((r) => r.id)).toEqual([filed.id]);
      expect(await target.store.findUserByEmail('newcomer@example.com')).toBeNull();
      expect((await new Client(target).login('newcomer@example.com', temporaryPassword)).status).toBe(401);
      // A second request for the same email is refused at the field.
      const again = await admin.post('/api/admin/account-requests', { kind: 'create_account', email: 'newcomer@example.com', displayName: 'Noor Haddad', title: '', roles: ['privacy'], temporaryPassword });
      expectStatus(again, 422);
      expect((again.body as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual(['/email']);

      for (const verb of ['approval', 'rejection']) expectRefused(await admin.post(`/api/admin/account-requests/${filed.id}/${verb}`, null), 403, /You filed this request/);
      expect(await target.store.findUserByEmail('newcomer@example.com')).toBeNull();
      expect((await target.store.findAccountRequest(filed.id))?.decision).toBeNull();

      const approved = await approveAs(deputy, filed.id);
      expect(approved).toMatchObject({ status: 'approved', decidedBy: { id: 'usr_admin_deputy', displayName: 'Jordan Reyes' } });
      expect((await target.store.findUserById(filed.account.id))?.roles).toEqual(['model_risk']);
      expect((await new Client(target).login('newcomer@example.com', temporaryPassword)).status).toBe(200);
      expectRefused(await deputy.post(`/api/admin/account-requests/${filed.id}/approval`, null), 409, /approved already/);
      expect(await pending(deputy)).toEqual([]);
      expect(await actions(target, filed.account.id)).toEqual([
        ['user.change_requested', 'usr_admin'],
        ['user.change_approved', 'usr_admin_deputy'],
        ['user.created', 'usr_admin_deputy'],
        ['session.login_succeeded', filed.account.id],
      ]);
    },
  },
  {
    name: 'two administrators (0175): a rejected grant changes nothing; a password reset approved ends the holder’s sessions; nobody decides a request about their own account',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const grant = await fileRequest(admin, { kind: 'set_roles', userId: 'usr_owner', roles: ['model_owner', 'model_risk'] });
      expect((await deputy.post(`/api/admin/account-requests/${grant.id}/rejection`, null)).status).toBe(200);
      expect((await target.store.findUserById('usr_owner'))?.roles).toEqual(['model_owner']);
      expectRefused(await deputy.post(`/api/admin/account-requests/${grant.id}/approval`, null), 409, /rejected already/);
      expect(await actions(target, 'usr_owner')).toEqual([['user.change_requested', 'usr_admin'], ['user.change_rejected', 'usr_admin_deputy']]);

      const reviewer = await signedIn(target, 'model-risk@example.com');
      const reset = await fileRequest(admin, { kind: 'reset_password', userId: 'usr_model_risk' });
      expect((await reviewer.get('/api/account/sessions')).status).toBe(200);
      const { temporaryPassword: generated } = await approveAs(deputy, reset.id);
      expect((await reviewer.get('/api/account/sessions')).status).toBe(401);
      expect((await new Client(target).login('model-risk@example.com', generated)).status).toBe(200);

      // The deputy cannot approve a grant to themselves, nor the administrator one to themselves.
      const toDeputy = await fileRequest(admin, { kind: 'set_roles', userId: 'usr_admin_deputy', roles: ['admin', 'committee'] });
      expectRefused(await deputy.post(`/api/admin/account-requests/${toDeputy.id}/approval`, null), 403, /your own account/);
      expect((await target.store.findUserById('usr_admin_deputy'))?.roles).toEqual(['admin']);
      const own = await admin.post('/api/admin/account-requests', { kind: 'set_roles', userId: 'usr_admin', roles: ['admin', 'model_risk'] });
      expectStatus(own, 422);
    },
  },
  {
    name: 'two administrators (0175): a request expires after 72 hours unapproved; one filed against roles that changed since is refused at approval',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      const late = await fileRequest(admin, { kind: 'set_roles', userId: 'usr_owner', roles: ['model_owner', 'fair_lending'] });
      const stale = await fileRequest(admin, { kind: 'set_roles', userId: 'usr_privacy', roles: ['privacy', 'security'] });
      expectStatus(await admin.send('PUT', '/api/admin/users/usr_privacy/roles', { json: { roles: [] } }), 200);
      expectRefused(await deputy.post(`/api/admin/account-requests/${stale.id}/approval`, null), 409, /roles changed since/);
      expect((await target.store.findUserById('usr_privacy'))?.roles).toEqual([]);
      expect((await target.store.findAccountRequest(stale.id))?.decision).toBeNull();

      target.advanceClock(72 * hour);
      // Signed in again: an idle session ends long before a request lapses.
      const later = await signedIn(target, 'admin-deputy@example.com');
      expect(await pending(later)).toEqual([]);
      expectRefused(await later.post(`/api/admin/account-requests/${late.id}/approval`, null), 409, /expired/);
      expect((await target.store.findUserById('usr_owner'))?.roles).toEqual(['model_owner']);
    },
  },
  {
    name: 'two administrators (0175): concurrent approvals (and a rejection) of one request apply it exactly once',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const { passwordHash } = (await target.store.findUserByEmail('admin@example.com')) ?? { passwordHash: '' };
      await target.store.insertUser({ id: 'usr_admin_third', email: 'admin-third@example.com', displayName: 'Kai Sato', title: 'Administrator', roles: ['admin'], passwordHash });
      const deciders = [await signedIn(target, 'admin-deputy@example.com'), await signedIn(target, 'admin-deputy@example.com'), await signedIn(target, 'admin-third@example.com'), await signedIn(target, 'admin-third@example.com')];
      const filed = await fileRequest(admin, { kind: 'reset_password', userId: 'usr_committee' });
      const replies = await Promise.all(deciders.map((client, i) => client.post(`/api/admin/account-requests/${filed.id}/${i === 3 ? 'rejection' : 'approval'}`, null)));
      const statuses = replies.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(3);
      const decided = await target.store.findAccountRequest(filed.id);
      const resets = (await actions(target, 'usr_committee')).filter(([action]) => action === 'user.password_reset');
      expect(resets).toHaveLength(decided?.decision === 'approved' ? 1 : 0);
      expect((await actions(target, 'usr_committee')).filter(([action]) => action === 'user.change_approved' || action === 'user.change_rejected')).toHaveLength(1);
    },
  },
  {
    name: 'two administrators (0175): while one administrator exists, it may add a second administrator at once, and nothing more',
    async run(target) {
      await target.store.setUserRoles('usr_admin_deputy', []);
      const admin = await signedIn(target, 'admin@example.com');
      const person = (n: number) => ({ email: `second-${n}@example.com`, displayName: `Second ${n}`, title: '', temporaryPassword });
      expectRefused(await admin.post('/api/admin/users', { ...person(1), roles: ['admin', 'model_risk'] }), 409, /second administrator/);
      expectStatus(await admin.post('/api/admin/users', { ...person(2), roles: ['admin'] }), 201);
      // Two administrators now: a third waits for the second's approval.
      expectRefused(await admin.post('/api/admin/users', { ...person(3), roles: ['admin'] }), 409, /second administrator/);
      expect(await target.store.findUserByEmail('second-3@example.com')).toBeNull();
    },
  },
  {
    name: 'mail off (0181): a privileged reset\'s temporary password is generated at approval and answered only to the approver; the requester knows no working password; it works once and must be replaced',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const deputy = await signedIn(target, 'admin-deputy@example.com');
      // An old client choosing the password is refused at the field, and nothing is stored.
      expectRefusedAt(await admin.post('/api/admin/account-requests', { kind: 'reset_password', userId: 'usr_model_risk', temporaryPassword }), '/temporaryPassword');
      expect(await pending(deputy)).toEqual([]);

      const filed = await fileRequest(admin, { kind: 'reset_password', userId: 'usr_model_risk' });
      expect(JSON.stringify(filed)).not.toContain('temporaryPassword');
      expect(filed.passwordSetBy).toBeNull();
      const approved = await approveAs(deputy, filed.id);
      const generated = approved.temporaryPassword ?? '';
      expect(generated).toMatch(/^([a-z2-9]{4}-){4}[a-z2-9]{4}$/);
      // Every password the requester could know fails: the one they would have chosen, the old one.
      for (const known of [temporaryPassword, 'demo-password']) expectStatus(await new Client(target).login('model-risk@example.com', known), 401);
      // It is nowhere else: not in the requests, the audit, nor a second approval's answer.
      const audit = await (await signedIn(target, 'admin@example.com')).get('/api/audit?limit=200');
      for (const reply of [await admin.get('/api/admin/account-requests'), audit, await deputy.post(`/api/admin/account-requests/${filed.id}/approval`, null)]) {
        expect(JSON.stringify(reply.body)).not.toContain(generated);
      }
      expect((await target.store.findUserById('usr_model_risk'))?.passwordSetByAdmin).toBe('usr_admin_deputy');

      // The holder signs in with it once, must replace it, and then it no longer works.
      const holder = new Client(target);
      const login = await holder.login('model-risk@example.com', generated);
      expectStatus(login, 200);
      expect((await target.store.findUserById('usr_model_risk'))?.passwordChangeRequired).toBe(true);
      expectStatus(await holder.post('/api/account/password', { currentPassword: generated, newPassword: 'quartz lantern orchid pebble' }), 200);
      expectStatus(await new Client(target).login('model-risk@example.com', generated), 401);
      expectStatus(await new Client(target).login('model-risk@example.com', 'quartz lantern orchid pebble'), 200);

      // A second reset's card says whose password the account is on: the first approver's, kept
      // through the holder's change (whoever knew it could have made that change).
      const second = await fileRequest(admin, { kind: 'reset_password', userId: 'usr_model_risk' });
      expect((await pending(deputy)).find((r) => r.id === second.id)?.passwordSetBy).toEqual({ id: 'usr_admin_deputy', displayName: 'Jordan Reyes' });
      // and generates another password.
      const again = await approveAs(deputy, second.id);
      expect(again.temporaryPassword).toMatch(/^([a-z2-9]{4}-){4}[a-z2-9]{4}$/);
      expect(again.temporaryPassword).not.toBe(generated);
    },
  },
];
