import { expect } from 'vitest';
import { retailCreditPdV1, retailCreditPdV2 } from '#demo/retail-credit-pd.ts';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { packageDetailSchema, packageVersionSchema } from '#domain/contracts/packages.ts';
import { policyListSchema, policyVersionEntrySchema, type PolicyEvaluation, type PublishPolicyRequest } from '#domain/contracts/policies.ts';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import { approvalRecordSchema } from '#domain/contracts/record.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';
import { verifyRecordPolicy } from '../../independent/policy-verifier.ts';
import { origin, type Client, type Reply, type Target } from './client.ts';
import { rejectClinical, revised } from './resubmission-scenarios.ts';
import type { Scenario } from './scenarios.ts';
import { accounts, expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';
import { expectRecordValidBesidesDemonstration } from './verdicts.ts';
import { changeAsDirect } from './catalogue-proposals.ts';

// Governance policies against the mocks, SQLite and PostgreSQL: the organisation's thresholds,
// not the owner's, decide whether a submission enters review. The scenarios use a business
// line of their own (mortgages) so that they never share a scope with a demo policy.

const clinical = 'pkg_clinical_deterioration_risk';

const errorsOf = (reply: Reply) => (reply.body as { errors?: { pointer: string; message: string; code?: string }[] }).errors ?? [];
const pointers = (reply: Reply) => errorsOf(reply).map((e) => e.pointer);

export function mortgagePolicy(overrides: Partial<PublishPolicyRequest> = {}): PublishPolicyRequest {
  return {
    key: 'mortgage-credit',
    name: 'Mortgage credit models',
    scope: { riskTiers: [1], businessLines: ['Mortgages'] },
    onBlockingFailure: 'refuse',
    metrics: [
      { metric: 'auc', operator: '>=', value: 0.75, enforcement: 'blocking' },
      { metric: 'ece', operator: '<=', value: 0.001, enforcement: 'advisory' },
    ],
    subgroupMetrics: [{ metric: 'approval-ratio', operator: '>=', value: 0.8, enforcement: 'blocking' }],
    requiredSections: [],
    ...overrides,
  };
}

/** A demo retail credit version re-labelled as a mortgage model of its own. */
export function mortgagePackage(source: PackageContent, modelKey: string, change?: (content: PackageContent) => void): { modelKey: string; versionLabel: string; content: PackageContent } {
  const content = structuredClone(source);
  const [id] = content.sections;
  if (id?.kind !== 'identification') throw new Error('identification first');
  id.modelKey = modelKey;
  id.versionLabel = '1.0';
  id.businessLine = 'Mortgages';
  change?.(content);
  return { modelKey, versionLabel: '1.0', content };
}

async function publish(target: Target, request: unknown, status = 201) {
  const reply = await changeAsDirect(target, '/api/policies', request);
  expectStatus(reply, status);
  if (status === 201) expect(policyVersionEntrySchema.safeParse(reply.body).success).toBe(true);
  return reply;
}

async function policyOf(client: Client, packageId: string, n: number): Promise<PolicyEvaluation | null> {
  return packageVersionSchema.parse((await client.get(`/api/packages/${packageId}/versions/${n}`)).body).policy;
}

async function packageCount(client: Client): Promise<number> {
  return ((await client.get('/api/packages')).body as { items: unknown[] }).items.length;
}

export const policyScenarios: Scenario[] = [
  {
    name: 'policies: a blocking threshold refuses entry into review, naming the policy version and each failure at its field; nothing is stored',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      const published = policyVersionEntrySchema.parse((await publish(target, mortgagePolicy())).body);
      expect(published).toMatchObject({ policy: { key: 'mortgage-credit', version: 1 }, current: true, publishedBy: { id: 'usr_admin_deputy' } });
      const before = await packageCount(owner);

      const refused = await owner.post('/api/packages', mortgagePackage(retailCreditPdV1, 'mortgage-pd'));
      expectStatus(refused, 422);
      expect(refused.contentType).toMatch(/application\/problem\+json/);
      const problem = refused.body as { type: string; detail: string; policy: PolicyEvaluation };
      expect(problem.type).toMatch(/policy-refused$/);
      expect(problem.detail).toMatch(/mortgage-credit version 1/);
      expect(problem.policy).toMatchObject({ policy: { key: 'mortgage-credit', version: 1 }, outcome: 'refused' });
      // The 62+ approval ratio (0.78) fails the blocking bar; the advisory ECE bar is listed too.
      const subgroupIndex = retailCreditPdV1.sections.findIndex((s) => s.key === 'subgroup_fairness');
      const evaluationIndex = retailCreditPdV1.sections.findIndex((s) => s.key === 'evaluation');
      expect(pointers(refused)).toEqual([expect.stringMatching(new RegExp(`^/content/sections/${subgroupIndex}/rows/\\d+/values/approval-ratio$`)), expect.stringMatching(new RegExp(`^/content/sections/${evaluationIndex}/metrics/\\d+/value$`))]);
      expect(errorsOf(refused)[0]?.message).toMatch(/approval-ratio.*62.*0\.78.*at least 0\.8.*blocking/);
      expect(errorsOf(refused)[1]?.message).toMatch(/ece.*advisory/);
      expect(await packageCount(owner)).toBe(before);

      // The remediated model enters review; the version carries the check, and its audit entry names the policy.
      const admitted = await owner.post('/api/packages', mortgagePackage(retailCreditPdV2, 'mortgage-pd'));
      expectStatus(admitted, 201);
      const id = (admitted.body as { package: { id: string } }).package.id;
      const evaluation = await policyOf(owner, id, 1);
      expect(evaluation).toMatchObject({ policy: { key: 'mortgage-credit', version: 1 }, outcome: 'pass' });
      expect(evaluation?.checks.find((c) => c.subject === 'ece')).toMatchObject({ status: 'fail', enforcement: 'advisory' });
      const audit = auditPageSchema.parse((await admin.get(`/api/audit?action=package.submitted`)).body);
      expect(audit.items.find((e) => e.subject === id)?.after).toMatchObject({ policy: { key: 'mortgage-credit', version: 1, outcome: 'pass' } });
    },
  },
  {
    name: "policies: judged by the organisation's number, not the owner's; a weaker owner threshold and a missing metric are named",
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      await publish(target, mortgagePolicy({ onBlockingFailure: 'enter_review_flagged', metrics: [{ metric: 'auc', operator: '>=', value: 0.75, enforcement: 'blocking' }, { metric: 'auprc', operator: '>=', value: 0.3, enforcement: 'blocking' }] }));
      const lowered = mortgagePackage(retailCreditPdV2, 'mortgage-lgd', (content) => {
        const table = content.sections.find((s) => s.key === 'evaluation');
        if (table?.kind !== 'metric_table') throw new Error('metric table');
        table.metrics = table.metrics.map((m) => (m.key === 'auc' ? { ...m, value: 0.6, threshold: { operator: '>=', value: 0.5 } } : m));
      });
      const reply = await owner.post('/api/packages', lowered);
      expectStatus(reply, 201);
      const id = (reply.body as { package: { id: string } }).package.id;
      const evaluation = await policyOf(owner, id, 1);
      expect(evaluation?.outcome).toBe('flagged');
      expect(evaluation?.checks.find((c) => c.subject === 'auc')).toMatchObject({ status: 'fail', actual: 0.6, required: { operator: '>=', value: 0.75 }, weakerOwnerThreshold: { operator: '>=', value: 0.5 } });
      expect(evaluation?.checks.find((c) => c.subject === 'auprc')).toMatchObject({ status: 'missing', enforcement: 'blocking' });
    },
  },
  {
    name: 'policies: bad policies are refused with a pointer per problem, and nothing is published',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const base = mortgagePolicy();
      await publish(target, base);
      const listed = async () => policyListSchema.parse((await admin.get('/api/policies')).body).items.length;
      const before = await listed();
      const cases: [unknown, string[]][] = [
        [{ ...base, key: 'other', metrics: [{ ...base.metrics[0], metric: 'horoscope' }] }, ['/change/metrics/0/metric']],
        [{ ...base, key: 'other', metrics: [{ ...base.metrics[0], operator: '=~' }] }, ['/change/metrics/0/operator']],
        [{ ...base, key: 'other', metrics: [base.metrics[0], base.metrics[0]] }, ['/change/metrics/1']],
        [{ ...base, key: 'other', scope: { riskTiers: [] } }, ['/change/scope/riskTiers']],
        [{ ...base, key: 'other', scope: { riskTiers: [1, 2], businessLines: ['Mortgages'] } }, ['/change/scope/businessLines']],
        [{ ...base, key: 'other', metrics: [], subgroupMetrics: [], requiredSections: [] }, ['/change/metrics']],
        [{ ...base, replacesVersion: 0 }, ['/change/key']],
        [{ ...base, key: 'other', subgroupMetrics: [{ ...base.subgroupMetrics[0], subgroups: ['age-62-plus', 'age-62-plus'] }] }, ['/change/subgroupMetrics/0/subgroups/1']],
        [{ ...base, key: 'other', subgroupMetrics: [{ ...base.subgroupMetrics[0], subgroups: ['Age 62+'] }] }, ['/change/subgroupMetrics/0/subgroups/0']],
      ];
      for (const [body, expected] of cases) {
        const reply = await changeAsDirect(target, '/api/policies', body);
        expectStatus(reply, 422);
        expect(pointers(reply), JSON.stringify(body)).toEqual(expected);
      }
      expectStatus(await changeAsDirect(target, '/api/policies', base), 409);
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await owner.post('/api/policies', { ...base, key: 'mine' }), 403);
      expect(await listed()).toBe(before);
    },
  },
  {
    name: 'policies: a package in review keeps its policy version unless a newer one is published for packages in review',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      const strict = { key: 'clinical', name: 'Clinical models', scope: { riskTiers: [1], businessLines: ['Clinical operations'] }, onBlockingFailure: 'refuse', metrics: [{ metric: 'auprc', operator: '>=', value: 0.99, enforcement: 'blocking' }], subgroupMetrics: [], requiredSections: [] };
      await publish(target, strict);
      const decisionId = await rejectClinical(target);
      const answers = [
        { target: { kind: 'concern', decisionId, index: 0 }, answer: 'Calibration by decile added.', sectionKeys: ['evaluation'] },
        { target: { kind: 'concern', decisionId, index: 1 }, answer: 'Reweighted by age band.', sectionKeys: ['subgroup_fairness'] },
      ];
      // Published after the package entered review, and not for packages in review: not applied.
      const content = await revised(owner, clinical, 1, 'Calibration by decile added.');
      expectStatus(await owner.post(`/api/packages/${clinical}/versions`, { content, answers }), 201);
      expect(await policyOf(owner, clinical, 2)).toBeNull();

      // Version 2 of the policy reaches packages in review: the next resubmission is checked, and refused.
      const second = policyVersionEntrySchema.parse((await publish(target, { ...strict, appliesToPackagesInReview: true, replacesVersion: 1 })).body);
      expect(second.policy).toMatchObject({ key: 'clinical', version: 2, appliesToPackagesInReview: true });
      const listed = policyListSchema.parse((await admin.get('/api/policies')).body).items.filter((i) => i.policy.key === 'clinical');
      expect(listed.map((i) => [i.policy.version, i.current])).toEqual([[2, true], [1, false]]);
      const audit = auditPageSchema.parse((await admin.get('/api/audit?action=policy.published')).body);
      expect(audit.items.map((e) => [e.subject, (e.after as { version: number }).version, e.before === null])).toEqual([['clinical', 1, true], ['clinical', 2, false]]);

      const elena = await signedIn(target, 'model-risk@example.com');
      const concern = { sectionKey: 'evaluation', concern: 'The calibration table does not name its holdout.', requiredChange: 'Name the holdout.' };
      const rejected = await sign(elena, await payloadFor(elena, { packageId: clinical, versionNumber: 2, stepKey: 'model_risk', role: 'model_risk', decision: 'reject', reason: 'The holdout is not named.', concerns: [concern], signer: accounts.elena }));
      expectStatus(rejected, 201);
      const third = await revised(owner, clinical, 2, 'Calibration by decile on the temporal holdout.');
      const refused = await owner.post(`/api/packages/${clinical}/versions`, { content: third, answers: [{ target: { kind: 'concern', decisionId: (rejected.body as { id: string }).id, index: 0 }, answer: 'The temporal holdout.', sectionKeys: ['evaluation'] }] });
      expectStatus(refused, 422);
      expect((refused.body as { policy: PolicyEvaluation }).policy).toMatchObject({ policy: { key: 'clinical', version: 2 }, outcome: 'refused' });
      expect(errorsOf(refused).map((e) => e.code)).toEqual(['policy_failed']);
      expect(errorsOf(refused)[0]?.message).toMatch(/auprc.*0\.214.*at least 0\.99.*clinical version 2/);
      expect((await owner.get(`/api/packages/${clinical}`)).body).toMatchObject({ latestVersion: 2 });
    },
  },
  {
    name: 'policies: a required protected-class subgroup the package leaves out is a missing metric named by the subgroup; every copy of a metric is checked, the worst decides',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      const required = { metric: 'approval-ratio' as const, operator: '>=' as const, value: 0.8, enforcement: 'blocking' as const, subgroups: ['age-62-plus', 'race-black'] };
      await publish(target, mortgagePolicy({ metrics: [{ metric: 'auc', operator: '>=', value: 0.75, enforcement: 'blocking' }], subgroupMetrics: [required] }));
      const withoutOlder = (content: PackageContent) => {
        const table = content.sections.find((s) => s.kind === 'subgroup_table');
        if (table?.kind !== 'subgroup_table') throw new Error('subgroup table');
        table.rows = table.rows.filter((r) => r.key !== 'age-62-plus');
      };
      const before = await packageCount(owner);
      const refused = await owner.post('/api/packages', mortgagePackage(retailCreditPdV2, 'mortgage-ead', withoutOlder));
      expectStatus(refused, 422);
      const subgroupIndex = retailCreditPdV2.sections.findIndex((s) => s.key === 'subgroup_fairness');
      expect(errorsOf(refused).map((e) => [e.pointer, e.code])).toEqual([[`/content/sections/${subgroupIndex}/rows`, 'policy_missing']]);
      expect(errorsOf(refused)[0]?.message).toMatch(/approval-ratio.*for age-62-plus is required \(at least 0\.8\) and not reported.*mortgage-credit version 1, blocking/);
      expect(await packageCount(owner)).toBe(before);

      // The AUC reported twice, the second copy below the bar: refused at that copy, both listed.
      const evaluationIndex = retailCreditPdV2.sections.findIndex((s) => s.key === 'evaluation');
      const twice = mortgagePackage(retailCreditPdV2, 'mortgage-ead', (content) => {
        const table = content.sections[evaluationIndex];
        if (table?.kind !== 'metric_table') throw new Error('metric table');
        const auc = table.metrics.find((m) => m.key === 'auc');
        if (!auc) throw new Error('auc');
        table.metrics.push({ ...auc, value: 0.7 });
      });
      const conflicting = await owner.post('/api/packages', twice);
      expectStatus(conflicting, 422);
      const aucCopy = twice.content.sections[evaluationIndex];
      if (aucCopy?.kind !== 'metric_table') throw new Error('metric table');
      expect(pointers(conflicting)).toEqual([`/content/sections/${evaluationIndex}/metrics/${aucCopy.metrics.length - 1}/value`]);
      expect(errorsOf(conflicting)[0]?.message).toMatch(/"auc" is 0\.7.*reported 2 times with different values/);
      expect((conflicting.body as { policy: PolicyEvaluation }).policy.checks[0]).toMatchObject({ subject: 'auc', actual: 0.7, conflictingCopies: [{ section: 'evaluation' }, { section: 'evaluation', value: 0.7 }] });

      // The same subgroup requirement as advisory: enters review, the missing group listed.
      await publish(target, mortgagePolicy({ metrics: [{ metric: 'auc', operator: '>=', value: 0.75, enforcement: 'blocking' }], subgroupMetrics: [{ ...required, enforcement: 'advisory' }], replacesVersion: 1 }));
      const admitted = await owner.post('/api/packages', mortgagePackage(retailCreditPdV2, 'mortgage-ead', withoutOlder));
      expectStatus(admitted, 201);
      const evaluation = await policyOf(owner, (admitted.body as { package: { id: string } }).package.id, 1);
      expect(evaluation).toMatchObject({ policy: { key: 'mortgage-credit', version: 2 }, outcome: 'pass' });
      expect(evaluation?.checks.filter((c) => c.status !== 'pass').map((c) => [c.subject, c.subgroup, c.status, c.enforcement])).toEqual([['approval-ratio', 'age-62-plus', 'missing', 'advisory']]);
      expect(evaluation?.checks.find((c) => c.subject === 'auc')).toMatchObject({ status: 'pass', declared: { operator: '>=', value: 0.75 } });
    },
  },
  {
    name: 'policies: the approval record carries each version\'s policy results, held to the content and to the digest the decision signed, by the app\'s verifier and an independent one',
    async run(target) {
      const retail = 'pkg_retail_credit_pd';
      const dana = await signedIn(target, 'fair-lending@example.com');
      const evaluation = packageVersionSchema.parse((await dana.get(`/api/packages/${retail}/versions/2`)).body).policy;
      if (!evaluation) throw new Error('the retail credit version 2 is checked against the consumer credit policy');
      const step = packageDetailSchema.parse((await dana.get(`/api/packages/${retail}`)).body).steps.find((s) => s.status === 'active');
      if (step?.role !== 'fair_lending') throw new Error(`The retail credit package waits for ${step?.role ?? 'nobody'}, not fair lending`);
      const draft = { packageId: retail, versionNumber: 2, stepKey: step.key, role: 'fair_lending' as const, decision: 'approve' as const, signer: accounts.dana };
      expectStatus(await sign(dana, await payloadFor(dana, draft)), 201);

      const response = await target.fetch(new Request(`${origin}/api/packages/${retail}/record`, { headers: { cookie: `${sessionCookieName}=${dana.cookie ?? ''}` } }));
      const text = await response.text();
      expect(response.status, text.slice(0, 300)).toBe(200);
      const record = approvalRecordSchema.parse(JSON.parse(text));
      expect(record.versions.map((v) => v.policy?.policy.version)).toEqual([1, 1]);
      expect(record.versions[1]?.policy).toEqual(evaluation);
      // Beside the results, the policy version they are of, as published (0166).
      const published = policyVersionEntrySchema.parse((await dana.get('/api/policies/consumer-credit/versions/1')).body).policy;
      expect(record.versions.map((v) => v.policyDefinition)).toEqual([published, published]);
      // Each requirement: metric, the policy's bar, the package's value, the owner's bar, result, enforcement.
      expect(record.versions[1]?.policy?.checks.find((c) => c.subject === 'auc')).toMatchObject({ required: { operator: '>=', value: 0.75 }, actual: 0.774, declared: { operator: '>=', value: 0.75 }, status: 'pass', enforcement: 'blocking' });
      expect(record.versions[0]?.policy?.checks.find((c) => c.subgroupKey === 'age-62-plus')).toMatchObject({ actual: 0.78, status: 'fail', enforcement: 'blocking' });

      const keys = ((await dana.get('/api/keys')).body as { keys: ServerKey[] }).keys;
      const verdict = await verifyRecordText(text, { trustedKeys: keys });
      expectRecordValidBesidesDemonstration(verdict);
      expect(verdict.checks.filter((c) => c.label.startsWith('Policy results')).map((c) => [c.label, c.ok])).toEqual([
        ['Policy results of version 1 (consumer-credit version 1)', true],
        ['Policy results of version 2 (consumer-credit version 1)', true],
      ]);
      const independent = verifyRecordPolicy(text);
      const signedChecks = record.decisions.filter((d) => d.signature?.payload.governance?.policy);
      expect(signedChecks.map((d) => d.actor.id)).toContain(accounts.dana.id);
      expect(independent).toMatchObject({ ok: true, problems: [], digestsMatched: signedChecks.length });
      expect(independent.resultsChecked).toBe(record.versions.reduce((n, v) => n + (v.policy?.checks.length ?? 0), 0));

      // A result rewritten to pass: both verifiers catch it, against the content and the signed digest.
      const forged = structuredClone(record);
      const failing = forged.versions[0]?.policy?.checks.find((c) => c.subgroupKey === 'age-62-plus');
      if (!failing) throw new Error('the 62+ result');
      failing.status = 'pass';
      expect(verifyRecordPolicy(JSON.stringify(forged)).problems).toEqual(
        expect.arrayContaining([expect.stringMatching(/version 1: subgroup_metric approval-ratio\/age-62-plus status recorded "pass", recomputed "fail"/), expect.stringMatching(/^decision .*(version 1's results hash to|the check in effect at audit entry)/)]),
      );
      const approvedResult = forged.versions[1]?.policy?.checks.find((c) => c.subject === 'auc');
      if (!approvedResult) throw new Error('the AUC result');
      approvedResult.actual = 0.9;
      expect(verifyRecordPolicy(JSON.stringify(forged)).problems).toEqual(expect.arrayContaining([expect.stringMatching(/version 2: metric auc actual recorded 0\.9, recomputed 0\.774/), expect.stringMatching(/^decision .*(signed digest|the check in effect at audit entry)/)]));
      const own = await verifyRecordText(JSON.stringify(forged), { trustedKeys: keys });
      expect(own.checks.filter((c) => c.label.startsWith('Policy results') && !c.ok).map((c) => c.label)).toEqual(['Policy results of version 1 (consumer-credit version 1)', 'Policy results of version 2 (consumer-credit version 1)']);

      // The evidence the policy requires (0157), cited in both versions: a result pointed at a reference that does not cite it is caught by both.
      expect(record.versions[1]?.policy?.checks.find((c) => c.kind === 'evidence' && c.subject === 'fair-lending-citation')).toMatchObject({ status: 'pass', enforcement: 'blocking', evidence: { reference: { key: 'reg-b-1002-4' } } });
      const misattributed = structuredClone(record);
      const evidence = misattributed.versions[0]?.policy?.checks.find((c) => c.kind === 'evidence' && c.subject === 'fair-lending-citation');
      if (!evidence?.evidence?.reference) throw new Error('the fair-lending evidence result');
      evidence.evidence.reference.key = 'fcra-604';
      expect(verifyRecordPolicy(JSON.stringify(misattributed)).problems).toEqual(expect.arrayContaining([expect.stringMatching(/version 1: evidence fair-lending-citation evidence recorded .*"fcra-604".*, recomputed .*"reg-b-1002-4"/)]));
      const ownEvidence = await verifyRecordText(JSON.stringify(misattributed), { trustedKeys: keys });
      expect(ownEvidence.checks.find((c) => c.label === 'Policy results of version 1 (consumer-credit version 1)')?.detail).toMatch(/evidence fair-lending-citation: evidence .*"fcra-604".* where the policy gives .*"reg-b-1002-4"/);
    },
  },
];
