import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '#scripts/lib/server-process.ts';
import { demoAccounts, seedDemo } from '#demo/seed-demo.ts';
import { problemTypes } from '#domain/contracts/problem.ts';
import { openStore } from '#server/db/open-store.ts';
import { serverDeps } from '#server/deps.ts';
import { createApp } from '#server/app.ts';
import { cheapPasswords } from '#mocks/cheap-passwords.ts';
import { Client, type Target } from '../contract/support/client.ts';
import { postgresTarget, sqliteTarget } from '../contract/support/targets.ts';
import { createTestDatabase } from '../support/postgres-cluster.ts';
import { httpTarget } from '../contract/support/http-target.ts';
import { clinicalRelease } from '../support/fresh-content.ts';

// Issue 16, finding 1: every fresh deployment had eight demo accounts with a published
// password (admin@ and committee@ among them), and nothing to disable an account or change
// a password. A production start now has no account but the first administrator, created
// with a one-time setup secret; administrators disable accounts (their sessions end at once)
// and reset passwords; people change their own and end their own sessions.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const strongPassword = 'quiet harbour lantern 2026';

function setupSecretOf(server: ServerProcess): string {
  const found = /setup secret to create the first administrator:\s+(\S+)/.exec(server.output());
  if (!found?.[1]) throw new Error(`No setup secret printed:\n${server.output()}`);
  return found[1];
}

async function productionServer(databaseUrl?: string): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'production-start-'));
  // No DEMO setting on PostgreSQL: production is the default there; on SQLite it is asked for.
  const server = await startServerProcess(databaseUrl ? { dataDir, databaseUrl, demo: false } : { dataDir, demo: false });
  cleanups.push(async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return server;
}

describe.each([
  ['SQLite', () => productionServer()],
  ['PostgreSQL', async () => {
    const database = await createTestDatabase(inject('databaseUrl'));
    cleanups.push(() => database.drop());
    return productionServer(database.url);
  }],
])('a production start on an empty %s database', (_engine, start) => {
  it('has no demo account; the setup secret creates the first administrator once', async () => {
    const server = await start();
    const target = httpTarget(server.origin);
    for (const account of demoAccounts) expect((await new Client(target).login(account.email)).status).toBe(401);
    expect((await new Client(target).get('/api/setup')).body).toEqual({ required: true });

    const setup = { email: 'first.admin@bank.example', displayName: 'Jordan Reyes', title: 'Platform Administrator', password: strongPassword };
    const wrong = await new Client(target).post('/api/setup', { ...setup, secret: 'guessed-secret' });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ errors: [{ pointer: '/secret' }] });
    const weak = await new Client(target).post('/api/setup', { ...setup, secret: setupSecretOf(server), password: 'demo-password' });
    expect(weak.body).toMatchObject({ errors: [{ pointer: '/password' }] });

    // Two holders of the secret at once: exactly one account is created.
    const racing = await Promise.all([0, 1, 2].map((i) => new Client(target).post('/api/setup', { ...setup, email: `admin${i}@bank.example`, secret: setupSecretOf(server) })));
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect((await new Client(target).get('/api/setup')).body).toEqual({ required: false });

    const winner = racing.find((r) => r.status === 201)?.body as { user: { email: string; roles: string[] } };
    expect(winner.user.roles).toEqual(['admin']);
    const admin = new Client(target);
    expect((await admin.login(winner.user.email, strongPassword)).status).toBe(200);
    const users = (await admin.get('/api/admin/users')).body as { items: { email: string }[] };
    expect(users.items.map((u) => u.email)).toEqual([winner.user.email]);
  });
});

const targets: [string, () => Promise<Target>][] = [
  ['SQLite', sqliteTarget],
  ['PostgreSQL', () => postgresTarget(inject('databaseUrl'))],
];

