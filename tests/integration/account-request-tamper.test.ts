import { describe, expect, it } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { accountRequestSha256 } from '#api/account-requests/integrity.ts';
import { accountRequestListSchema } from '#api/account-requests/contract.ts';
import { Client } from '../contract/support/client.ts';
import { fileRequest } from '../contract/support/account-requests.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';

// `account_requests` is an ordinary table, outside the audit log's chain (docs/decisions/0198).
// Someone with the database edits a pending request between filing and approval — the roles it
// grants, or who filed it — and before, the approval applied the edited row. Now its content is
// hashed at filing into the row and the chained entry, and hashed again at approval: refused
// 409, nothing applied, the refusal audited as a tamper signal; rejection stays open.

const defer = cleanUpAfterEach();

async function setUp() {
  const { store, target, openFile } = await seededSqliteApp(defer);
  const admin = new Client(target);
  expect((await admin.login('admin@example.com')).status).toBe(200);
  const deputy = new Client(target);
  expect((await deputy.login('admin-deputy@example.com')).status).toBe(200);
  const filed = await fileRequest(admin, { kind: 'set_roles', userId: 'usr_privacy', roles: ['privacy', 'security'] });
  const db = openFile();
  const set = (column: string, value: string | null) => db.prepare(`UPDATE account_requests SET ${column} = ? WHERE id = ?`).run(value, filed.id);
  const entries = async () => auditPageSchema.parse((await deputy.get('/api/audit?limit=200')).body).items.filter((e) => e.subject === 'usr_privacy');
  const roles = async () => (await store.findUserById('usr_privacy'))?.roles;
  const approve = (by: Client) => by.post(`/api/admin/account-requests/${filed.id}/approval`, null);
  return { store, admin, deputy, filed, set, entries, roles, approve };
}

describe('an account request edited in the database (0198)', () => {
  it('is refused at approval when what it grants was changed, audited as a tamper signal, nothing applied; rejection stays open', async () => {
    const { store, deputy, filed, set, entries, roles, approve } = await setUp();
    const stored = await store.findAccountRequest(filed.id);
    if (!stored?.contentSha256) throw new Error('filed without a hash');
    expect(stored.contentSha256).toBe(await accountRequestSha256(stored));
    expect((await entries()).find((e) => e.action === 'user.change_requested')?.after).toMatchObject({ request: filed.id, contentSha256: stored.contentSha256 });

    const listed = async () => accountRequestListSchema.parse((await deputy.get('/api/admin/account-requests')).body).items.find((r) => r.id === filed.id)?.tampered;
    expect(await listed()).toBe(false);
    set('roles_after', JSON.stringify(['privacy', 'admin']));
    // The list marks it as approval will refuse it.
    expect(await listed()).toBe(true);
    const reply = await approve(deputy);
    expect(reply.status).toBe(409);
    expect(reply.contentType).toMatch(/application\/problem\+json/);
    expect(reply.body).toMatchObject({ type: problemTypes.accountRequestTampered, status: 409 });
    expect(await roles()).toEqual(['privacy']);
    expect((await store.findAccountRequest(filed.id))?.decision).toBeNull();
    const tampered = (await entries()).filter((e) => e.action === 'user.change_tampered');
    expect(tampered).toHaveLength(1);
    const edited = await store.findAccountRequest(filed.id);
    if (!edited) throw new Error('gone');
    expect(tampered[0]).toMatchObject({ actorId: 'usr_admin_deputy', after: { request: filed.id, kind: 'set_roles', storedSha256: stored.contentSha256, contentSha256: await accountRequestSha256(edited), filedSha256: stored.contentSha256 } });
    expect((await entries()).map((e) => e.action)).not.toContain('user.change_approved');

    expect((await deputy.post(`/api/admin/account-requests/${filed.id}/rejection`, null)).status).toBe(200);
    expect(await roles()).toEqual(['privacy']);
  });

  it('is refused when the row and its hash were both replaced: the hash the chained entry recorded at filing decides; put back, it is approved', async () => {
    const { store, deputy, filed, set, roles, approve } = await setUp();
    const stored = await store.findAccountRequest(filed.id);
    if (!stored?.contentSha256) throw new Error('filed without a hash');
    set('roles_after', JSON.stringify(['privacy', 'admin']));
    set('content_sha256', await accountRequestSha256({ ...stored, rolesAfter: ['privacy', 'admin'] }));
    expect((await approve(deputy)).body).toMatchObject({ status: 409, type: problemTypes.accountRequestTampered });
    expect(await roles()).toEqual(['privacy']);

    set('roles_after', JSON.stringify(['privacy', 'security']));
    set('content_sha256', stored.contentSha256);
    expect((await approve(deputy)).status).toBe(200);
    expect(await roles()).toEqual(['privacy', 'security']);
  });

  it('is refused when its filer was changed so that the administrator who filed it could approve it alone', async () => {
    const { store, admin, filed, set, roles, approve } = await setUp();
    // Filed by admin; the row now names the deputy, so admin is no longer "the one who filed it".
    set('requested_by', 'usr_admin_deputy');
    const reply = await approve(admin);
    expect(reply.body).toMatchObject({ status: 409, type: problemTypes.accountRequestTampered });
    expect(await roles()).toEqual(['privacy']);
    expect((await store.findAccountRequest(filed.id))?.decision).toBeNull();
  });

  it('a request with no hash (inserted behind the API, or filed before hashes were kept) is refused', async () => {
    const { deputy, set, roles, approve } = await setUp();
    set('content_sha256', null);
    expect((await approve(deputy)).body).toMatchObject({ status: 409, type: problemTypes.accountRequestTampered });
    expect(await roles()).toEqual(['privacy']);
  });
});

