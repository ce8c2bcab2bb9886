import { expect } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { packageDetailSchema, packageListSchema } from '#domain/contracts/packages.ts';
import { revalidationScheduleListSchema, revalidationScheduleSchema, tieringMethodListSchema } from '#domain/contracts/revalidation.ts';
import { addMonths } from '#domain/revalidation/due-date.ts';
import { runReReviewSweep } from '#api/re-review/re-review-sweep-run.ts';
import type { Client, Reply, Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn, type Draft } from './signing-scenarios.ts';
import { riskAnswers } from './risk-assessment-scenarios.ts';
import { changeAsDirect } from './catalogue-proposals.ts';

// Periodic revalidation by risk tier (decision record 0114) and the required `governance`
// member (0115), against the mocks, SQLite and PostgreSQL. The target's clock is moved; the
// sweep, domain code over the storage port, is run with the same moved time.

const clinical = 'pkg_clinical_deterioration_risk';
const day = 86_400_000;
const newId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 20);
const robert = { id: 'usr_committee', displayName: 'Robert Castellano', title: 'Chair, AI Governance Committee' };
const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

/** Fairness at 4 x 4 without controls: residual 16, tier 1 by the standard risk matrix. */
const tierOne = riskAnswers({ fairness: { likelihood: 4, impact: 4, controls: 'none' } });

/** A clock that moves the target's and remembers by how much, so the sweep sees the same time. */
function movableClock(target: Target) {
  let shift = 0;
  return {
    now: () => new Date(Date.now() + shift),
    move(ms: number) {
      target.advanceClock(ms);
      shift += ms;
    },
  };
}

async function approve(target: Target, email: string, draft: Omit<Draft, 'packageId' | 'versionNumber' | 'decision'>) {
  const client = await signedIn(target, email);
  expectStatus(await sign(client, await payloadFor(client, { packageId: clinical, versionNumber: 1, decision: 'approve', reason: 'Adequate.', ...draft })), 201);
}

