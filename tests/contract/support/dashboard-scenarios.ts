import { expect } from 'vitest';
import { approvableCreditContent } from '#demo/fresh-packages.ts';
import { dashboardListLimit, dashboardSchema, type Dashboard } from '#domain/contracts/dashboard.ts';
import { packageListSchema, type PackageSummary } from '#domain/contracts/packages.ts';
import { comparePending } from '#domain/workflow/committee-dashboard.ts';
import { Client, type Reply } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';

// GET /api/dashboard against the mocks, SQLite and PostgreSQL, on fresh demo data: retail
// credit (tier 1, fair lending active), clinical risk (tier 1, model risk overdue), card
// fraud (tier 2, approved with conditions, re-review in 358 days) and the support assistant
// (tier 2, waiting for a clarification).

const retail = 'pkg_retail_credit_pd';
const clinical = 'pkg_clinical_deterioration_risk';
const support = 'pkg_support_assistant_llm';
const day = 86_400_000;

function dashboardOf(reply: Reply): Dashboard {
  expectStatus(reply, 200);
  const parsed = dashboardSchema.safeParse(reply.body);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return reply.body as Dashboard;
}

export const dashboardScenarios: Scenario[] = [
  {
    name: 'the dashboard counts the demo packages by risk tier and lists pending, overdue and recent decisions',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const reply = await committee.get('/api/dashboard');
      const dashboard = dashboardOf(reply);
      expect(Object.keys(reply.body as object).sort()).toEqual(['byRiskTier', 'conditionsLapsed', 'emergencyFollowUps', 'findings', 'generatedAt', 'governance', 'overdue', 'pending', 'reReviews', 'recentDecisions']);
      expect(dashboard.byRiskTier).toEqual([
        { riskTier: 1, models: 2, inReview: 2, approved: 0, rejected: 0 },
        { riskTier: 2, models: 2, inReview: 1, approved: 1, rejected: 0 },
        { riskTier: 3, models: 0, inReview: 0, approved: 0, rejected: 0 },
        { riskTier: 4, models: 0, inReview: 0, approved: 0, rejected: 0 },
      ]);
      expect(dashboard.pending.items.map((p) => [p.id, p.status])).toEqual([
        [retail, 'in_review'],
        [clinical, 'in_review'],
        [support, 'clarification_requested'],
      ]);
      expect(dashboard.overdue.items.map((p) => [p.id, p.currentStep?.key, p.currentStep?.overdue])).toEqual([[clinical, 'model_risk', true]]);
      expect([dashboard.pending.total, dashboard.overdue.total, dashboard.conditionsLapsed.total]).toEqual([3, 1, 0]);
      // Card fraud's conditional approval is due for re-review in 358 days: not yet listed.
      expect(dashboard.reReviews).toEqual([]);
      // No emergency approval in the demo: the list is there, and empty.
      expect(dashboard.emergencyFollowUps).toEqual([]);
      expect(dashboard.recentDecisions).toHaveLength(11);
      expect(dashboard.recentDecisions[0]).toMatchObject({ packageId: retail, decision: 'approve', meaning: 'Approved', role: 'model_risk', actor: accounts.elena });
      const times = dashboard.recentDecisions.map((d) => d.decidedAt);
      expect(times).toEqual([...times].sort().reverse());

      // Administrators oversee too.
      dashboardOf(await (await signedIn(target, 'admin@example.com')).get('/api/dashboard'));
    },
  },
  {
    name: 'on the dashboard, a conditional approval shows as an upcoming re-review, then as due when its date comes',
    async run(target) {
      const elena = await signedIn(target, 'model-risk@example.com');
      const reReviewOn = new Date(Date.now() + 10 * day).toISOString().slice(0, 10);
      const payload = await payloadFor(elena, {
        packageId: clinical,
        versionNumber: 1,
        stepKey: 'model_risk',
        role: 'model_risk',
        decision: 'approve_with_conditions',
        reason: 'Calibration drift must be watched.',
        conditions: { scope: 'Adult inpatient units only', reReviewOn, text: 'Monthly calibration report.' },
        signer: accounts.elena,
      });
      expectStatus(await sign(elena, payload), 201);

      const committee = await signedIn(target, 'committee@example.com');
      const upcoming = dashboardOf(await committee.get('/api/dashboard'));
      expect(upcoming.reReviews).toEqual([{ packageId: clinical, modelName: 'Clinical Deterioration Risk (adult inpatient early warning)', versionLabel: '2.0.1', stepName: 'Model risk management', approvedBy: accounts.elena, reReviewOn, state: 'upcoming' }]);
      // Model risk approved: the clinical package waits on privacy now, and nothing is overdue.
      expect(upcoming.overdue).toEqual({ items: [], total: 0, link: { list: 'packages', query: { governance: 'overdue' } } });
      expect(upcoming.recentDecisions[0]).toMatchObject({ packageId: clinical, decision: 'approve_with_conditions', meaning: 'Approved with conditions' });

      target.advanceClock(11 * day);
      // Eleven days on, the session has ended: sign in again.
      const later = await signedIn(target, 'committee@example.com');
      const due = dashboardOf(await later.get('/api/dashboard'));
      expect(due.reReviews.map((r) => [r.packageId, r.state])).toEqual([[clinical, 'due']]);
    },
  },
  {
    name: 'the dashboard shows the first page of a list longer than a page, its size, and a link to the inventory list that pages through every package it counts',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      // The demo's 3 pending packages and enough new ones to pass a page.
      for (let i = 1; i <= dashboardListLimit; i++) {
        const versionLabel = `5.${i}.0`;
        expectStatus(await owner.post('/api/packages', { modelKey: 'retail-credit-pd', versionLabel, content: approvableCreditContent(versionLabel) }), 201);
      }
      const committee = await signedIn(target, 'committee@example.com');
      const { pending, governance } = dashboardOf(await committee.get('/api/dashboard'));
      const all = 3 + dashboardListLimit;
      expect(pending.total).toBe(all);
      expect(governance.figures.find((f) => f.key === 'pending')).toMatchObject({ value: all, link: pending.link });
      // The link's list, a few at a time by cursor: every pending package, once.
      const listed: PackageSummary[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/packages?governance=${pending.link.query.governance}&count=true&limit=4${cursor ? `&cursor=${cursor}` : ''}`;
        const page = packageListSchema.parse((await committee.get(query)).body);
        expect(page.total).toBe(all);
        listed.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(new Set(listed.map((p) => p.id)).size).toBe(all);
      // The dashboard's page is the list's first, in the list's order (oldest submission first).
      expect(pending.items.map((p) => p.id)).toEqual(listed.sort(comparePending).slice(0, dashboardListLimit).map((p) => p.id));
    },
  },
  {
    name: 'the dashboard is for oversight roles: a reviewer and an owner get 403, a stranger 401',
    async run(target) {
      for (const email of ['fair-lending@example.com', 'owner@example.com']) {
        const reply = await (await signedIn(target, email)).get('/api/dashboard');
        expectStatus(reply, 403);
        expect(JSON.stringify(reply.body)).not.toContain('byRiskTier');
      }
      expectStatus(await new Client(target).get('/api/dashboard'), 401);
    },
  },
];
