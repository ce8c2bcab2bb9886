import { describe, expect, it } from 'vitest';
import { handleApiRequest } from '#api/index.ts';
import { readCookie, sessionCookieName } from '#api/kernel/cookies.ts';
import { createMockApi, demoPassword } from '#mocks/handlers.ts';

// The set-password link's token is in clear in the queued message only (docs/decisions/0181):
// once the message is sent, or given up, anyone reading the database or a backup finds no
// working link in it.

const origin = 'http://mock.local';
const request = (method: string, path: string, body: unknown, cookie?: string) =>
  new Request(`${origin}${path}`, { method, headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) }, ...(body === null ? {} : { body: JSON.stringify(body) }) });

describe('a set-password link in the mail outbox', () => {
  it('is emptied from the message once it is sent, and the other mail keeps its body', async () => {
    const api = createMockApi({ mail: { enabled: true, digestHourUtc: 7 } });
    await api.ready;
    const login = await handleApiRequest(request('POST', '/api/session', { email: 'admin@example.com', password: demoPassword }), api.deps);
    const cookie = `${sessionCookieName}=${readCookie(login.headers.get('set-cookie'), sessionCookieName) ?? ''}`;
    expect((await handleApiRequest(request('POST', '/api/admin/users/usr_owner/password-link', null, cookie), api.deps)).status).toBe(200);
    const [queued] = await api.deps.store.listMailFor('usr_owner');
    if (!queued) throw new Error('no message queued');
    const token = /\/set-password#([A-Za-z0-9_-]+)/.exec(queued.text)?.[1];
    expect(token).toBeTruthy();
    await api.deps.store.insertMail({ ...queued, id: 'mail_other', dedupeKey: 'notification:other', subject: 'Other', text: 'keep me', html: '<p>keep me</p>' });

    const sent = { attempts: 1, status: 'sent' as const, nextAttemptAt: null, lastError: null, sentAt: new Date().toISOString() };
    await api.deps.store.updateMail(queued.id, sent);
    await api.deps.store.updateMail('mail_other', sent);
    const after = await api.deps.store.listMailFor('usr_owner');
    const link = after.find((m) => m.id === queued.id);
    expect(`${link?.text ?? ''}${link?.html ?? ''}`).not.toContain(token ?? '');
    expect(link?.text).toBe('A set-password link was sent here; it is not kept.');
    expect(after.find((m) => m.id === 'mail_other')?.text).toBe('keep me');
    // The link itself still works: only the stored copy of the message is gone.
    expect((await handleApiRequest(request('POST', '/api/set-password', { token, password: 'copper meadow violet harbour' }), api.deps)).status).toBe(204);
  });
});
