import { expect } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { packageListSchema } from '#domain/contracts/packages.ts';
import { packageRollbackSchema, rollbackStateSchema } from '#domain/contracts/rollbacks.ts';
import type { Reply } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { takeGovernanceSnapshot } from '#api/dashboard/governance-snapshot.ts';
import { expectFiguresMatchTheirLists } from './governance-scenarios.ts';
import { expectStatus, signedIn } from './signing-scenarios.ts';

// Rollbacks (issue 23, docs/decisions/0135) against the mocks, SQLite and PostgreSQL: the demo's
// approved card-fraud package is the approval in force of its model; the committee withdraws
// it with a reason, once (two at the same moment: one wins), and the dashboard's "rollbacks
// this month" and "with all approvals" figures follow, each equal to the list behind it.

const cardFraud = 'pkg_card_fraud_detection';
const clinical = 'pkg_clinical_deterioration_risk';
const reason = 'Drift in the card-not-present channel: back to manual review until revalidated.';
const pointers = (reply: Reply) => ((reply.body as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);

export const rollbackScenarios: Scenario[] = [
  {
    name: 'rollback: the committee withdraws the approval in force with a reason, once under concurrent requests; it is audited, shown on the package and counted on the dashboard as the list behind it',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const elena = await signedIn(target, 'model-risk@example.com');
      const owner = await signedIn(target, 'owner@example.com');

      const before = rollbackStateSchema.parse((await committee.get(`/api/packages/${cardFraud}/rollback`)).body);
      expect(before).toEqual({ rollback: null, refusal: null, wouldRestore: null });
      const figuresBefore = await expectFiguresMatchTheirLists(committee);
      expect(figuresBefore.get('approved')?.value).toBe(1);
      expect(figuresBefore.get('rollbacks_this_month')?.value).toBe(0);

      // Not the owner's to withdraw; a package in review has no approval to withdraw.
      expectStatus(await owner.post(`/api/packages/${cardFraud}/rollback`, { role: 'committee', reason }), 403);
      const inReview = await committee.post(`/api/packages/${clinical}/rollback`, { role: 'committee', reason });
      expectStatus(inReview, 409);
      expect(JSON.stringify(inReview.body)).toContain('only an approval can be rolled back');
      expect(rollbackStateSchema.parse((await committee.get(`/api/packages/${clinical}/rollback`)).body).refusal).toContain('in review');

      // Two requests at once, by two people: exactly one rollback.
      const replies = await Promise.all([committee.post(`/api/packages/${cardFraud}/rollback`, { role: 'committee', reason }), elena.post(`/api/packages/${cardFraud}/rollback`, { role: 'model_risk', reason: `${reason} (model risk)` })]);
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
      const won = packageRollbackSchema.parse(replies.find((r) => r.status === 201)?.body);
      expect(won).toMatchObject({ packageId: cardFraud, modelKey: 'card-fraud-detection', restored: null });

      const state = rollbackStateSchema.parse((await owner.get(`/api/packages/${cardFraud}/rollback`)).body);
      expect(state.rollback).toEqual(won);
      const audit = auditPageSchema.parse((await committee.get(`/api/packages/${cardFraud}/audit?action=package.rolled_back`)).body);
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]).toMatchObject({ actorId: won.rolledBackBy.id, after: { modelKey: 'card-fraud-detection', role: won.role, reason: won.reason, restored: null } });

      const after = await expectFiguresMatchTheirLists(committee);
      expect(after.get('rollbacks_this_month')?.value).toBe(1);
      expect(after.get('rollbacks_this_month')?.trend?.at(-1)?.value).toBe(1);
      expect(after.get('approved')?.value).toBe(0);
      const approvedList = packageListSchema.parse((await committee.get('/api/packages?governance=approved')).body).items;
      expect(approvedList).toEqual([]);
    },
  },
  {
    name: 'rollback: a short reason or a role the caller does not hold is refused at its field, and nothing is stored',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const short = await committee.post(`/api/packages/${cardFraud}/rollback`, { role: 'committee', reason: 'drift' });
      expectStatus(short, 422);
      expect(pointers(short)).toEqual(['/reason']);
      const notHeld = await committee.post(`/api/packages/${cardFraud}/rollback`, { role: 'model_risk', reason });
      expectStatus(notHeld, 422);
      expect(pointers(notHeld)).toEqual(['/role']);
      const unknownRole = await committee.post(`/api/packages/${cardFraud}/rollback`, { role: 'admin', reason });
      expectStatus(unknownRole, 422);
      expect(pointers(unknownRole)).toEqual(['/role']);
      expect(rollbackStateSchema.parse((await committee.get(`/api/packages/${cardFraud}/rollback`)).body).rollback).toBeNull();
      expect(auditPageSchema.parse((await committee.get(`/api/packages/${cardFraud}/audit?action=package.rolled_back`)).body).items).toEqual([]);
    },
  },
];

export const governanceSnapshotScenarios: Scenario[] = [
  {
    name: 'governance snapshots: the first pass after a month ends records the state figures once (a second pass writes nothing), and their trends show them as that month’s close',
    async run(target) {
      const shift = 3 * 86_400_000;
      const now = () => new Date(Date.now() + shift);
      target.advanceClock(shift);
      const committee = await signedIn(target, 'committee@example.com');
      const before = await expectFiguresMatchTheirLists(committee);
      for (const key of ['overdue', 'approved', 'acceptances_expired', 're_review_due'] as const) {
        expect(before.get(key)?.trend?.slice(0, 11).every((p) => p.value === null), key).toBe(true);
        expect(before.get(key)?.trend?.at(-1)?.value, key).toBe(before.get(key)?.value);
      }

      // Two passes (two instances, or a restart): four rows once.
      const [first, second] = await Promise.all([takeGovernanceSnapshot(target.store, now()), takeGovernanceSnapshot(target.store, now())]);
      expect(first + second).toBe(4);
      expect(await takeGovernanceSnapshot(target.store, now())).toBe(0);
      const month = new Date(Date.UTC(now().getUTCFullYear(), now().getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
      const rows = await target.store.listGovernanceSnapshots(month);
      expect(rows.map((r) => [r.month, r.figure, r.value]).sort()).toEqual([
        [month, 'acceptances_expired', before.get('acceptances_expired')?.value],
        [month, 'approved', before.get('approved')?.value],
        [month, 'overdue', before.get('overdue')?.value],
        [month, 're_review_due', before.get('re_review_due')?.value],
      ]);

      // The month's close, not today's value: the approval rolled back now changes this month only.
      expectStatus(await committee.post(`/api/packages/${cardFraud}/rollback`, { role: 'committee', reason }), 201);
      const after = await expectFiguresMatchTheirLists(committee);
      const approved = after.get('approved')?.trend ?? [];
      expect(approved.at(-2)).toEqual({ month, value: 1 });
      expect(approved.at(-1)?.value).toBe(0);
      expect(after.get('approved')?.trendMeasure).toBe('At the close of each month: models with all approvals');
    },
  },
];
