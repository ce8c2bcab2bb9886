import { approvableCreditContent, creditRiskAnswers } from '#demo/fresh-packages.ts';
import { expect } from 'vitest';
import type { DecisionKind } from '#domain/contracts/decisions.ts';
import { notificationListSchema, type NotificationList } from '#domain/contracts/notifications.ts';
import { notificationPreferencesSchema } from '#domain/contracts/notification-preferences.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { Client, type Reply } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';
import { approveWith, daysFromNow, evidence, listOf as obligationsOf, move, obligation } from './obligation-scenarios.ts';
import { allNotificationsFor } from '#api/notifications/handlers.ts';
import { derivedFromEveryPackage, derivedFromScratch } from '#api/notifications/notification-lists.ts';
import { runObligationLapseSweep } from '#api/obligations/lapse-sweep.ts';
import type { Obligation } from '#domain/contracts/obligations.ts';
import { notificationSources } from '#domain/notifications/derive-notifications.ts';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { seededRandom } from '../../support/seeded-random.ts';

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
/** The store as another process sees it: what a process keeps between polls is kept per store, and a reference derivation must not fill the cache of the lists it is compared with. */
const apart = <S extends object>(store: S): S => new Proxy(store, {});
const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

/** The demo credit model again, version 1, under a new version label: data governance is its first step. */
async function freshCreditPackage(owner: Client): Promise<string> {
  const versionLabel = '4.3.0-rc.1';
  const content: PackageContent = approvableCreditContent(versionLabel);
  const reply = await owner.post('/api/packages', { modelKey: 'retail-credit-pd', versionLabel, content });
  expectStatus(reply, 201);
  const id = (reply.body as { package: { id: string } }).package.id;
  // An approval needs a risk assessment (docs/decisions/0141).
  expectStatus(await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() }), 201);
  return id;
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
  {
    name: 'notifications: an obligation’s owner is told when it is assigned, sent back and lapsed, each linking to it on the package; the reviewer is not',
    async run(target) {
      const dueOn = daysFromNow(3);
      const { elena, priya, items } = await approveWith(target, [obligation({ dueOn }), obligation({ dueOn: daysFromNow(40) })]);
      const [first, second] = items;
      if (!first || !second) throw new Error('two obligations');
      // The demo's card-fraud approval has obligations of its own: only the clinical package's count here.
      const ofKind = async (client: Client, kind: string) => (await notifications(client)).items.filter((n) => n.kind === kind && n.packageId === clinical);
      const assigned = await ofKind(priya, 'obligation_assigned');
      expect(assigned.map((n) => [n.packageId, n.link, n.unread])).toEqual([
        [clinical, `/packages/${clinical}#obligation-${second.id}`, true],
        [clinical, `/packages/${clinical}#obligation-${first.id}`, true],
      ]);
      const { modelName, versionLabel } = (await priya.get(`/api/packages/${clinical}`)).body as PackageDetail;
      expect(assigned[1]?.text).toBe(`Elena Vasquez approved ${modelName} ${versionLabel} with conditions and named you the owner of condition 1, due ${dueOn}.`);

      const recorded = await move(priya, second, { to: 'fulfilment_recorded', evidence });
      expectStatus(recorded, 201);
      expectStatus(await move(elena, recorded.body as Obligation, { to: 'open', note: 'The report covers February, not March.' }), 201);
      const sentBack = await ofKind(priya, 'obligation_sent_back');
      expect(sentBack.map((n) => [n.link, n.text.endsWith('“The report covers February, not March.”')])).toEqual([[`/packages/${clinical}#obligation-${second.id}`, true]]);
      expect(sentBack[0]?.text).toContain('Elena Vasquez sent back your fulfilment of condition 2 of ');

      const after = new Date(Date.parse(`${dueOn}T00:00:00Z`) + 86_400_000 + 60_000);
      const swept = (await runObligationLapseSweep(target.store, { now: after, newId: () => crypto.randomUUID() })).map((l) => l.obligationId);
      expect(swept).toContain(first.id);
      expect(swept).not.toContain(second.id);
      const lapsed = await ofKind(priya, 'obligation_lapsed');
      expect(lapsed.map((n) => [n.link, n.text.includes(`lapsed: it was due ${dueOn}`)])).toEqual([[`/packages/${clinical}#obligation-${first.id}`, true]]);
      expect((await obligationsOf(priya)).map((o) => o.status)).toEqual(['lapsed', 'open']);

      // The reviewer who named the conditions hears of none of it; nor does another owner-side reader.
      expect((await ofKind(elena, 'obligation_assigned')).length + (await ofKind(elena, 'obligation_sent_back')).length + (await ofKind(elena, 'obligation_lapsed')).length).toBe(0);
      const dana = await signedIn(target, 'fair-lending@example.com');
      expect((await notifications(dana)).items.filter((n) => n.kind.startsWith('obligation_'))).toEqual([]);
    },
  },
  {
    name: 'notifications: a poll after a new entry asks the store once, the log’s read bringing the named package, unless the last poll found nothing new (then twice: the log with the names’ key, then the package), and a renamed user derives the list again',
    async run(target) {
      const owner = await target.store.findUserByEmail('owner@example.com');
      const elena = await target.store.findUserByEmail('model-risk@example.com');
      if (!owner || !elena) throw new Error('demo accounts');
      // A store that records what the poll asks of it (each of the two is one statement on PostgreSQL, decision record 0189).
      const asked: string[] = [];
      const recording = new Proxy(target.store, {
        get(store, property, receiver) {
          const value: unknown = Reflect.get(store, property, receiver);
          // The log's read named with the actions whose rows it may bring (0217).
          const named = property === 'readNotificationLog' ? (args: unknown[]) => (args[3] === undefined ? 'readNotificationLog' : 'readNotificationLog with rows') : () => String(property);
          return typeof value === 'function' ? (...args: unknown[]) => (asked.push(named(args)), (value as (...a: unknown[]) => unknown).apply(store, args)) : value;
        },
      });
      await allNotificationsFor(recording, owner);
      // A second user's whole list under the same names: the names already read serve it.
      asked.length = 0;
      await allNotificationsFor(recording, elena);
      expect(asked).toContain('readNotificationLog');
      expect(asked).not.toContain('listUsers');
      const reviewer = await signedIn(target, 'model-risk@example.com');
      const opened = await reviewer.post(`/api/packages/${clinical}/threads`, { versionNumber: 1, sectionKey: 'evaluation', kind: 'clarification', body: 'Which holdout period?' });
      expectStatus(opened, 201);
      // The log's read brings the named package's rows with it (decision records 0217, 0241 on
      // SQLite): they are what a read of their own answers, and the poll then asks for nothing more.
      const { size } = await target.store.readNotificationLog(0, 0);
      const head = await target.store.readNotificationLog(size - 1, 2_000, owner.id, notificationSources);
      expect(head.rows).toEqual(await target.store.listNotificationPackages([...new Set(head.entries.map((e) => e.subject))], notificationSources));
      asked.length = 0;
      const polled = await allNotificationsFor(recording, owner);
      expect(asked).toEqual(['readNotificationLog with rows']);
      expect(polled.all).toEqual((await derivedFromScratch(apart(target.store), owner)).all);
      expect(polled.all[0]?.text).toContain(`${elena.displayName} asked`);

      // A poll that finds nothing new: the next asks for the log alone (decision record 0217), so
      // after a new entry it reads the package on its own; once one found something, with the log again.
      const reply = (body: string) => reviewer.post(`/api/packages/${clinical}/threads/${(opened.body as { id: string }).id}/messages`, { body });
      asked.length = 0;
      expect((await allNotificationsFor(recording, owner)).all).toEqual(polled.all);
      expect(asked).toEqual(['readNotificationLog with rows']);
      expectStatus(await reply('Since 2019?'), 201);
      asked.length = 0;
      const afterQuiet = await allNotificationsFor(recording, owner);
      expect(asked).toEqual(['readNotificationLog', 'listNotificationPackages']);
      expect(afterQuiet.all).toEqual((await derivedFromScratch(apart(target.store), owner)).all);
      expectStatus(await reply('Or since 2020?'), 201);
      asked.length = 0;
      const moving = await allNotificationsFor(recording, owner);
      expect(asked).toEqual(['readNotificationLog with rows']);
      expect(moving.all).toEqual((await derivedFromScratch(apart(target.store), owner)).all);

      // No entry names a renamed user: the names' key does, and the whole list is derived with the new name.
      await target.store.updateUserProfile(elena.id, { email: elena.email, displayName: 'Elena Ortiz', roles: elena.roles });
      expectStatus(await reply('And the period of the fairness table?'), 201);
      const renamed = await allNotificationsFor(recording, owner);
      expect(renamed.all).toEqual((await derivedFromScratch(apart(target.store), owner)).all);
      expect(renamed.all.some((n) => n.text.includes('Elena Ortiz asked'))).toBe(true);
      expect(renamed.all.filter((n) => n.text.includes(`${elena.displayName} `))).toEqual([]);
    },
  },
  {
    name: 'notifications: the log’s read brings the reader’s read mark from the same read, and every new entry up to the limit when more than a page of them came in',
    async run(target) {
      const { store } = target;
      const owner = await store.findUserByEmail('owner@example.com');
      if (!owner) throw new Error('demo accounts');
      const { size } = await store.readNotificationLog(0, 0, owner.id);
      expect((await store.readNotificationLog(size, 10, owner.id)).lastReadSeq).toBe(await store.findNotificationReadSeq(owner.id));
      expect(await store.raiseNotificationReadSeq(owner.id, size, new Date().toISOString())).toBe(true);
      expect((await store.readNotificationLog(size, 10, owner.id)).lastReadSeq).toBe(size);
      // Another reader's mark, or none asked for, is not the owner's.
      expect((await store.readNotificationLog(size, 10, 'usr_nobody')).lastReadSeq).toBe(0);
      expect((await store.readNotificationLog(size, 10)).lastReadSeq).toBe(0);
      // More new entries than one statement's page (100 on PostgreSQL): all of them, oldest first, up to the limit.
      const added = 250;
      for (let i = 0; i < added; i++) await store.appendAudit({ event: { action: 'access.denied', subject: 'contract-probe', before: null, after: { method: 'GET', path: `/probe/${i}`, reason: 'contract test probe' } }, actorId: null, at: new Date().toISOString() });
      const seqs = (limit: number) => store.readNotificationLog(size, limit, owner.id).then((head) => ({ size: head.size, seqs: head.entries.map((e) => e.seq), lastReadSeq: head.lastReadSeq }));
      const range = (n: number) => Array.from({ length: n }, (_, i) => size + 1 + i);
      expect(await seqs(2_000)).toEqual({ size: size + added, seqs: range(added), lastReadSeq: size });
      expect(await seqs(120)).toEqual({ size: size + added, seqs: range(120), lastReadSeq: size });
      expect(await seqs(100)).toEqual({ size: size + added, seqs: range(100), lastReadSeq: size });
      expect(await seqs(30)).toEqual({ size: size + added, seqs: range(30), lastReadSeq: size });
      expect(await seqs(0)).toEqual({ size: size + added, seqs: [], lastReadSeq: size });
      // More than a page: no package rows come with the log's read, whatever it names (0217).
      expect((await store.readNotificationLog(size, 2_000, owner.id, notificationSources)).rows).toBeUndefined();
      expect((await store.readNotificationLog(size + added - 1, 2_000, owner.id, notificationSources)).rows?.packages ?? []).toEqual([]);
      // The poll answers the same mark the store holds.
      const polled = await allNotificationsFor(store, owner);
      expect(polled.lastReadSeq).toBe(size);
      expect(polled.logSize).toBe(size + added);
    },
  },
  {
    name: 'notifications: an owner’s first poll reads the owner’s packages by owner and their entries by package, never every package or the log’s pages',
    async run(target) {
      const owner = await target.store.findUserByEmail('owner@example.com');
      if (!owner) throw new Error('demo accounts');
      // A second model owner, who owns none of the demo's packages.
      await target.store.insertUser({ id: 'usr_owner_2', email: 'owner-2@example.com', displayName: 'Ines Duarte', title: 'ML Engineer', roles: ['model_owner'], passwordHash: 'unused' });
      const second = await target.store.findUserByEmail('owner-2@example.com');
      if (!second) throw new Error('second owner');
      const reviewer = await signedIn(target, 'model-risk@example.com');
      expectStatus(await reviewer.post(`/api/packages/${clinical}/threads`, { versionNumber: 1, sectionKey: 'evaluation', kind: 'clarification', body: 'Which holdout period?' }), 201);
      const firstPoll = async (user: typeof owner) => {
        const asked: { method: string; args: unknown[] }[] = [];
        const recording = new Proxy(target.store, {
          get(store, property, receiver) {
            const value: unknown = Reflect.get(store, property, receiver);
            return typeof value === 'function' ? (...args: unknown[]) => (asked.push({ method: String(property), args }), (value as (...a: unknown[]) => unknown).apply(store, args)) : value;
          },
        });
        const list = await derivedFromScratch(recording, user);
        expect(asked.map((a) => a.method)).not.toContain('listAuditEntries');
        expect(asked.filter((a) => a.method === 'listPackages').map((a) => a.args)).toEqual([[user.id]]);
        expect(list.all).toEqual((await derivedFromEveryPackage(apart(target.store), user)).all);
        return { list, named: new Set(asked.filter((a) => a.method === 'listNotificationPackages').flatMap((a) => a.args[0] as string[])) };
      };
      const own = new Set((await target.store.listPackages(owner.id)).map((p) => p.id));
      const mine = await firstPoll(owner);
      expect(mine.named).toEqual(own);
      expect(mine.list.all.some((n) => n.packageId === clinical)).toBe(true);
      const none = await firstPoll(second);
      expect(none.named).toEqual(new Set());
      expect(none.list.all).toEqual([]);
    },
  },
  {
    name: 'notifications: a poll after entries about a package reads none of its earlier entries (kept from the first derivation, or from one read by subject), and the list still equals a derivation from scratch',
    async run(target) {
      const owner = await target.store.findUserByEmail('owner@example.com');
      const elena = await target.store.findUserByEmail('model-risk@example.com');
      if (!owner || !elena) throw new Error('demo accounts');
      const asked: { method: string; args: unknown[] }[] = [];
      // A store that records what a poll asks of it; each is a process of its own (what a process keeps is kept per store).
      const recorder = () =>
        new Proxy(target.store, {
          get(store, property, receiver) {
            const value: unknown = Reflect.get(store, property, receiver);
            return typeof value === 'function' ? (...args: unknown[]) => (asked.push({ method: String(property), args }), (value as (...a: unknown[]) => unknown).apply(store, args)) : value;
          },
        });
      const ownersProcess = recorder();
      const reviewersProcess = recorder();
      // Entries the poll read: the log's pages by subject, or the packages whose rows it asked with their entries.
      const entriesRead = () => asked.flatMap((a) => (a.method === 'listAuditEntries' ? [a.args[0]] : a.method === 'listNotificationPackages' && (a.args[1] as unknown[]).length > 0 ? (a.args[0] as unknown[]) : []));
      const actionsAsked = () => asked.flatMap((a) => (a.method === 'listNotificationPackages' ? [a.args[1]] : a.method === 'readNotificationLog' && a.args[3] !== undefined ? [a.args[3]] : []));
      const reviewer = await signedIn(target, 'model-risk@example.com');
      const opened = await reviewer.post(`/api/packages/${clinical}/threads`, { versionNumber: 1, sectionKey: 'evaluation', kind: 'clarification', body: 'Which holdout period?' });
      expectStatus(opened, 201);
      // First polls: the owner's list from the owner's packages and all their entries; the
      // reviewer, who sees every package, from every package's.
      await allNotificationsFor(ownersProcess, owner);
      await allNotificationsFor(reviewersProcess, elena);
      for (let reply = 1; reply <= 3; reply++) {
        expectStatus(await reviewer.post(`/api/packages/${clinical}/threads/${(opened.body as { id: string }).id}/messages`, { body: `Follow-up ${reply}: since 2019?` }), 201);
        asked.length = 0;
        const mine = await allNotificationsFor(ownersProcess, owner);
        expect(entriesRead(), `the owner's poll after reply ${reply}`).toEqual([]);
        // Package rows asked with the log's read, without entries.
        expect(actionsAsked().length, `the owner's poll after reply ${reply}`).toBeGreaterThan(0);
        expect(actionsAsked().filter((actions) => (actions as unknown[]).length > 0), `the owner's poll after reply ${reply}`).toEqual([]);
        expect(mine.all).toEqual((await derivedFromScratch(apart(target.store), owner)).all);
        asked.length = 0;
        const theirs = await allNotificationsFor(reviewersProcess, elena);
        // Derived from the log's source entries, the reviewer's list kept none of the package's: read once, then kept.
        expect(entriesRead(), `the reviewer's poll after reply ${reply}`).toEqual(reply === 1 ? [clinical] : []);
        expect(theirs.all).toEqual((await derivedFromEveryPackage(apart(target.store), elena)).all);
      }
    },
  },
  {
    name: 'notifications: after a seeded random sequence of writes, every user’s kept list equals a derivation from scratch',
    async run(target) {
      const seed = 2024;
      const random = seededRandom(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      const emails = ['owner@example.com', 'data-governance@example.com', 'model-risk@example.com', 'fair-lending@example.com'];
      const clients = new Map<string, Client>();
      for (const email of emails) clients.set(email, await signedIn(target, email));
      const client = (email: string) => clients.get(email) as Client;
      const users = await Promise.all(emails.map(async (email) => {
        const user = await target.store.findUserByEmail(email);
        if (!user) throw new Error(email);
        return user;
      }));
      const owner = client('owner@example.com');
      const credit = await freshCreditPackage(owner);
      const packages = [clinical, credit];
      const threads: { packageId: string; id: string }[] = [];
      // Milestones happen once each, at a random point of the sequence.
      // (A signature an open clarification blocks is refused: the sequence goes on without it.)
      const signs = async (email: string, stepKey: 'data_governance' | 'model_risk') => {
        const signer = client(email);
        const { user } = (await signer.get('/api/session')).body as { user: { id: string; displayName: string; title: string } };
        const payload = await payloadFor(signer, { packageId: credit, versionNumber: 1, stepKey, role: stepKey, decision: 'approve', reason: 'Reviewed.', signer: { id: user.id, displayName: user.displayName, title: user.title } });
        return (await sign(signer, payload)).status;
      };
      const milestones: (() => Promise<number>)[] = [
        () => signs('data-governance@example.com', 'data_governance'),
        () => signs('model-risk@example.com', 'model_risk'),
        async () => {
          const elena = client('model-risk@example.com');
          const payload = await payloadFor(elena, { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve_with_conditions', reason: 'Adequate for adults.', conditions: { scope: 'Adults only', reReviewOn: daysFromNow(365), text: 'Monthly calibration report.' }, signer: accounts.elena });
          const status = (await sign(elena, { ...payload, obligations: [obligation()] })).status;
          const [first] = status === 201 ? (await obligationsOf(owner)).filter((o) => o.status === 'open') : [];
          if (first) await move(owner, first, { to: 'fulfilment_recorded', evidence });
          return status;
        },
      ];
      let written = 0;
      const steps: (() => Promise<number>)[] = [
        async () => {
          const reviewer = pick(emails.slice(1));
          const packageId = pick(packages);
          const reply = await client(reviewer).post(`/api/packages/${packageId}/threads`, { versionNumber: 1, sectionKey: pick(['evaluation', 'training_data']), kind: pick(['clarification', 'comment']), body: `Question ${written}.` });
          if (reply.status === 201) threads.push({ packageId, id: (reply.body as { id: string }).id });
          return reply.status;
        },
        async () => {
          const thread = threads.length > 0 ? pick(threads) : undefined;
          if (!thread) return 0;
          return (await client(pick(emails)).post(`/api/packages/${thread.packageId}/threads/${thread.id}/messages`, { body: `Reply ${written}.` })).status;
        },
        async () => {
          const next = milestones.shift();
          return next ? next() : 0;
        },
        async () => {
          const reader = client(pick(emails));
          const list = await notifications(reader);
          return (await reader.post('/api/notifications/read', { upToSeq: list.items[Math.floor(random() * Math.max(1, list.items.length))]?.seq ?? 0 })).status;
        },
      ];
      const same = async (index: number) => {
        const kept = await allNotificationsFor(target.store, users[index] as (typeof users)[number]);
        const scratch = await derivedFromScratch(apart(target.store), users[index] as (typeof users)[number]);
        expect(kept.all, `seed ${seed}, ${emails[index]} after ${written} writes`).toEqual(scratch.all);
        // An owner's list is derived from their own packages (decision record 0200): the same as from every package and every entry.
        expect(scratch.all, `seed ${seed}, ${emails[index]} from every package`).toEqual((await derivedFromEveryPackage(apart(target.store), users[index] as (typeof users)[number])).all);
      };
      for (let step = 0; step < 30; step++) {
        const status = await pick(steps)();
        if (status >= 200 && status < 300) written++;
        // Some users poll after each write, others fall behind by several entries.
        for (let index = 0; index < users.length; index++) if (random() < 0.5) await same(index);
      }
      for (let index = 0; index < users.length; index++) await same(index);
      expect(written, `seed ${seed}`).toBeGreaterThanOrEqual(12);
      const all = await allNotificationsFor(target.store, users[0] as (typeof users)[number]);
      expect(new Set(all.all.map((n) => n.kind)).size, 'the owner was told several kinds of thing').toBeGreaterThanOrEqual(2);
    },
  },
];
