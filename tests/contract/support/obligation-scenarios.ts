import { expect } from 'vitest';
import type { Obligation } from '#domain/contracts/obligations.ts';
import { packageListSchema, type PackageDetail } from '#domain/contracts/packages.ts';
import { dashboardSchema } from '#domain/contracts/dashboard.ts';
import type { SigningPayload } from '#domain/contracts/signatures.ts';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { registeredWebhookSchema, webhookDeliveryListSchema } from '#domain/webhooks/contract.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';
import { runObligationLapseSweep } from '#api/obligations/lapse-sweep.ts';
import type { Client, Reply, Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';

// Obligations (decision record 0111), against the mocks, SQLite and PostgreSQL. Elena (model
// risk) approves the clinical package with conditions, each an obligation owed by Priya (the
// owner): Priya records fulfilment with evidence, Elena sends it back or confirms it; the
// role rules, every bad input (nothing stored), concurrent transitions and the lapse sweep.

const clinical = 'pkg_clinical_deterioration_risk';
const owner = 'usr_owner';
const day = 86_400_000;
export const daysFromNow = (days: number) => new Date(Date.now() + days * day).toISOString().slice(0, 10);
const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);
const newId = () => crypto.randomUUID();

const conditions = { scope: 'Adult inpatient wards; card-not-present channel only', reReviewOn: daysFromNow(365), text: 'Monthly calibration report; no paediatric use.' };
export const obligation = (overrides: Record<string, unknown> = {}) => ({ text: 'Monthly calibration report to the committee', ownerId: owner, dueOn: daysFromNow(30), scope: null, ...overrides });

