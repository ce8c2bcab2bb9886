import { approvableCreditContent, creditRiskAnswers } from '#demo/fresh-packages.ts';
import { expect } from 'vitest';
import { dashboardSchema, type Dashboard } from '#domain/contracts/dashboard.ts';
import type { DecisionKind } from '#domain/contracts/decisions.ts';
import type { Finding } from '#domain/contracts/findings.ts';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { dashboardFindings } from '#domain/findings/dashboard-findings.ts';
import { inDerivedList } from '#domain/governance/governance-figures.ts';
import { committeeDashboard } from '#domain/workflow/committee-dashboard.ts';
import { loadPackageFacts, summarize, toActor, usersById } from '#api/package-access/views.ts';
import type { Store } from '#api/store/store.ts';
import type { Client } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';
import { seededRandom } from '../../support/seeded-random.ts';

// The committee dashboard's figures and lists, which the server counts and selects in SQL
// over the summary table (decision record 0145), against the pure dashboard computed from
// scratch over every package's facts, after a seeded random sequence of writes and clock moves
// (new packages of one model, signatures of every kind, findings, accepted risks), on the
// mocks, SQLite and PostgreSQL.

const day = 86_400_000;
const dayFrom = (at: number, days: number) => new Date(at + days * day).toISOString().slice(0, 10);
const derivedLists = ['pending', 'overdue', 'approved', 're_review_due'] as const;

/** The dashboard as the pure functions give it from every package's facts at `at`, and the workflow-state governance figures. */
async function fromScratch(store: Store, at: Date) {
  const facts = await loadPackageFacts(store, await store.listPackages());
  const packages = facts.map((f) => {
    const { summary, state } = summarize(f, at);
    return { summary, steps: state.steps, decisions: f.decisions };
  });
  const users = await usersById(store);
  const summaries = new Map(packages.map((p) => [p.summary.id, p.summary]));
  const findings = dashboardFindings(await store.listFindings('all'), summaries, (id) => toActor(users.get(id), id), at);
  const current = new Set(await store.governanceListIds('current'));
  const rolledBack = new Set((await store.listPackageRollbacks('all')).map((r) => r.packageId));
  const derived = Object.fromEntries(derivedLists.map((list) => [list, packages.filter((p) => inDerivedList(list, p.summary, current.has(p.summary.id), rolledBack.has(p.summary.id))).length]));
  return { view: { ...committeeDashboard(packages, at), findings }, derived };
}

async function expectDashboardFromScratch(target: Parameters<Scenario['run']>[0], committee: Client, context: string): Promise<Dashboard> {
  const reply = await committee.get('/api/dashboard');
  expectStatus(reply, 200);
  const dashboard = dashboardSchema.parse(reply.body);
  const { view, derived } = await fromScratch(target.store, new Date(dashboard.generatedAt));
  const { governance, ...rest } = dashboard;
  expect(rest, context).toEqual(view);
  expect(Object.fromEntries(governance.figures.filter((f) => (derivedLists as readonly string[]).includes(f.key)).map((f) => [f.key, f.value])), context).toEqual(derived);
  return dashboard;
}

const emailOf = (role: Role) => `${role.replaceAll('_', '-')}@example.com`;