/** Assessed tier 1 by its owner, then approved through its chain: model risk, privacy, committee. */
async function assessAndApprove(target: Target) {
  const owner = await signedIn(target, 'owner@example.com');
  expectStatus(await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${clinical}/risk-assessments`, { answers: tierOne }), 201);
  await approve(target, 'model-risk@example.com', { stepKey: 'model_risk', role: 'model_risk', signer: accounts.elena });
  await approve(target, 'privacy@example.com', { stepKey: 'privacy', role: 'privacy', signer: accounts.samuel });
  await approve(target, 'committee@example.com', { stepKey: 'committee', role: 'committee', signer: robert });
}

async function dueWithin(client: Client, days: 30 | 60 | 90): Promise<string[]> {
  const reply = await client.get(`/api/packages?revalidationDue=${days}`);
  expectStatus(reply, 200);
  return packageListSchema.parse(reply.body).items.map((p) => p.id);
}

async function auditOf(client: Client, action: string) {
  const reply = await client.get(`/api/packages/${clinical}/audit?action=${action}`);
  expectStatus(reply, 200);
  return auditPageSchema.parse(reply.body).items;
}

export const revalidationScenarios: Scenario[] = [
  {
    name: 'revalidation: an approved tier-1 package is due a year on, listed in the 90, 60 and 30 day windows as the clock moves, and its re-review opens once when the date passes',
    async run(target) {
      const clock = movableClock(target);
      await assessAndApprove(target);
      const today = clock.now().toISOString().slice(0, 10);
      const dueOn = addMonths(today, 12);

      const committee = await signedIn(target, 'committee@example.com');
      const detail = packageDetailSchema.parse((await committee.get(`/api/packages/${clinical}`)).body);
      expect(detail.status).toBe('approved');
      expect(detail.revalidationDueOn).toBe(dueOn);
      expect(detail.reReviewDue).toBe(false);
      const [scheduled] = await auditOf(committee, 'package.revalidation_scheduled');
      expect(scheduled).toMatchObject({ after: { tier: 1, tierSource: 'risk_assessment', schedule: 1, dueOn, owner: 'usr_owner', version: 1 } });
      expect(await dueWithin(committee, 90)).toEqual([]);

      // 300 days on: due within 90 days (65 left), not within 60 or 30.
      clock.move(300 * day);
      let later = await signedIn(target, 'committee@example.com');
      expect(await dueWithin(later, 90)).toEqual([clinical]);
      expect(await dueWithin(later, 60)).toEqual([]);
      clock.move(40 * day);
      later = await signedIn(target, 'committee@example.com');
      expect(await dueWithin(later, 30)).toEqual([clinical]);
      // Not due yet: the sweep opens nothing.
      await runReReviewSweep(target.store, { now: clock.now(), newId });
      expect(await auditOf(later, 'package.revalidation_due')).toEqual([]);

      // Past the due date: the sweep opens the re-review, once however often it runs.
      clock.move(30 * day);
      await runReReviewSweep(target.store, { now: clock.now(), newId });
      await runReReviewSweep(target.store, { now: clock.now(), newId });
      later = await signedIn(target, 'committee@example.com');
      const opened = await auditOf(later, 'package.revalidation_due');
      expect(opened).toHaveLength(1);
      expect(opened[0]).toMatchObject({ actorId: null, after: { tier: 1, dueOn, owner: 'usr_owner', version: 1 } });
      // Every standing approval is flagged: data governance's (the demo's), then model risk, privacy, committee.
      expect((opened[0]?.after as { decisions: string[] }).decisions).toHaveLength(4);
      const summary = packageListSchema.parse((await later.get('/api/packages')).body).items.find((p) => p.id === clinical);
      expect(summary).toMatchObject({ reReviewDue: true, revalidationDueOn: dueOn });
      expect(await dueWithin(later, 30)).toEqual([clinical]);
    },
  },
  {
    name: 'revalidation: two sweeps at once open a due revalidation exactly once',
    async run(target) {
      const clock = movableClock(target);
      await assessAndApprove(target);
      clock.move(400 * day);
      await Promise.all([runReReviewSweep(target.store, { now: clock.now(), newId }), runReReviewSweep(target.store, { now: clock.now(), newId })]);
      const opened = (await target.store.listRevalidations([clinical])).filter((r) => r.openedAt !== null);
      expect(opened).toHaveLength(1);
      const committee = await signedIn(target, 'committee@example.com');
      expect(await auditOf(committee, 'package.revalidation_due')).toHaveLength(1);
    },
  },
  {
    name: 'revalidation schedule: an administrator publishes the next version (bad months refused at their field, a stale version 409, others 403); approvals from then on use it',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const list = revalidationScheduleListSchema.parse((await admin.get('/api/revalidation-schedules')).body);
      expect(list.items.map((s) => [s.version, s.months, s.publishedBy])).toEqual([[1, { '1': 12, '2': 24, '3': 36, '4': 48 }, null]]);
      const methods = tieringMethodListSchema.parse((await admin.get('/api/risk-tiering-methods')).body);
      expect(methods.items.map((m) => [m.method.key, m.method.version, m.current])).toEqual([['standard', 1, true]]);

      const bad = await changeAsDirect(target, '/api/revalidation-schedules', { months: { '1': 0, '2': 24, '3': 36.5 }, replacesVersion: 1 });
      expectStatus(bad, 422);
      expect(pointers(bad).sort()).toEqual(['/change/months/1', '/change/months/3', '/change/months/4']);
      expectStatus(await (await signedIn(target, 'model-risk@example.com')).post('/api/revalidation-schedules', { months: { '1': 6, '2': 24, '3': 36, '4': 48 }, replacesVersion: 1 }), 403);
      expectStatus(await changeAsDirect(target, '/api/revalidation-schedules', { months: { '1': 12, '2': 24, '3': 36, '4': 48 }, replacesVersion: 1 }), 409);
      expect(revalidationScheduleListSchema.parse((await admin.get('/api/revalidation-schedules')).body).items).toHaveLength(1);

      const published = await changeAsDirect(target, '/api/revalidation-schedules', { months: { '1': 6, '2': 24, '3': 36, '4': 48 }, replacesVersion: 1 });
      expectStatus(published, 201);
      expect(revalidationScheduleSchema.parse(published.body)).toMatchObject({ version: 2, publishedBy: { id: 'usr_admin_deputy' } });
      expectStatus(await changeAsDirect(target, '/api/revalidation-schedules', { months: { '1': 9, '2': 24, '3': 36, '4': 48 }, replacesVersion: 1 }), 409);

      await assessAndApprove(target);
      const committee = await signedIn(target, 'committee@example.com');
      const detail = packageDetailSchema.parse((await committee.get(`/api/packages/${clinical}`)).body);
      expect(detail.revalidationDueOn).toBe(addMonths(new Date().toISOString().slice(0, 10), 6));
      expect((await auditOf(committee, 'package.revalidation_scheduled'))[0]).toMatchObject({ after: { schedule: 2, tier: 1 } });
    },
  },
  {
    name: 'signed governance required: once an assessment applies, a payload without the member is 422 at /payload/governance and nothing is stored; with it, the decision is signed',
    async run(target) {
      // No policy covers the clinical package; the demo world assessed it: the member is required.
      const samuel = await signedIn(target, 'privacy@example.com');
      const elena = await signedIn(target, 'model-risk@example.com');
      expectStatus(await sign(elena, await payloadFor(elena, { packageId: clinical, versionNumber: 1, stepKey: 'model_risk', role: 'model_risk', decision: 'approve', reason: 'Adequate.', signer: accounts.elena })), 201);
      const draft: Draft = { packageId: clinical, versionNumber: 1, stepKey: 'privacy', role: 'privacy', decision: 'approve', reason: 'Adequate.', signer: accounts.samuel };
      const { governance, ...without } = await payloadFor(samuel, draft);
      expect(governance).toEqual({ policy: null, riskAssessment: { number: 1, method: { key: 'standard', version: 1 }, tier: 1 } });
      const refused = await sign(samuel, without);
      expectStatus(refused, 422);
      expect(pointers(refused)).toEqual(['/payload/governance']);
      expect(packageDetailSchema.parse((await samuel.get(`/api/packages/${clinical}`)).body).decisions.map((d) => d.stepKey)).toEqual(['data_governance', 'model_risk']);
      expectStatus(await sign(samuel, await payloadFor(samuel, draft)), 201);
    },
  },
];
