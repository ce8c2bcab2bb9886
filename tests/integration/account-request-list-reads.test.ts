import { describe, expect, it } from 'vitest';
import { handleApiRequest } from '#api/index.ts';
import { accountRequestListSchema } from '#api/account-requests/contract.ts';
import { createMockApi } from '#mocks/handlers.ts';
import { apiRequest, demoSessionCookie } from '../support/mock-api-session.ts';

// The request list reads the accounts' history once for the whole list (docs/decisions/0186): the
// accounts in one read, the passkeys of the accounts concerned in one query, never a read per
// card, however many cards there are; the filers' standing too.

const concerned = ['usr_privacy', 'usr_security', 'usr_committee', 'usr_owner'];

describe('the account request list', () => {
  it('reads every card’s history in one read of the accounts and one of the passkeys', async () => {
    const api = createMockApi();
    await api.ready;
    const store = api.deps.store;
    const now = new Date();
    for (const [i, userId] of concerned.entries()) {
      const user = await store.findUserById(userId);
      if (!user) throw new Error(`no demo account ${userId}`);
      await store.insertPasskey({ credentialId: `cred-${i}`, userId, name: 'key', publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, createdAt: new Date(now.getTime() + i).toISOString() });
      await store.insertAccountRequest({ id: `acr_${i}`, kind: 'set_roles', userId, email: user.email, displayName: user.displayName, title: user.title, rolesBefore: user.roles, rolesAfter: [...user.roles, 'data_governance'], passwordHash: null, contentSha256: null, requestedBy: 'usr_admin', requestedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 3_600_000).toISOString(), decision: null, decidedBy: null, decidedAt: null });
    }
    const cookie = await demoSessionCookie(api.deps, 'admin-deputy@example.com');
    const calls: string[] = [];
    const counted = new Proxy(store, {
      get(target, name, receiver) {
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof value !== 'function' || !['listUsers', 'findUserById', 'listPasskeys', 'listPasskeyDates', 'listAuditEntries', 'countAuditEntries'].includes(String(name))) return value;
        return (...args: unknown[]) => {
          // An audit read is named by the action it reads, so one read per kind shows apart from one per card.
          calls.push(name === 'listAuditEntries' ? `listAuditEntries ${String((args[0] as { action?: string }).action)}` : String(name));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const reply = await handleApiRequest(apiRequest('GET', '/api/admin/account-requests', null, cookie), { ...api.deps, store: counted });
    expect(reply.status).toBe(200);
    const { items } = accountRequestListSchema.parse(await reply.json());
    expect(items.map((r) => r.accountHistory?.passkeysAddedSince.length)).toEqual(concerned.map(() => 1));
    // Authentication reads the signed-in administrator; the list, the accounts once, the passkeys
    // once, and the filers' standing and the rows' binding once per kind of entry (0192, 0198): the
    // filing and decision entries, then the disables and role changes after the oldest filing (by
    // seq), not an audit read per card.
    expect(calls.filter((name) => name !== 'findUserById').sort()).toEqual([
      'listAuditEntries user.change_approved',
      'listAuditEntries user.change_rejected',
      'listAuditEntries user.change_requested',
      'listAuditEntries user.disabled',
      'listAuditEntries user.roles_changed',
      'listAuditEntries user.sso_profile_updated',
      'listPasskeyDates',
      'listUsers',
    ]);
    expect(items.map((r) => r.requesterStanding)).toEqual(concerned.map(() => 'administrator'));
    // Inserted behind the API, with no hash and no filing entry: approval would refuse each (0198).
    expect(items.map((r) => r.tampered)).toEqual(concerned.map(() => true));
  });
});