export const dashboardScratchScenarios: Scenario[] = [
  {
    name: 'dashboard: after a seeded random sequence of submissions, signatures, findings and clock moves, every figure and list equals the dashboard computed from scratch',
    async run(target) {
      const seed = 145;
      const random = seededRandom(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      let clock = Date.now();
      let clients = new Map<string, Client>();
      const client = async (email: string) => {
        const found = clients.get(email);
        if (found) return found;
        const fresh = await signedIn(target, email);
        clients.set(email, fresh);
        return fresh;
      };
      const packages = ['pkg_retail_credit_pd', 'pkg_clinical_deterioration_risk', 'pkg_card_fraud_detection', 'pkg_support_assistant_llm'];
      let submitted = 0;
      let written = 0;
      const steps: (() => Promise<boolean>)[] = [
        // A new version of the credit model: the model counts once, its older packages are no longer current.
        async () => {
          const versionLabel = `4.${++submitted}.0-rc.1`;
          // Compliant and assessed, so its steps can approve it (approval is gated by governance, 0141).
          const owner = await client('owner@example.com');
          const reply = await owner.post('/api/packages', { modelKey: 'retail-credit-pd', versionLabel, content: approvableCreditContent(versionLabel) });
          if (reply.status !== 201) return false;
          const id = (reply.body as { package: { id: string } }).package.id;
          packages.push(id);
          return (await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() })).status === 201;
        },
        // A signature of a random kind on a random package's current step, by its role.
        async () => {
          const packageId = pick(packages);
          const committee = await client('committee@example.com');
          const detail = (await committee.get(`/api/packages/${packageId}`)).body as PackageDetail;
          const step = detail.currentStep;
          if (!step) return false;
          const signer = await client(emailOf(step.role));
          const { user } = (await signer.get('/api/session')).body as { user: { id: string; displayName: string; title: string } };
          const decision = pick<DecisionKind>(['approve', 'approve', 'approve_with_conditions', 'reject', 'request_clarification']);
          const conditions = decision === 'approve_with_conditions' ? { conditions: { scope: 'As submitted', reReviewOn: dayFrom(clock, 1 + Math.floor(random() * 40)), text: 'Quarterly report.' } } : {};
          try {
            const payload = await payloadFor(signer, { packageId, versionNumber: detail.latestVersion, stepKey: step.key, role: step.role, decision, reason: 'Reviewed.', ...conditions, signer: { id: user.id, displayName: user.displayName, title: user.title } });
            return (await sign(signer, payload)).status === 201;
          } catch {
            // A payload the server will not prepare (a gate, an open clarification): the sequence goes on.
            return false;
          }
        },
        // A finding, due soon; sometimes accepted as a risk that runs out soon.
        async () => {
          const packageId = pick(packages);
          const elena = await client('model-risk@example.com');
          const raised = await elena.post(`/api/packages/${packageId}/findings`, {
            versionNumber: 1,
            sectionKey: 'evaluation',
            title: `Finding ${written}`,
            description: 'Not shown.',
            severity: pick(['critical', 'high', 'medium', 'low']),
            type: 'validation_finding',
            ownerId: 'usr_owner',
            dueDate: dayFrom(clock, 1 + Math.floor(random() * 10)),
          });
          if (raised.status !== 201) return false;
          if (random() < 0.5) return true;
          const finding = raised.body as Finding;
          const accepted = await elena.post(`/api/packages/${packageId}/findings/${finding.id}/transitions`, { revision: finding.revision, to: 'risk_accepted', rationale: 'Covered elsewhere.', expiresOn: dayFrom(clock, 1 + Math.floor(random() * 40)) });
          return accepted.status === 201;
        },
        // Days pass: steps fall overdue, re-reviews come due, findings and acceptances run out.
        () => {
          const days = 1 + Math.floor(random() * 6);
          target.advanceClock(days * day);
          clock += days * day;
          // Sessions may have ended: everyone signs in again.
          clients = new Map();
          return Promise.resolve(true);
        },
      ];
      const committee = async () => client('committee@example.com');
      const seen = new Set<string>();
      const note = (d: Dashboard) => {
        for (const [part, items] of Object.entries({ pending: d.pending.items, overdue: d.overdue.items, reReviews: d.reReviews, findingsOverdue: d.findings.overdue, acceptancesExpiring: d.findings.acceptancesExpiring })) if (items.length > 0) seen.add(part);
      };
      note(await expectDashboardFromScratch(target, await committee(), `seed ${seed}, before any write`));
      for (let round = 0; round < 6; round++) {
        for (let i = 0; i < 6; i++) if (await pick(steps)()) written++;
        note(await expectDashboardFromScratch(target, await committee(), `seed ${seed}, after ${written} writes`));
      }
      // The sequence did write, and every list was compared while it held something (a check that cannot pass on empty lists).
      expect(written).toBeGreaterThan(10);
      expect([...seen].sort()).toEqual(['acceptancesExpiring', 'findingsOverdue', 'overdue', 'pending', 'reReviews']);
    },
  },
];
