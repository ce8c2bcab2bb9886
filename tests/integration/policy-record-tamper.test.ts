import { describe, expect, it } from 'vitest';
import { retailCreditPdV1 } from '#demo/retail-credit-pd.ts';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import type { PublishPolicyRequest } from '#domain/contracts/policies.ts';
import { approvalRecordSchema, type ApprovalRecord } from '#domain/contracts/record.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { evaluateAgainstPolicy } from '#domain/policy/evaluate-against-policy.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';
import { Client, origin } from '../contract/support/client.ts';
import { mortgagePackage, mortgagePolicy } from '../contract/support/policy-scenarios.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { resigned } from '../support/resigned-record.ts';
import { verifyRecordPolicy } from '../independent/policy-verifier.ts';
import { changeAsDirect } from '../contract/support/catalogue-proposals.ts';

// Finding 4 of the governance review (docs/decisions/0166): policy results that do not follow
// from the content under the policy must fail both verifiers, even in a record the server
// signed itself (a server that lies, or a bug in its evaluation), where the record signature
// holds and only the recomputation can tell. Each tampered record is re-signed with the
// server's key, so the policy results check is the only one left to fail.

const defer = cleanUpAfterEach();

type Version = ApprovalRecord['versions'][number];
type Result = NonNullable<Version['policy']>['checks'][number];

/** The scenarios' mortgage policy with required rows for its blocking subgroup bar, a required section present and one absent, evidence cited and evidence missing (0157), entering review flagged. */
const strictPolicy: PublishPolicyRequest = mortgagePolicy({
  onBlockingFailure: 'enter_review_flagged',
  subgroupMetrics: [{ metric: 'approval-ratio', operator: '>=', value: 0.8, enforcement: 'blocking', subgroups: ['age-62-plus', 'race-black'] }],
  requiredSections: [
    { section: 'validation_findings', enforcement: 'blocking' },
    { section: 'model_card_appendix', enforcement: 'advisory' },
  ],
  requiredEvidence: [
    { key: 'fair-lending-citation', label: 'Regulation B citation', framework: 'Regulation B', needsLink: true, enforcement: 'blocking' },
    { key: 'dpia', label: 'Data protection impact assessment', framework: 'GDPR', needsLink: false, enforcement: 'advisory' },
  ],
});

async function exportRecord(target: { fetch: (r: Request) => Promise<Response> }, reader: Client, packageId: string): Promise<ApprovalRecord> {
  const response = await target.fetch(new Request(`${origin}/api/packages/${packageId}/record`, { headers: { cookie: `${sessionCookieName}=${reader.cookie ?? ''}` } }));
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  return approvalRecordSchema.parse(JSON.parse(text));
}

async function setUp() {
  const { app, target, store } = await seededSqliteApp(defer);
  const admin = new Client(target);
  expect((await admin.login('admin@example.com')).status).toBe(200);
  const owner = new Client(target);
  expect((await owner.login('owner@example.com')).status).toBe(200);
  expect((await changeAsDirect(target, '/api/policies', strictPolicy)).status).toBe(201);
  const submitted = await owner.post('/api/packages', mortgagePackage(retailCreditPdV1, 'mortgage-pd'));
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
  const mortgage = (submitted.body as { package: { id: string } }).package.id;
  const keys = ((await admin.get('/api/keys')).body as { keys: ServerKey[] }).keys;
  return { target: { fetch: async (r: Request) => app.fetch(r) }, store, admin, keys, mortgage };
}

function failingRow(version: Version | undefined): Result {
  const row = version?.policy?.checks.find((c) => c.subgroupKey === 'age-62-plus');
  if (!row || row.status !== 'fail' || row.enforcement !== 'blocking') throw new Error('the failing blocking 62+ row');
  return row;
}

function evidenceResult(version: Version | undefined, key: string): Result {
  const result = version?.policy?.checks.find((c) => c.kind === 'evidence' && c.subject === key);
  if (!result?.evidence) throw new Error(`the evidence result ${key}`);
  return result;
}