// An adversary's MEDIUM finding (M-2, 0198 amended 2026-12-06): the row was matched to the first
// `user.change_requested` entry naming it by the row's own filer, so a second entry appended for
// edited content, by the filer the row was edited to name, bound it. A request is now bound to
// exactly one filing entry, as proposals are (0192), its decision checked against decision entries.
describe('an account request whose filing was forged alongside the row (0198, amended 2026-12-06)', () => {
  it('refuses the filer approving their own request re-filed in a colleague\'s name: edited roles, filer and hash, plus a second filing entry by that colleague', async () => {
    const { store, admin, filed, set, entries, roles, approve } = await setUp();
    // C: a third administrator, whose name the attacker puts on the request (the database itself, no audit entry).
    await store.setUserRoles('usr_security', ['security', 'admin']);
    const stored = await store.findAccountRequest(filed.id);
    if (!stored?.contentSha256) throw new Error('filed without a hash');
    const forged = { ...stored, rolesAfter: ['admin' as const], requestedBy: 'usr_security' };
    const forgedSha256 = await accountRequestSha256(forged);
    set('roles_after', JSON.stringify(['admin']));
    set('requested_by', 'usr_security');
    set('content_sha256', forgedSha256);
    // Chained as a real filing would be: C "filed" the edited request at the same time, about the same account.
    await store.appendAudit({ event: { action: 'user.change_requested', subject: 'usr_privacy', before: null, after: { request: filed.id, kind: 'set_roles', email: stored.email, roles: ['admin'], expiresAt: stored.expiresAt, contentSha256: forgedSha256 } }, actorId: 'usr_security', at: stored.requestedAt });

    const reply = await approve(admin);
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ type: problemTypes.accountRequestTampered, status: 409 });
    expect((reply.body as { detail: string }).detail).toContain('filing');
    expect(await roles()).toEqual(['privacy']);
    expect(await store.findAccountRequest(filed.id)).toMatchObject({ decision: null, decidedBy: null });
    const actions = (await entries()).map((e) => e.action);
    expect(actions).toEqual(['user.change_requested', 'user.change_requested', 'user.change_tampered']);
    const tampered = (await entries()).find((e) => e.action === 'user.change_tampered');
    expect(tampered).toMatchObject({ actorId: 'usr_admin', after: { request: filed.id, storedSha256: forgedSha256, contentSha256: forgedSha256, filedSha256: null, mismatched: ['filing'] } });
  });

  it('refuses the same forgery moved later in time: the row\'s requested_at is not where the search for its filing starts', async () => {
    const { store, admin, filed, set, entries, roles, approve } = await setUp();
    await store.setUserRoles('usr_security', ['security', 'admin']);
    const stored = await store.findAccountRequest(filed.id);
    if (!stored?.contentSha256) throw new Error('filed without a hash');
    // Later than the real filing entry, so a search from the row's own time would never see that entry.
    const later = new Date(Date.parse(stored.requestedAt) + 60_000).toISOString();
    const forged = { ...stored, rolesAfter: ['admin' as const], requestedBy: 'usr_security', requestedAt: later };
    const forgedSha256 = await accountRequestSha256(forged);
    set('roles_after', JSON.stringify(['admin']));
    set('requested_by', 'usr_security');
    set('requested_at', later);
    set('content_sha256', forgedSha256);
    await store.appendAudit({ event: { action: 'user.change_requested', subject: 'usr_privacy', before: null, after: { request: filed.id, kind: 'set_roles', email: stored.email, roles: ['admin'], expiresAt: stored.expiresAt, contentSha256: forgedSha256 } }, actorId: 'usr_security', at: later });

    const reply = await approve(admin);
    expect(reply.body).toMatchObject({ type: problemTypes.accountRequestTampered, status: 409 });
    expect(await roles()).toEqual(['privacy']);
    expect(await store.findAccountRequest(filed.id)).toMatchObject({ decision: null, decidedBy: null });
    expect((await entries()).filter((e) => e.action === 'user.change_tampered').map((e) => e.after)).toEqual([expect.objectContaining({ mismatched: ['filing'] })]);
  });

  it('refuses, as tampered and audited, an approval by the administrator the row was edited to name as its filer (not a quiet 403)', async () => {
    const { store, admin, deputy, filed, set, entries, roles, approve } = await setUp();
    set('requested_by', 'usr_admin_deputy');
    const reply = await approve(deputy);
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ type: problemTypes.accountRequestTampered });
    expect(await roles()).toEqual(['privacy']);
    expect((await store.findAccountRequest(filed.id))?.decision).toBeNull();
    const tampered = (await entries()).filter((e) => e.action === 'user.change_tampered');
    expect(tampered).toHaveLength(1);
    expect(tampered[0]).toMatchObject({ actorId: 'usr_admin_deputy', after: { request: filed.id, mismatched: ['content', 'requested_by'] } });
    // Put back as filed, its filer still may not approve it: 403, no further tamper signal.
    set('requested_by', 'usr_admin');
    expect((await approve(admin)).status).toBe(403);
    expect((await entries()).filter((e) => e.action === 'user.change_tampered')).toHaveLength(1);
  });

  it('refuses a decided request put back to undecided (a replay): the decision entry names it', async () => {
    const { store, deputy, filed, set, entries, roles, approve } = await setUp();
    expect((await deputy.post(`/api/admin/account-requests/${filed.id}/rejection`, null)).status).toBe(200);
    for (const column of ['decision', 'decided_by', 'decided_at']) set(column, null);
    const reply = await approve(deputy);
    expect(reply.body).toMatchObject({ status: 409, type: problemTypes.accountRequestTampered });
    expect(await roles()).toEqual(['privacy']);
    expect((await store.findAccountRequest(filed.id))?.decision).toBeNull();
    const after = (await entries()).filter((e) => e.action === 'user.change_tampered').map((e) => e.after);
    expect(after).toEqual([expect.objectContaining({ mismatched: ['decision'] })]);
  });
});