describe.each(targets)('the account lifecycle (%s)', (_engine, makeTarget) => {
  const start = async () => {
    const target = await makeTarget();
    cleanups.push(() => target.close());
    return target;
  };

  it('disabling a signed-in reviewer ends their session at once and refuses their sign-in; every change is audited', async () => {
    const target = await start();
    const admin = new Client(target);
    await admin.login('admin@example.com');
    const reviewer = new Client(target);
    await reviewer.login('fair-lending@example.com');
    expect((await reviewer.get('/api/packages')).status).toBe(200);

    const id = 'usr_fair_lending';
    const disabled = await admin.post(`/api/admin/users/${id}/disable`, {});
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ disabledAt: expect.any(String) as string, sessions: 0 });
    expect((await reviewer.get('/api/packages')).status).toBe(401);
    expect((await new Client(target).login('fair-lending@example.com')).status).toBe(401);

    expect((await admin.post(`/api/admin/users/${id}/enable`, {})).status).toBe(200);
    expect((await new Client(target).login('fair-lending@example.com')).status).toBe(200);
    const audit = await target.store.listAuditEntries({ subject: id }, 0, 100);
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
    const disabledEntry = audit.find((e) => e.action === 'user.disabled');
    expect(JSON.parse(disabledEntry?.beforeJson ?? '')).toEqual({ disabledAt: null });
    // An administrator cannot lock themselves out.
    expect((await admin.post('/api/admin/users/usr_admin/disable', {})).status).toBe(409);
  });

  it('a disabled account’s API token submits no more: the token acts as its creator, and the creator is disabled', async () => {
    const target = await start();
    const owner = new Client(target);
    await owner.login('owner@example.com');
    const created = await owner.post('/api/tokens', { modelKey: 'clinical-deterioration-risk', name: 'Nightly retraining' });
    expect(created.status).toBe(201);
    const { secret } = created.body as { secret: string };
    const submit = (label: string) => new Client(target).post('/api/packages', { modelKey: 'clinical-deterioration-risk', versionLabel: label, content: clinicalRelease(label) }, { authorization: `Bearer ${secret}` });
    expect((await submit('2.1.0')).status).toBe(201);

    const admin = new Client(target);
    await admin.login('admin@example.com');
    expect((await admin.post('/api/admin/users/usr_owner/disable', {})).status).toBe(200);
    const refused = await submit('2.2.0');
    expect(refused.status).toBe(401);
    expect((refused.body as { detail: string }).detail).toBe('This API token belongs to a disabled account.');
    expect((await target.store.listPackages()).filter((p) => p.versionLabel === '2.2.0')).toHaveLength(0);
  });

  it('a reset password ends the holder’s sessions and allows nothing but choosing a new one', async () => {
    const target = await start();
    const admin = new Client(target);
    await admin.login('admin@example.com');
    const owner = new Client(target);
    await owner.login('owner@example.com');

    const temporary = 'temporary granite orchard 81';
    const tooShort = await admin.post('/api/admin/users/usr_owner/password-reset', { temporaryPassword: 'short' });
    expect(tooShort.status).toBe(422);
    expect(tooShort.body).toMatchObject({ errors: [{ pointer: '/temporaryPassword' }] });
    expect((await admin.post('/api/admin/users/usr_owner/password-reset', { temporaryPassword: temporary })).status).toBe(200);
    expect((await owner.get('/api/packages')).status).toBe(401);
    expect((await new Client(target).login('owner@example.com')).status).toBe(401);

    const again = new Client(target);
    expect((await again.login('owner@example.com', temporary)).status).toBe(200);
    const blocked = await again.get('/api/packages');
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ type: problemTypes.passwordChangeRequired });
    const wrongCurrent = await again.post('/api/account/password', { currentPassword: 'not it', newPassword: strongPassword });
    expect(wrongCurrent.body).toMatchObject({ errors: [{ pointer: '/currentPassword' }] });
    expect((await again.post('/api/account/password', { currentPassword: temporary, newPassword: strongPassword })).status).toBe(200);
    expect((await again.get('/api/packages')).status).toBe(200);
    expect((await new Client(target).login('owner@example.com', strongPassword)).status).toBe(200);
  });

  it('a person sees their sessions and ends another one, whose next request answers 401', async () => {
    const target = await start();
    const laptop = new Client(target);
    await laptop.login('model-risk@example.com');
    const phone = new Client(target);
    await phone.login('model-risk@example.com');
    const listed = (await laptop.get('/api/account/sessions')).body as { items: { id: string; current: boolean }[] };
    expect(listed.items).toHaveLength(2);
    const other = listed.items.find((s) => !s.current);
    expect(other).toBeDefined();
    expect((await laptop.delete(`/api/account/sessions/${other?.id ?? ''}`)).status).toBe(204);
    expect((await phone.get('/api/packages')).status).toBe(401);
    expect((await laptop.get('/api/packages')).status).toBe(200);
    // Someone else's session id is not found, not ended.
    const mine = listed.items.find((s) => s.current)?.id ?? '';
    const stranger = new Client(target);
    await stranger.login('privacy@example.com');
    expect((await stranger.delete(`/api/account/sessions/${mine}`)).status).toBe(404);
    expect((await laptop.get('/api/packages')).status).toBe(200);
  });

  it('an account created by an administrator must replace its temporary password; a non-administrator cannot create one', async () => {
    const target = await start();
    const admin = new Client(target);
    await admin.login('admin@example.com');
    const request = { email: 'new.reviewer@example.com', displayName: 'Ines Laurent', title: 'Model Validator', roles: ['model_owner'], temporaryPassword: 'temporary granite orchard 81' };
    const reviewer = new Client(target);
    await reviewer.login('model-risk@example.com');
    expect((await reviewer.post('/api/admin/users', request)).status).toBe(403);
    const weak = await admin.post('/api/admin/users', { ...request, temporaryPassword: 'password' });
    expect(weak.status).toBe(422);
    expect(await target.store.findUserByEmail(request.email)).toBeNull();
    expect((await admin.post('/api/admin/users', request)).status).toBe(201);
    expect((await admin.post('/api/admin/users', request)).body).toMatchObject({ errors: [{ pointer: '/email' }] });
    const newcomer = new Client(target);
    expect((await newcomer.login(request.email, request.temporaryPassword)).status).toBe(200);
    expect((await newcomer.get('/api/packages')).status).toBe(403);
  });
});

it('a session unused for the idle time ends, however long before its absolute end', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idle-'));
  const store = await openStore({ dataDir });
  cleanups.push(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  let offset = 0;
  const deps = { ...serverDeps(store, { sessionTtlHours: 12, sessionIdleMinutes: 30 }), passwords: cheapPasswords, now: () => new Date(Date.now() + offset) };
  await seedDemo(store, { password: 'demo-password', passwords: cheapPasswords, now: new Date(), randomToken: deps.randomToken });
  const app = createApp(deps);
  const target: Target = { fetch: async (r) => app.fetch(r), close: () => Promise.resolve(), store, advanceClock: (ms) => (offset += ms) };
  const reviewer = new Client(target);
  await reviewer.login('privacy@example.com');
  target.advanceClock(25 * 60_000);
  expect((await reviewer.get('/api/packages')).status).toBe(200);
  target.advanceClock(25 * 60_000);
  // Used 25 minutes ago: still open, 50 minutes after sign-in.
  expect((await reviewer.get('/api/packages')).status).toBe(200);
  target.advanceClock(31 * 60_000);
  expect((await reviewer.get('/api/packages')).status).toBe(401);
});