/** The three tamperings of finding 4, an edited definition and a moved evidence reference, each on the version at `index`. */
const tamperings: [string, (record: ApprovalRecord, index: number) => void, RegExp][] = [
  [
    '(a) the failing row turned to pass, its numbers removed',
    (record, index) => {
      const row = failingRow(record.versions[index]);
      row.status = 'pass';
      delete row.actual;
      delete row.required;
    },
    /age-62-plus.*status.*"pass".*"fail"/,
  ],
  [
    '(b) the failing blocking row deleted',
    (record, index) => {
      const evaluation = record.versions[index]?.policy;
      if (!evaluation) throw new Error('results');
      evaluation.checks = evaluation.checks.filter((c) => c !== failingRow(record.versions[index]));
    },
    /age-62-plus/,
  ],
  [
    '(c) the bar lowered to the value',
    (record, index) => {
      const row = failingRow(record.versions[index]);
      row.required = { operator: '>=', value: 0.78 };
      row.status = 'pass';
    },
    /age-62-plus.*required/,
  ],
  [
    '(d) the definition edited, the results kept',
    (record, index) => {
      const subgroup = record.versions[index]?.policyDefinition?.subgroupMetrics[0];
      if (!subgroup) throw new Error('definition');
      subgroup.value = 0.75;
    },
    // Under the lower bar every row passes: the recomputation gives "all" where the record lists the 62+ failure.
    /approval-ratio.*(all|age-62-plus)/,
  ],
  [
    '(e) an evidence result resting on a reference that does not cite it',
    (record, index) => {
      const result = evidenceResult(record.versions[index], 'fair-lending-citation');
      if (result.evidence) result.evidence.reference = { section: 'regulatory_references', key: 'ecoa' };
    },
    /evidence fair-lending-citation.*evidence.*"ecoa"/,
  ],
];

async function verdicts(text: string, keys: ServerKey[]) {
  const own = await verifyRecordText(text, { trustedKeys: keys });
  return { own, independent: verifyRecordPolicy(text) };
}

