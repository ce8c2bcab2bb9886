import { expect } from 'vitest';
import type { DecisionKind } from '#domain/contracts/decisions.ts';
import { notificationListSchema, type NotificationList } from '#domain/contracts/notifications.ts';
import { notificationPreferencesSchema } from '#domain/contracts/notification-preferences.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { retailCreditPdV1 } from '#demo/index.ts';
import { Client, type Reply } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';

// In-app notifications, derived from the audit log, against the mocks, SQLite and PostgreSQL.
// Each scenario gets fresh demo data.

const clinical = 'pkg_clinical_deterioration_risk';

function listOf(reply: Reply): NotificationList {
  expectStatus(reply, 200);
  const parsed = notificationListSchema.safeParse(reply.body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return reply.body as NotificationList;
}

const notifications = async (client: Client) => listOf(await client.get('/api/notifications'));
const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

/** The demo credit model again, version 1, under a new version label: data governance is its first step. */
async function freshCreditPackage(owner: Client): Promise<string> {
  const versionLabel = '4.3.0-rc.1';
  const content: PackageContent = { ...retailCreditPdV1, sections: retailCreditPdV1.sections.map((s) => (s.kind === 'identification' ? { ...s, versionLabel } : s)) };
  const reply = await owner.post('/api/packages', { modelKey: 'retail-credit-pd', versionLabel, content });
  expectStatus(reply, 201);
  return (reply.body as { package: { id: string } }).package.id;
}

async function signAs(client: Client, packageId: string, stepKey: 'data_governance' | 'model_risk', decision: DecisionKind) {
  const { user } = (await client.get('/api/session')).body as { user: { id: string; displayName: string; title: string } };
  const payload = await payloadFor(client, { packageId, versionNumber: 1, stepKey, role: stepKey, decision, reason: 'Reviewed.', signer: { id: user.id, displayName: user.displayName, title: user.title } });
  expectStatus(await sign(client, payload), 201);
}

export const notificationScenarios: Scenario[] = [
  {
    name: 'notifications: after model risk approves, fair lending is told its step is now active; marking read clears the count',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const id = await freshCreditPackage(owner);
      const dana = await signedIn(target, 'fair-lending@example.com');
      const ofPackage = (list: NotificationList) => list.items.filter((n) => n.packageId === id);

      await signAs(await signedIn(target, 'data-governance@example.com'), id, 'data_governance', 'approve');
      expect(ofPackage(await notifications(dana))).toEqual([]);

      await signAs(await signedIn(target, 'model-risk@example.com'), id, 'model_risk', 'approve');
      const before = await notifications(dana);
      const [first] = before.items;
      expect(first).toMatchObject({ kind: 'step_active', packageId: id, link: `/packages/${id}`, unread: true });
      expect(first?.text).toContain('Fair lending');
      expect(ofPackage(before)).toHaveLength(1);
      expect(before.unreadCount).toBeGreaterThanOrEqual(1);
      // Newest first.
      const seqs = before.items.map((n) => n.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

      const read = listOf(await dana.post('/api/notifications/read', { upToSeq: first?.seq ?? 0 }));
      expect(read).toMatchObject({ unreadCount: 0, lastReadSeq: first?.seq });
      expect(read.items.every((n) => !n.unread)).toBe(true);
      expect((await notifications(dana)).unreadCount).toBe(0);

      // Reading only moves forward: an older seq changes nothing.
      expect(listOf(await dana.post('/api/notifications/read', { upToSeq: 1 })).lastReadSeq).toBe(first?.seq);
      // Someone else's read state is their own.
      expect((await notifications(owner)).lastReadSeq).toBe(0);
    },
  },
  {
    name: 'notifications: a rejection notifies the package owner, and nobody who does not own it',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const concerns = [{ sectionKey: 'evaluation', concern: 'Calibration is reported overall only.', requiredChange: 'Add calibration by decile.' }];
      const payload = await payloadFor(elena, { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'reject', reason: 'Calibration is not shown.', concerns, signer: accounts.elena });
      expectStatus(await sign(elena, payload), 201);

      const owner = await notifications(await signedIn(target, 'owner@example.com'));
      expect(owner.items[0]).toMatchObject({ kind: 'package_rejected', packageId: clinical, unread: true, link: `/packages/${clinical}` });
      expect(owner.items[0]?.text).toContain('Elena Vasquez rejected version 1');
      const dana = await notifications(await signedIn(target, 'fair-lending@example.com'));
      expect(dana.items.filter((n) => n.kind === 'package_rejected')).toEqual([]);
    },
  },
  {
    name: 'notifications: a bad read mark is refused with its field and changes nothing; signing in is required',
    async run(target) {
      const dana = await signedIn(target, 'fair-lending@example.com');
      for (const body of [{ upToSeq: -1 }, { upToSeq: 'all' }, { upToSeq: 1_000_000 }]) {
        const reply = await dana.post('/api/notifications/read', body);
        expectStatus(reply, 422);
        expect(pointers(reply)).toContain('/upToSeq');
      }
      expect((await notifications(dana)).lastReadSeq).toBe(0);
      const stranger = new Client(target);
      expectStatus(await stranger.get('/api/notifications'), 401);
      expectStatus(await stranger.post('/api/notifications/read', { upToSeq: 1 }), 401);
    },
  },
  {
    name: 'email preferences: defaults, a change kept and logged, bad input refused at its field; signing in is required',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const read = async () => {
        const reply = await owner.get('/api/account/notification-preferences');
        expectStatus(reply, 200);
        return notificationPreferencesSchema.parse(reply.body);
      };
      const initial = await read();
      // No SMTP in these targets: the choices are kept all the same.
      expect(initial).toMatchObject({ email: 'owner@example.com', mailEnabled: false, modes: { step_active: 'immediate', clarification_requested: 'immediate', package_approved: 'immediate', re_review_due: 'digest' } });

      const changed = await owner.send('PUT', '/api/account/notification-preferences', { json: { modes: { clarification_requested: 'digest', re_review_due: 'off' } } });
      expectStatus(changed, 200);
      expect(notificationPreferencesSchema.parse(changed.body).modes).toMatchObject({ clarification_requested: 'digest', re_review_due: 'off', step_active: 'immediate' });
      expect((await read()).modes).toEqual(notificationPreferencesSchema.parse(changed.body).modes);
      const audit = await target.store.listAuditEntries({ subject: 'usr_owner' }, 0, 100);
      const logged = audit.filter((e) => e.action === 'notifications.preferences_changed');
      expect(logged.map((e): unknown[] => [JSON.parse(e.beforeJson) as unknown, JSON.parse(e.afterJson) as unknown])).toEqual([[{ clarification_requested: 'immediate', re_review_due: 'digest' }, { clarification_requested: 'digest', re_review_due: 'off' }]]);
      // The same choice again changes nothing and logs nothing.
      expectStatus(await owner.send('PUT', '/api/account/notification-preferences', { json: { modes: { re_review_due: 'off' } } }), 200);
      expect((await target.store.listAuditEntries({ subject: 'usr_owner' }, 0, 100)).filter((e) => e.action === 'notifications.preferences_changed')).toHaveLength(1);

      for (const [body, pointer] of [
        [{ modes: { step_active: 'hourly' } }, '/modes/step_active'],
        [{ modes: { weekly: 'off' } }, '/modes'],
        [{ modes: 'off' }, '/modes'],
      ] as const) {
        const reply = await owner.send('PUT', '/api/account/notification-preferences', { json: body });
        expectStatus(reply, 422);
        expect(pointers(reply).some((p) => p.startsWith(pointer))).toBe(true);
      }
      expect((await read()).modes.step_active).toBe('immediate');
      const stranger = new Client(target);
      expectStatus(await stranger.get('/api/account/notification-preferences'), 401);
      expectStatus(await stranger.send('PUT', '/api/account/notification-preferences', { json: { modes: {} } }), 401);
    },
  },
];