async function conditionalPayload(elena: Client, obligations: unknown[]): Promise<SigningPayload> {
  const payload = await payloadFor(elena, { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve_with_conditions', reason: 'Adequate for adults.', conditions, signer: accounts.elena });
  // As the sign dialog sends it; a bad one is the point of some scenarios, hence the cast.
  return { ...payload, obligations } as SigningPayload;
}

export async function approveWith(target: Target, obligations: unknown[]): Promise<{ elena: Client; priya: Client; items: Obligation[] }> {
  const elena = await signedIn(target, 'model-risk@example.com');
  expectStatus(await sign(elena, await conditionalPayload(elena, obligations)), 201);
  const priya = await signedIn(target, 'owner@example.com');
  return { elena, priya, items: await listOf(priya) };
}

export async function listOf(client: Client): Promise<Obligation[]> {
  const reply = await client.get(`/api/packages/${clinical}/obligations`);
  expectStatus(reply, 200);
  return (reply.body as { items: Obligation[] }).items;
}

export const move = (client: Client, o: Obligation, body: Record<string, unknown>) => client.post(`/api/packages/${clinical}/obligations/${o.id}/transitions`, { revision: o.revision, ...body });
export const evidence = { text: 'Calibration report for March filed with the committee.', link: 'https://wiki.example.com/calibration/2026-03' };

export const obligationScenarios: Scenario[] = [
  {
    name: 'obligations: each condition becomes an obligation, signed in the payload; the owner records fulfilment with evidence, the approving role sends it back or confirms it; every move audited with before and after',
    async run(target) {
      const scope = { dimension: 'channel', allow: ['card_not_present'] };
      const { elena, priya, items } = await approveWith(target, [obligation(), obligation({ text: 'Card-not-present transactions only', scope, dueOn: daysFromNow(90) })]);
      expect(items.map((o) => [o.position, o.status, o.owner.id, o.scope, o.stepKey, o.role, o.revision])).toEqual([
        [0, 'open', owner, null, 'model_risk', 'model_risk', 0],
        [1, 'open', owner, scope, 'model_risk', 'model_risk', 0],
      ]);
      // Inside the signed payload, verbatim.
      const detail = (await priya.get(`/api/packages/${clinical}`)).body as PackageDetail;
      const signed = detail.decisions.find((d) => d.decision === 'approve_with_conditions');
      expect(signed?.signature?.payload.obligations?.[1]).toEqual({ text: 'Card-not-present transactions only', ownerId: owner, dueOn: daysFromNow(90), scope });
      expect(detail.conditionsLapsed).toBe(false);

      const [first] = items;
      if (!first) throw new Error('two obligations');
      // The reviewer does not record the owner's fulfilment; the owner does not confirm it; nor does another role.
      const reviewerRecords = await move(elena, first, { to: 'fulfilment_recorded', evidence });
      expectStatus(reviewerRecords, 403);
      expect(pointers(reviewerRecords)).toEqual(['/to']);
      const recorded = await move(priya, first, { to: 'fulfilment_recorded', evidence });
      expectStatus(recorded, 201);
      let current = recorded.body as Obligation;
      expect(current).toMatchObject({ status: 'fulfilment_recorded', revision: 1, evidence: { ...evidence, by: { id: owner } } });
      const ownerConfirms = await move(priya, current, { to: 'confirmed' });
      expectStatus(ownerConfirms, 403);
      const otherRole = await move(await signedIn(target, 'privacy@example.com'), current, { to: 'confirmed' });
      expectStatus(otherRole, 403);
      // Confirming twice or from open is not a move at all.
      const sentBack = await move(elena, current, { to: 'open', note: 'The report covers February, not March.' });
      expectStatus(sentBack, 201);
      current = sentBack.body as Obligation;
      expect(current).toMatchObject({ status: 'open', revision: 2, review: { outcome: 'sent_back', note: 'The report covers February, not March.', by: accounts.elena } });
      const notAMove = await move(elena, current, { to: 'confirmed' });
      expectStatus(notAMove, 422);
      expect(pointers(notAMove)).toEqual(['/to']);
      current = (await move(priya, current, { to: 'fulfilment_recorded', evidence: { text: 'The March report, filed.', link: null } })).body as Obligation;
      const confirmed = await move(elena, current, { to: 'confirmed', note: 'Seen.' });
      expectStatus(confirmed, 201);
      expect(confirmed.body).toMatchObject({ status: 'confirmed', revision: 4, review: { outcome: 'confirmed', by: accounts.elena } });

      const audit = auditPageSchema.parse((await elena.get(`/api/packages/${clinical}/audit?action=obligation.transitioned`)).body).items;
      const revisionOf = (e: (typeof audit)[number]) => (e.before as { revision: number }).revision;
      expect([...audit].sort((x, y) => revisionOf(x) - revisionOf(y)).map((e) => [e.before, e.after])).toEqual([
        [{ obligation: first.id, status: 'open', revision: 0 }, { obligation: first.id, status: 'fulfilment_recorded', revision: 1, role: 'model_owner', note: evidence.text, evidence }],
        [{ obligation: first.id, status: 'fulfilment_recorded', revision: 1 }, { obligation: first.id, status: 'open', revision: 2, role: 'model_risk', note: 'The report covers February, not March.' }],
        [{ obligation: first.id, status: 'open', revision: 2 }, expect.objectContaining({ status: 'fulfilment_recorded', revision: 3 })],
        [{ obligation: first.id, status: 'fulfilment_recorded', revision: 3 }, { obligation: first.id, status: 'confirmed', revision: 4, role: 'model_risk', note: 'Seen.' }],
      ]);
      const opened = auditPageSchema.parse((await elena.get(`/api/packages/${clinical}/audit?action=obligation.opened`)).body).items;
      expect(opened).toHaveLength(2);

      // In the exported record, inside the signed payload: the verifier names them, and a changed due date breaks the signature.
      const text = JSON.stringify((await elena.get(`/api/packages/${clinical}/record`)).body);
      const keys = ((await elena.get('/api/keys')).body as { keys: ServerKey[] }).keys;
      const signedCheck = (verdict: Awaited<ReturnType<typeof verifyRecordText>>) => verdict.checks.find((c) => c.detail.includes('obligation') || c.detail.includes(signed?.id ?? '-'));
      const honest = await verifyRecordText(text, { trustedKeys: keys });
      expect(signedCheck(honest)).toMatchObject({ ok: true, detail: expect.stringContaining(`Signed with 2 obligations (due ${daysFromNow(30)}, ${daysFromNow(90)}; scope channel ∈ {card_not_present})`) as unknown });
      const tampered = text.replace(`"dueOn":"${daysFromNow(90)}"`, `"dueOn":"${daysFromNow(400)}"`);
      expect(tampered).not.toBe(text);
      const failing = (verdict: typeof honest) => verdict.checks.filter((c) => !c.ok).length;
      expect(failing(await verifyRecordText(tampered, { trustedKeys: keys }))).toBeGreaterThan(failing(honest));
    },
  },
  {
    name: 'obligations: an owner outside the owner team, a due date past or beyond five years, a scope that does not parse, obligations on a plain approval: 422 naming the field, nothing stored',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const refusals: [unknown[], string, string?][] = [
        [[obligation({ ownerId: 'usr_privacy' })], '/payload/obligations/0/ownerId'],
        [[obligation(), obligation({ dueOn: daysFromNow(-1) })], '/payload/obligations/1/dueOn'],
        [[obligation({ dueOn: daysFromNow(5 * 366 + 2) })], '/payload/obligations/0/dueOn'],
        [[obligation({ dueOn: '2027-02-30' })], '/payload/obligations/0/dueOn'],
        [[obligation({ scope: { dimension: 'channel', alow: ['card_not_present'] } })], '/payload/obligations/0/scope'],
        [[obligation({ scope: { dimension: 'channel', allow: [] } })], '/payload/obligations/0/scope/allow'],
        [[obligation({ scope: { dimension: 'Channel!', allow: ['x'] } })], '/payload/obligations/0/scope/dimension'],
        [[obligation({ scope: 'card not present' })], '/payload/obligations/0/scope'],
        [[obligation({ text: '  ' })], '/payload/obligations/0/text'],
      ];
      for (const [obligations, pointer] of refusals) {
        const reply = await sign(elena, await conditionalPayload(elena, obligations));
        expectStatus(reply, 422);
        expect(pointers(reply), JSON.stringify(obligations)).toContain(pointer);
      }
      const plain = { ...(await payloadFor(elena, { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve', signer: accounts.elena })), obligations: [obligation()] };
      const onPlain = await sign(elena, plain);
      expectStatus(onPlain, 422);
      expect(pointers(onPlain)).toEqual(['/payload/obligations']);
      // Nothing stored: no decision, no obligation.
      expect(await listOf(elena)).toEqual([]);
      expect(((await elena.get(`/api/packages/${clinical}`)).body as PackageDetail).decisions.filter((d) => d.stepKey === 'model_risk')).toEqual([]);

      // A fulfilment without evidence, or with a link that is not a web address: 422 on the field, nothing changed.
      const { priya, items } = await approveWith(target, [obligation()]);
      const [only] = items;
      if (!only) throw new Error('one obligation');
      for (const [body, pointer] of [
        [{ to: 'fulfilment_recorded', evidence: { text: '', link: null } }, '/evidence/text'],
        [{ to: 'fulfilment_recorded', evidence: { text: 'Filed.', link: 'javascript:alert(1)' } }, '/evidence/link'],
        [{ to: 'open' }, '/note'],
        [{ to: 'lapsed' }, '/to'],
      ] as const) {
        const reply = await move(priya, only, body);
        expectStatus(reply, 422);
        expect(pointers(reply)).toContain(pointer);
      }
      expect((await listOf(priya))[0]).toMatchObject({ status: 'open', revision: 0, evidence: null });
    },
  },
  {
    name: 'obligations: a role delegated by the owner team does not confirm the owner team’s own fulfilment (segregation of duties)',
    async run(target) {
      const { priya, items } = await approveWith(target, [obligation()]);
      const [only] = items;
      if (!only) throw new Error('one obligation');
      expectStatus(await move(priya, only, { to: 'fulfilment_recorded', evidence: { text: 'Done.', link: null } }), 201);
      const [recorded] = await listOf(priya);
      // A colleague acting for the approving role, by a delegation whose delegator is of the owner team.
      const colleague = await signedIn(target, 'committee@example.com');
      const me = ((await colleague.get('/api/session')).body as { user: { id: string } }).user.id;
      const start = new Date(Date.now() - 60_000).toISOString();
      await target.store.insertDelegation({ id: 'dlg_owner_team', role: 'model_risk', delegatorId: owner, delegateId: me, startsAt: start, endsAt: new Date(Date.now() + 86_400_000).toISOString(), reason: 'Cover.', createdBy: owner, createdAt: start });
      const confirmed = await move(colleague, recorded as Obligation, { to: 'confirmed' });
      expectStatus(confirmed, 403);
      expect((await listOf(priya))[0]).toMatchObject({ status: 'fulfilment_recorded', revision: 1 });
    },
  },
  {
    name: 'obligations: of concurrent transitions of one obligation exactly one is written',
    async run(target) {
      const { elena, priya, items } = await approveWith(target, [obligation()]);
      const [only] = items;
      if (!only) throw new Error('one obligation');
      const replies = await Promise.all([
        move(priya, only, { to: 'fulfilment_recorded', evidence: { text: 'A.', link: null } }),
        move(priya, only, { to: 'fulfilment_recorded', evidence: { text: 'B.', link: null } }),
        move(priya, only, { to: 'fulfilment_recorded', evidence: { text: 'C.', link: null } }),
      ]);
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      const [recorded] = await listOf(elena);
      expect(recorded?.revision).toBe(1);
      const confirmations = await Promise.all([move(elena, recorded as Obligation, { to: 'confirmed' }), move(elena, recorded as Obligation, { to: 'open', note: 'Not enough.' })]);
      expect(confirmations.map((r) => r.status).sort()).toEqual([201, 409]);
      const audit = auditPageSchema.parse((await elena.get(`/api/packages/${clinical}/audit?action=obligation.transitioned`)).body).items;
      expect(audit).toHaveLength(2);
    },
  },
  {
    name: 'obligations: past its due date an open obligation lapses once: conditions lapsed on the package, an audit entry without actor, an obligation.lapsed webhook, a re-review opened',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const registered = await admin.post('/api/webhooks', { url: 'https://hooks.example.com/obligations', events: ['obligation.lapsed'] });
      expectStatus(registered, 201);
      const { endpoint } = registeredWebhookSchema.parse(registered.body);
      const scope = { dimension: 'channel', allow: ['card_not_present'] };
      const dueOn = daysFromNow(3);
      const { priya, items } = await approveWith(target, [obligation({ dueOn, scope }), obligation({ dueOn: daysFromNow(40) })]);
      const [due, later] = items;
      if (!due || !later) throw new Error('two obligations');

      expect(await runObligationLapseSweep(target.store, { now: new Date(), newId })).toEqual([]);
      const after = new Date(Date.parse(`${dueOn}T00:00:00Z`) + day + 60_000);
      // Two instances sweeping at once: one lapse.
      const [a, b] = await Promise.all([runObligationLapseSweep(target.store, { now: after, newId }), runObligationLapseSweep(target.store, { now: after, newId })]);
      expect([...a, ...b].map((l) => l.obligationId)).toEqual([due.id]);
      expect(await runObligationLapseSweep(target.store, { now: after, newId })).toEqual([]);

      const [lapsed, open] = await listOf(priya);
      expect(lapsed).toMatchObject({ status: 'lapsed', lapsedAt: after.toISOString(), revision: 1 });
      expect(open).toMatchObject({ status: 'open', revision: 0 });
      const summary = ((await priya.get('/api/packages')).body as { items: { id: string; conditionsLapsed?: boolean }[] }).items.find((p) => p.id === clinical);
      expect(summary?.conditionsLapsed).toBe(true);
      // The committee's dashboard lists it, and its link, the inventory's list, holds the same package (decision record 0159).
      const committee = await signedIn(target, 'committee@example.com');
      const lapsedLists = async () => {
        const board = dashboardSchema.parse((await committee.get('/api/dashboard')).body).conditionsLapsed;
        const inventory = packageListSchema.parse((await committee.get(`/api/packages?governance=${board.link.query.governance}&count=true`)).body);
        return { board: [board.total, board.items.map((p) => p.id)], inventory: [inventory.total, inventory.items.map((p) => p.id)] };
      };
      expect(await lapsedLists()).toEqual({ board: [1, [clinical]], inventory: [1, [clinical]] });

      const audit = auditPageSchema.parse((await priya.get(`/api/packages/${clinical}/audit?action=obligation.lapsed`)).body).items;
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: null, before: { obligation: due.id, status: 'open', revision: 0 }, after: { obligation: due.id, status: 'lapsed', revision: 1, dueOn, owner } });
      const deliveries = webhookDeliveryListSchema.parse((await admin.get(`/api/webhooks/${endpoint.id}/deliveries`)).body).items;
      expect(deliveries.map((d) => [d.eventType, d.status])).toEqual([['obligation.lapsed', 'pending']]);
      const [stored] = await target.store.listWebhookDeliveries(endpoint.id, 10);
      expect(JSON.parse(stored?.payload ?? '{}')).toMatchObject({ type: 'obligation.lapsed', data: { packageId: clinical, obligation: { id: due.id, scope, dueOn } } });
      expect((await target.store.listReReviewNotices()).map((n) => [n.packageId, n.decisionId])).toEqual([[clinical, due.decisionId]]);

      // The owner may still record fulfilment of a lapsed condition; until it is confirmed the review stands.
      const recorded = await move(priya, lapsed as Obligation, { to: 'fulfilment_recorded', evidence: { text: 'Late, but done.', link: null } });
      expectStatus(recorded, 201);
      const again = ((await priya.get(`/api/packages/${clinical}`)).body as PackageDetail).conditionsLapsed;
      expect(again).toBe(false);
      expect(await lapsedLists()).toEqual({ board: [0, []], inventory: [0, []] });
    },
  },
];
