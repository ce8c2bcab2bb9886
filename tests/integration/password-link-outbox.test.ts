import { describe, expect, it } from 'vitest';
import { handleApiRequest } from '#api/index.ts';
import { createMockApi } from '#mocks/handlers.ts';
import { apiRequest, demoSessionCookie } from '../support/mock-api-session.ts';

// The set-password link's token is in clear in the queued message only (docs/decisions/0181):
// once the message is sent, or given up, anyone reading the database or a backup finds no
// working link in it.


describe('a set-password link in the mail outbox', () => {
  it('is emptied from the message once it is sent, and the other mail keeps its body', async () => {
    const api = createMockApi({ mail: { enabled: true, digestHourUtc: 7 } });
    await api.ready;
    const cookie = await demoSessionCookie(api.deps, 'admin@example.com');
    expect((await handleApiRequest(apiRequest('POST', '/api/admin/users/usr_owner/password-link', null, cookie), api.deps)).status).toBe(200);
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
    expect((await handleApiRequest(apiRequest('POST', '/api/set-password', { token, password: 'copper meadow violet harbour' }), api.deps)).status).toBe(204);
  });
});