describe('policy results in the approval record (finding 4, 0166)', () => {
  it('an honest record of a package under subgroup and section requirements passes both verifiers; each tampering fails both at the recomputation', async () => {
    const { target, store, admin, keys, mortgage } = await setUp();
    const record = await exportRecord(target, admin, mortgage);
    const [version] = record.versions;
    expect(version?.policyDefinition).toMatchObject({ ...strictPolicy, version: 1 });
    expect(version?.policy?.outcome).toBe('flagged');
    expect(version?.policy?.checks.map((c) => [c.kind, c.subject, c.subgroupKey ?? c.subgroup ?? null, c.status])).toEqual([
      ['metric', 'auc', null, 'pass'],
      ['metric', 'ece', null, 'fail'],
      ['subgroup_metric', 'approval-ratio', 'age-62-plus', 'fail'],
      ['section', 'validation_findings', null, 'pass'],
      ['section', 'model_card_appendix', null, 'missing'],
      ['evidence', 'fair-lending-citation', null, 'pass'],
      ['evidence', 'dpia', null, 'missing'],
    ]);
    const honest = await verdicts(await resigned(store, record, () => undefined), keys);
    expect(honest.own.checks.filter((c) => !c.ok)).toEqual([]);
    expect(honest.own.checks.find((c) => c.label.startsWith('Policy results'))).toMatchObject({ label: 'Policy results of version 1 (mortgage-credit version 1)', ok: true });
    expect(honest.independent).toMatchObject({ ok: true, problems: [], resultsChecked: 7 });

    for (const [name, tamper, problem] of tamperings) {
      const { own, independent } = await verdicts(await resigned(store, record, (r) => tamper(r, 0)), keys);
      expect(own.checks.filter((c) => !c.ok).map((c) => c.label), name).toEqual(['Policy results of version 1 (mortgage-credit version 1)']);
      expect(own.checks.find((c) => !c.ok)?.detail, name).toMatch(problem);
      expect(independent.ok, name).toBe(false);
      expect(independent.problems.join('\n'), name).toMatch(problem);
    }
    // Missing evidence claimed as cited, on a reference the content has: it does not cite it.
    const claimed = await verdicts(
      await resigned(store, record, (r) => {
        const result = evidenceResult(r.versions[0], 'dpia');
        result.status = 'pass';
        if (result.evidence) result.evidence.reference = { section: 'regulatory_references', key: 'ecoa' };
      }),
      keys,
    );
    expect(claimed.own.checks.find((c) => !c.ok)?.detail).toMatch(/evidence dpia: status "pass" where the policy gives "missing"/);
    expect(claimed.independent.problems).toContain('version 1: evidence dpia status recorded "pass", recomputed "missing"');
    // With the outcome made to agree as well, deleting the row still leaves a requirement without its result.
    const hidden = await resigned(store, record, (r) => {
      tamperings[1]?.[1](r, 0);
      const evaluation = r.versions[0]?.policy;
      if (evaluation) evaluation.outcome = 'pass';
    });
    const { own, independent } = await verdicts(hidden, keys);
    expect(own.checks.find((c) => !c.ok)?.detail).toMatch(/requires a result for subgroup_metric approval-ratio \(age-62-plus\) \(fail\), the record has none; the outcome is pass, the policy gives flagged/);
    // The audit entry of the check also states its outcome and digest (0171): objections from the log.
    expect(independent.problems).toEqual(['version 1: no result recorded for subgroup_metric approval-ratio/age-62-plus, recomputed fail', 'version 1: outcome pass, recomputed flagged', expect.stringMatching(/^version 1: outcome pass, audit entry \d+ records flagged$/), expect.stringMatching(/^version 1: digest differs from audit entry \d+$/)]);
  }, 120_000);

  it('on a version its deciders signed, each tampering fails both verifiers; results edited with the definition to agree fail on the signed digest', async () => {
    const { target, store, admin, keys } = await setUp();
    const record = await exportRecord(target, admin, 'pkg_retail_credit_pd');
    const signers = record.decisions.filter((d) => d.versionNumber === 1 && d.signature?.payload.governance?.policy);
    expect(signers.length).toBeGreaterThan(0);
    const honest = await verdicts(await resigned(store, record, () => undefined), keys);
    expect(honest.own.checks.filter((c) => c.label.startsWith('Policy results') && !c.ok)).toEqual([]);
    expect(honest.independent).toMatchObject({ ok: true, digestsMatched: record.decisions.filter((d) => d.signature?.payload.governance?.policy).length });

    for (const [name, tamper, problem] of tamperings) {
      const { own, independent } = await verdicts(await resigned(store, record, (r) => tamper(r, 0)), keys);
      const failed = own.checks.filter((c) => c.label.startsWith('Policy results') && !c.ok);
      // An edited definition also differs from version 2's copy of the same policy version.
      expect(failed.map((c) => c.label), name).toEqual(['Policy results of version 1 (consumer-credit version 1)', ...(name.startsWith('(d)') ? ['Policy results of version 2 (consumer-credit version 1)'] : [])]);
      expect(failed[0]?.detail, name).toMatch(problem);
      expect(independent.problems.join('\n'), name).toMatch(problem);
    }
    // The bar lowered in every copy of the definition, and the results made exactly what it
    // gives: they agree with the content, but the deciders signed the results under the real bar.
    const consistent = await resigned(store, record, (r) => {
      for (const version of r.versions) {
        const definition = version.policyDefinition;
        const subgroup = definition?.subgroupMetrics[0];
        if (!definition || !subgroup || !version.policy) throw new Error('every version checked');
        subgroup.value = 0.75;
        const forged = evaluateAgainstPolicy(version.content, definition);
        Object.assign(version.policy, { outcome: forged.outcome, checks: forged.checks });
      }
    });
    const { own, independent } = await verdicts(consistent, keys);
    const failed = own.checks.filter((c) => c.label.startsWith('Policy results') && !c.ok);
    expect(failed.length).toBeGreaterThan(0);
    // Only the signed digests and the log object: every part of the detail is a decision and the
    // check it signed, or the audit entry stating the outcome the check really had (0171).
    for (const check of failed) {
      const parts = check.detail.replace(/^\/versions\/\d\/policy: /, '').replace(/\.$/, '').split('; ');
      expect(parts.filter((part) => !/^(decision \S+ names consumer-credit version 1, not \/versions\/\d\/policy|\/versions\/\d\/policy is pass, the log's entry \d+ says flagged)/.test(part))).toEqual([]);
    }
    expect(independent.ok).toBe(false);
    expect(independent.problems.every((p) => /^(decision \S+: signed consumer-credit version 1 \(|version \d: outcome pass, audit entry \d+ records flagged)/.test(p))).toBe(true);
    expect(independent.problems.length).toBeGreaterThanOrEqual(signers.length);
  }, 120_000);

  it('results and definitions stripped from every version of a record its deciders signed under a policy fail both verifiers', async () => {
    const { target, store, admin, keys } = await setUp();
    const record = await exportRecord(target, admin, 'pkg_retail_credit_pd');
    const stripped = await resigned(store, record, (r) => {
      for (const version of r.versions) {
        delete version.policy;
        delete version.policyDefinition;
      }
    });
    const { own, independent } = await verdicts(stripped, keys);
    const failed = own.checks.filter((c) => c.label.startsWith('Policy results') && !c.ok);
    expect(failed.length).toBeGreaterThan(0);
    // The log states the check the record no longer carries (0171).
    expect(failed[0]?.detail).toMatch(/the log states 1 check\(s\) of version 1 .*, the record carries 0/);
    expect(independent.ok).toBe(false);
  }, 120_000);

  it('a definition the results do not name, a second different copy of one policy version, a missing definition and an unknown requirement kind fail both', async () => {
    const { target, store, admin, keys } = await setUp();
    const record = await exportRecord(target, admin, 'pkg_retail_credit_pd');
    const cases: [string, (r: ApprovalRecord) => void, RegExp, RegExp][] = [
      ['renamed', (r) => void Object.assign(r.versions[1]?.policyDefinition ?? {}, { name: 'Other' }), /policyDefinition is consumer-credit version 1 \(Other\)/, /version 2: results of consumer-credit version 1, definition/],
      ['dropped', (r) => {
        const version = r.versions[1];
        if (version) delete version.policyDefinition;
      }, /not the policy version they are of/, /version 2: policy results without the policy definition/],
      ['two copies', (r) => void Object.assign(r.versions[1]?.policyDefinition?.scope ?? {}, { riskTiers: [1] }), /defined otherwise in \/versions\/0\/policyDefinition/, /version 2: consumer-credit version 1 defined differently/],
    ];
    for (const [name, change, own, independent] of cases) {
      const text = await resigned(store, record, change);
      const verdict = await verdicts(text, keys);
      expect(verdict.own.checks.filter((c) => c.label.startsWith('Policy results') && !c.ok).map((c) => c.detail).join('\n'), name).toMatch(own);
      expect(verdict.independent.problems.join('\n'), name).toMatch(independent);
    }
    // A requirement kind the independent evaluator was not written for is not passed unevaluated.
    const unknown = JSON.parse(await resigned(store, record, () => undefined)) as { versions: { policyDefinition: Record<string, unknown> }[] };
    for (const version of unknown.versions) version.policyDefinition.requiredAttestations = [{ kind: 'model-card', enforcement: 'blocking' }];
    expect(verifyRecordPolicy(JSON.stringify(unknown)).problems).toEqual(['version 1: unsupported requirement kind requiredAttestations', 'version 2: unsupported requirement kind requiredAttestations']);
  }, 120_000);
});
