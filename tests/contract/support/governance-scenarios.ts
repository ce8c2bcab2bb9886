import { expect } from 'vitest';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { dashboardSchema } from '#domain/contracts/dashboard.ts';
import { findingRegisterSchema, type Finding } from '#domain/contracts/findings.ts';
import type { GovernanceFigure, GovernanceFigureKey } from '#domain/contracts/governance.ts';
import { packageListSchema, packageVersionSchema } from '#domain/contracts/packages.ts';
import { problemSchema } from '#domain/contracts/problem.ts';
import type { Client } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { riskAnswers } from './risk-assessment-scenarios.ts';
import { activeReviewer, detailOf, lenient, mortgage, strict, submitted } from './approval-gating-scenarios.ts';
import { creditRiskAnswers } from '#demo/fresh-packages.ts';
import { retailCreditPdV1 } from '#demo/retail-credit-pd.ts';
import { expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';
import { changeAsDirect } from './catalogue-proposals.ts';

// The governance metrics of the committee dashboard (issue 23, decision record 0117) against
// the mocks, SQLite and PostgreSQL: every figure equals the number of rows of the list its link
// opens, on the demo data and after known changes (a risk assessment, a confirmed tier
// override, a risk acceptance that runs out).

const clinical = 'pkg_clinical_deterioration_risk';
const day = 86_400_000;

async function figuresOf(client: Client): Promise<Map<GovernanceFigureKey, GovernanceFigure>> {
  const reply = await client.get('/api/dashboard');
  expectStatus(reply, 200);
  const dashboard = dashboardSchema.parse(reply.body);
  return new Map(dashboard.governance.figures.map((f) => [f.key, f]));
}

/** How many rows the list behind a figure has, read from the API the linked page calls. */
async function countBehind(client: Client, figure: GovernanceFigure): Promise<number> {
  const link = figure.link;
  switch (link.list) {
    case 'packages': {
      const query = new URLSearchParams({ governance: link.query.governance });
      if (link.query.riskTier !== undefined) query.set('riskTier', String(link.query.riskTier));
      const reply = await client.get(`/api/packages?${query.toString()}`);
      expectStatus(reply, 200);
      return packageListSchema.parse(reply.body).items.length;
    }
    case 'findings': {
      const reply = await client.get(`/api/inventory/findings?${new URLSearchParams(link.query).toString()}`);
      expectStatus(reply, 200);
      const register = findingRegisterSchema.parse(reply.body);
      expect(register.items).toHaveLength(register.total);
      return register.total;
    }
    case 'audit': {
      const reply = await client.get(`/api/audit?${new URLSearchParams(link.query).toString()}`);
      expectStatus(reply, 200);
      const page = auditPageSchema.parse(reply.body);
      expect(page.items).toHaveLength(page.total);
      return page.total;
    }
  }
}

/** Every figure is the size of its list; a share's denominator is the number of models. */
export async function expectFiguresMatchTheirLists(client: Client): Promise<Map<GovernanceFigureKey, GovernanceFigure>> {
  const figures = await figuresOf(client);
  const models = (packageListSchema.parse((await client.get('/api/packages?governance=current')).body)).items.length;
  for (const f of figures.values()) {
    expect({ key: f.key, count: await countBehind(client, f) }).toEqual({ key: f.key, count: f.value });
    if (f.of !== null) expect({ key: f.key, of: f.of }).toEqual({ key: f.key, of: models });
    if (f.trend) expect(f.trend).toHaveLength(12);
  }
  return figures;
}

const values = (figures: Map<GovernanceFigureKey, GovernanceFigure>) => Object.fromEntries([...figures].map(([key, f]) => [key, f.value]));

const demo = { tier_1: 2, tier_2: 2, tier_3: 0, tier_4: 0, pending: 3, overdue: 1, complete: 3, assessed: 4, approved: 1, blocking_failed: 0, overridden: 0, acceptances_expired: 0, re_review_due: 0 };
const dayFrom = (now: number, days: number) => new Date(now + days * day).toISOString().slice(0, 10);
const lastMonth = (f: GovernanceFigure | undefined) => f?.trend?.at(-1)?.value;

export const governanceScenarios: Scenario[] = [
  {
    name: 'governance metrics: every dashboard figure equals the rows of the list its link opens, on the demo data and after an assessment, a confirmed override and a lapsed acceptance',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const before = await expectFiguresMatchTheirLists(committee);
      expect(values(before)).toMatchObject(demo);
      expect(before.get('complete')?.of).toBe(4);
      // Every figure has a trend: the state figures from monthly snapshots (none taken yet: only this month's value, now).
      expect([...before.values()].filter((f) => f.trend === null).map((f) => f.key)).toEqual([]);
      expect(before.get('overdue')?.trend?.map((p) => p.value)).toEqual([...Array<null>(11).fill(null), 1]);

      // An assessment, and a tier override privacy asks for and model risk confirms, on the clinical package.
      const elena = await signedIn(target, 'model-risk@example.com');
      const privacy = await signedIn(target, 'privacy@example.com');
      // The demo world assessed every package once (an approval needs it): this is the clinical package's second.
      expectStatus(await elena.post(`/api/packages/${clinical}/risk-assessments`, { answers: riskAnswers() }), 201);
      expectStatus(await privacy.post(`/api/packages/${clinical}/risk-assessments/2/override`, { tier: 1, reason: 'Bedside alerts: critical whatever the controls.', role: 'privacy' }), 201);
      const requestedOnly = await figuresOf(committee);
      // Requested is not applied: no override counts until it is confirmed.
      expect(requestedOnly.get('overridden')?.value).toBe(0);
      expect(requestedOnly.get('assessed')?.value).toBe(4);
      expectStatus(await elena.post(`/api/packages/${clinical}/risk-assessments/2/override/confirmation`, { role: 'model_risk' }), 200);

      // A risk accepted for two days, which then runs out.
      const raised = await elena.post(`/api/packages/${clinical}/findings`, {
        versionNumber: 1,
        sectionKey: 'evaluation',
        title: 'Night-shift sensitivity not shown',
        description: 'Sensitivity at night is not reported.',
        severity: 'medium',
        type: 'validation_finding',
        ownerId: 'usr_owner',
        dueDate: dayFrom(Date.now(), 30),
      });
      expectStatus(raised, 201);
      const finding = raised.body as Finding;
      const accepted = await elena.post(`/api/packages/${clinical}/findings/${finding.id}/transitions`, { revision: finding.revision, to: 'risk_accepted', rationale: 'Covered by the rapid response team.', expiresOn: dayFrom(Date.now(), 2) });
      expectStatus(accepted, 201);

      const after = await expectFiguresMatchTheirLists(committee);
      expect(values(after)).toMatchObject({ ...demo, overridden: 1, acceptances_expired: 0 });
      // The trend counts this month's assessments: one more than before. The demo's are dated with
      // their packages, days before the seed, so in a month's first days some fall in this month.
      expect(lastMonth(after.get('assessed'))).toBe((lastMonth(before.get('assessed')) ?? 0) + 1);
      expect(lastMonth(before.get('overridden'))).toBe(0);
      expect(lastMonth(after.get('overridden'))).toBe(1);
      const tiers = (['tier_1', 'tier_2', 'tier_3', 'tier_4'] as const).map((key) => after.get(key)?.value ?? 0);
      expect(tiers.reduce((a, b) => a + b, 0)).toBe(4);

      target.advanceClock(3 * day);
      const later = await signedIn(target, 'committee@example.com');
      const lapsed = await expectFiguresMatchTheirLists(later);
      expect(lapsed.get('acceptances_expired')?.value).toBe(1);
      // The register's filter, read directly: that finding and no other.
      const register = findingRegisterSchema.parse((await later.get('/api/inventory/findings?acceptanceExpired=true')).body);
      expect(register.items.map((f) => f.id)).toEqual([finding.id]);
    },
  },
  {
    name: 'governance metrics: a blocking failure found by a re-check counts, in the figure and its list (decision record 0155); a new package counts as a change this month, with its list (0156)',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await changeAsDirect(target, '/api/policies', lenient), 201);
      expectStatus(await changeAsDirect(target, '/api/policies', strict), 201);
      const before = await expectFiguresMatchTheirLists(committee);
      const idsOf = async (list: string) => packageListSchema.parse((await committee.get(`/api/packages?governance=${list}`)).body).items.map((p) => p.id);

      // A new model, declared tier 3: passes the lenient policy at submission. A change this month, no violation.
      const id = await submitted(owner, mortgage(retailCreditPdV1, 'mortgage-governance', 3));
      const submittedOnly = await expectFiguresMatchTheirLists(committee);
      expect(submittedOnly.get('changes_this_month')?.value).toBe((before.get('changes_this_month')?.value ?? 0) + 1);
      expect(lastMonth(submittedOnly.get('changes_this_month'))).toBe((lastMonth(before.get('changes_this_month')) ?? 0) + 1);
      expect(await idsOf('changed')).toContain(id);
      expect(submittedOnly.get('blocking_failed')?.value).toBe(before.get('blocking_failed')?.value);
      expect(await idsOf('blocking_failed')).not.toContain(id);

      // The assessment puts it in tier 1: re-checked against the strict policy, it fails a blocking bar.
      expectStatus(await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() }), 201);
      const rechecked = await expectFiguresMatchTheirLists(committee);
      expect(rechecked.get('blocking_failed')?.value).toBe((before.get('blocking_failed')?.value ?? 0) + 1);
      expect(await idsOf('blocking_failed')).toContain(id);
      // The trend counts the checks made in the month that found a blocking failure: the re-check is one.
      expect(lastMonth(rechecked.get('blocking_failed'))).toBe((lastMonth(before.get('blocking_failed')) ?? 0) + 1);
      // A re-check is not a change: no version was submitted.
      expect(rechecked.get('changes_this_month')?.value).toBe(submittedOnly.get('changes_this_month')?.value);
    },
  },
  {
    name: 'governance metrics: a version no policy checked at submission, re-checked after its assessment, has that check in effect everywhere: its page, the approval gate, the figure and its list (decision record 0152)',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      // Only the strict policy (tier 1): a mortgage model declared tier 3 is checked by none at submission.
      expectStatus(await changeAsDirect(target, '/api/policies', strict), 201);
      const before = await expectFiguresMatchTheirLists(committee);
      const id = await submitted(owner, mortgage(retailCreditPdV1, 'mortgage-unchecked', 3));
      const versionPolicy = async () => packageVersionSchema.parse((await owner.get(`/api/packages/${id}/versions/1`)).body).policy;
      expect(await versionPolicy()).toBeNull();

      // Model risk's assessment puts it in tier 1: the strict policy now applies and the version fails its fairness bar.
      expectStatus(await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() }), 201);
      expect(await versionPolicy()).toMatchObject({ policy: { key: 'mortgage-strict', version: 1 }, outcome: 'flagged', reresolved: { tier: 1, assessment: 1, from: null } });
      expect((await detailOf(owner, id)).governanceBlockers.map((b) => b.kind)).toEqual(['policy_requirement']);
      const { client, draft } = await activeReviewer(target, id, 'approve');
      const refused = await sign(client, await payloadFor(client, draft));
      expectStatus(refused, 409);
      expect(problemSchema.parse(refused.body).governanceBlockers?.map((b) => b.kind)).toEqual(['policy_requirement']);
      // The figure counts the same check as the page and the gate.
      const after = await expectFiguresMatchTheirLists(committee);
      expect(after.get('blocking_failed')?.value).toBe((before.get('blocking_failed')?.value ?? 0) + 1);
      expect(packageListSchema.parse((await committee.get('/api/packages?governance=blocking_failed')).body).items.map((p) => p.id)).toContain(id);
    },
  },
  {
    name: 'governance metrics: the audit chain trend is the log size at the last tree head signed in each month, none where no head was signed (decision record 0156)',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const chainOf = async () => dashboardSchema.parse((await committee.get('/api/dashboard')).body).governance.auditChain;
      const before = await chainOf();
      expect(before.trend).toHaveLength(12);
      // The eleven months before this one have no head in a fresh world.
      expect(before.trend.slice(0, 11).map((p) => p.value)).toEqual(Array<null>(11).fill(null));
      const head = await committee.get('/api/audit/tree-head');
      expectStatus(head, 200);
      const { treeSize } = head.body as { treeSize: number };
      expect((await chainOf()).trend.at(-1)?.value).toBe(treeSize);
      // A later head, over a longer log, is the month's point.
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${clinical}/risk-assessments`, { answers: riskAnswers() }), 201);
      const later = (await committee.get('/api/audit/tree-head')).body as { treeSize: number };
      expect(later.treeSize).toBeGreaterThan(treeSize);
      expect((await chainOf()).trend.at(-1)?.value).toBe(later.treeSize);
    },
  },
  {
    name: 'governance metrics: an unknown governance list or a bad acceptance flag is refused at its field',
    async run(target) {
      const committee = await signedIn(target, 'committee@example.com');
      const list = await committee.get('/api/packages?governance=everything');
      expectStatus(list, 400);
      expect(JSON.stringify(list.body)).toContain('/query/governance');
      const flag = await committee.get('/api/inventory/findings?acceptanceExpired=yes');
      expectStatus(flag, 400);
      expect(JSON.stringify(flag.body)).toContain('/query/acceptanceExpired');
    },
  },
];
