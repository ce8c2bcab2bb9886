import { describe, expect, it } from 'vitest';
import { approvableCreditContent, creditRiskAnswers } from '#demo/fresh-packages.ts';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import { currentServerKey } from '#api/signing/server-key.ts';
import type { PublishPolicyRequest } from '#domain/contracts/policies.ts';
import { approvalRecordSchema, type ApprovalRecord } from '#domain/contracts/record.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';
import { countersign } from '#domain/signing/countersign.ts';
import { attestDecision } from '#domain/evidence/attestation.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { verifyRecordPolicy } from '../independent/policy-verifier.ts';
import { origin, type Client, type Target } from '../contract/support/client.ts';
import { activeReviewer, lenient as declaredTierPolicy, mortgage, strict as assessedTierPolicy, submitted } from '../contract/support/approval-gating-scenarios.ts';
import { retailCreditPdV1 } from '#demo/retail-credit-pd.ts';
import { base, stricter } from '../contract/support/policy-recheck-scenarios.ts';
import { expectStatus, payloadFor, sign, signedIn } from '../contract/support/signing-scenarios.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';
import { approveActiveStep } from '../contract/support/policy-recheck-record-scenarios.ts';
import { resigned } from '../support/resigned-record.ts';
import { changeAsDirect } from '../contract/support/catalogue-proposals.ts';

// A record's policy checks held to its audit log (docs/decisions/0171). The server may re-sign a
// record it changed and countersign a password decision again; it cannot rewrite the logged
// entries the record carries. A record that leaves out, moves, re-dates or re-binds a check must
// fail both verifiers, each naming the log; the honest record stays VALID in both. Each of these
// records was VALID in both verifiers before 0171.

const defer = cleanUpAfterEach();

const named = { key: 'logged-mortgage', name: 'Mortgage (checks held to the log)' };
const lax: PublishPolicyRequest = { ...base, ...named };
/** AUC at least 0.9: the approvable content's 0.781 fails this blocking bar, so the re-check is flagged. */
const strict: PublishPolicyRequest = { ...stricter(0.9, 1, true), ...named };
/** Back to a bar the content meets (version 3). */
const relaxed: PublishPolicyRequest = { ...stricter(0.77, 2, true), ...named };

async function recordOf(target: Target, reader: Client, id: string): Promise<ApprovalRecord> {
  const response = await target.fetch(new Request(`${origin}/api/packages/${id}/record`, { headers: { cookie: `${sessionCookieName}=${reader.cookie ?? ''}` } }));
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  return approvalRecordSchema.parse(JSON.parse(text));
}

async function verdicts(text: string, keys: ServerKey[]) {
  const own = await verifyRecordText(text, { trustedKeys: keys });
  return { own: { valid: own.valid, failed: own.checks.filter((c) => !c.ok).map((c) => `${c.label}: ${c.detail}`) }, independent: verifyRecordPolicy(text) };
}

/** The lying server's edit: check 0 (passing) shown as the check in effect, every re-check left out. */
function showCheckZeroInEffect(r: ApprovalRecord): void {
  const v = r.versions[0];
  const earlier = v?.earlierPolicyChecks?.[0];
  if (!v || !earlier) throw new Error('earlier check');
  v.policy = earlier.policy;
  v.policyDefinition = earlier.policyDefinition;
  delete v.earlierPolicyChecks;
}

/** Both verifiers refuse the record, each for a reason that names the log. */
function expectBothFail(v: Awaited<ReturnType<typeof verdicts>>, own: RegExp, independent: RegExp): void {
  expect({ own: v.own.valid, independent: v.independent.ok }).toEqual({ own: false, independent: false });
  expect(v.own.failed.join('\n')).toMatch(own);
  expect(v.independent.problems.join('\n')).toMatch(independent);
}

/** A mortgage package under the lax policy, one step approved (signing check 0), then the strict version published for packages in review (re-check 1, flagged). */
async function setUp(thirdVersion: boolean) {
  const { target, store } = await seededSqliteApp(defer);
  const admin = await signedIn(target, 'admin@example.com');
  const owner = await signedIn(target, 'owner@example.com');
  expectStatus(await changeAsDirect(target, '/api/policies', lax), 201);
  const id = await submitted(owner, mortgage(approvableCreditContent('1.0'), 'logged-checks-model', 1));
  expectStatus(await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() }), 201);
  const before = await approveActiveStep(target, id);
  expectStatus(await changeAsDirect(target, '/api/policies', strict), 201);
  if (thirdVersion) expectStatus(await changeAsDirect(target, '/api/policies', relaxed), 201);
  const record = await recordOf(target, admin, id);
  const keys = ((await admin.get('/api/keys')).body as { keys: ServerKey[] }).keys;
  return { target, store, admin, id, before, record, keys };
}

describe("a record's policy checks are the ones its audit log states", () => {
  it('the re-check in effect (flagged) left out, the earlier passing check shown in effect: the logged policy.rechecked entry is missing from the record, both fail', async () => {
    const { store, record, keys } = await setUp(false);
    const [version] = record.versions;
    expect(version?.policy).toMatchObject({ policy: { version: 2 }, outcome: 'flagged' });
    expect(version?.earlierPolicyChecks?.map((c) => [c.seq, c.policy.outcome])).toEqual([[0, 'pass']]);
    // The record's own audit trail says the version was re-checked and flagged.
    const rechecked = record.audit.entries.filter((e) => e.action === 'policy.rechecked');
    expect(rechecked.length).toBe(1);
    const honest = await verdicts(await resigned(store, record, () => undefined), keys);
    expect(honest.own.failed).toEqual([]);
    expect(honest.independent.ok).toBe(true);

    // The lying server: the lax check 0 presented as the check in effect, the strict re-check gone.
    const hidden = await resigned(store, record, showCheckZeroInEffect);
    expect((JSON.parse(hidden) as ApprovalRecord).versions[0]?.policy?.outcome).toBe('pass');
    // The record now claims the check in effect passes; the log holds the flagged re-check.
    expectBothFail(await verdicts(hidden, keys), /the log states 2 check\(s\) of version 1 .*the record carries 1/, /version 1: the audit log records 2 policy check\(s\), the record carries 1/);
  }, 120_000);

  it('a middle re-check left out of earlierPolicyChecks: one check fewer than the log and a `from` that no longer chains, both fail', async () => {
    const { store, record, keys } = await setUp(true);
    const [version] = record.versions;
    expect(version?.policy).toMatchObject({ policy: { version: 3 }, outcome: 'pass', republished: { from: { version: 2 } } });
    expect(version?.earlierPolicyChecks?.map((c) => [c.seq, c.policy.policy.version, c.policy.outcome])).toEqual([
      [0, 1, 'pass'],
      [1, 2, 'flagged'],
    ]);
    const honest = await verdicts(await resigned(store, record, () => undefined), keys);
    expect(honest.own.failed).toEqual([]);
    expect(honest.independent.ok).toBe(true);

    const dropped = await resigned(store, record, (r) => {
      const v = r.versions[0];
      if (!v?.earlierPolicyChecks) throw new Error('earlier checks');
      v.earlierPolicyChecks = v.earlierPolicyChecks.filter((c) => c.seq !== 1);
    });
    // Re-checks are numbered 1, 2, … per version with no gaps, and the check in effect says it superseded version 2.
    const verdict = await verdicts(dropped, keys);
    expectBothFail(verdict, /the log states 3 check\(s\)/, /the audit log records 3 policy check\(s\), the record carries 2/);
    expect(verdict.own.failed.join('\n')).toMatch(/superseded logged-mortgage version 2, the check before it is logged-mortgage version 1/);
    expect(verdict.independent.problems.join('\n')).toMatch(/supersedes logged-mortgage version 2, the check before it is logged-mortgage version 1/);
  }, 120_000);

  it('an earlier check re-dated (evaluatedAt not the time of its audit entry) fails both', async () => {
    const { store, record, keys, before } = await setUp(true);
    const decision = record.decisions.find((d) => d.id === before);
    const decidedAt = decision?.decidedAt;
    expect(decision?.signature?.payload.governance?.policy?.version).toBe(1);
    if (!decidedAt) throw new Error('decidedAt');
    // The record now states the strict re-check (flagged, blocking failure) was in effect 1 ms
    // before the decision was signed, yet that decision names the lax check 0 (pass): a signature
    // bound to a check that was not in effect when it was signed. The audit log still says otherwise.
    const moved = await resigned(store, record, (r) => {
      const recheck = r.versions[0]?.earlierPolicyChecks?.find((c) => c.seq === 1);
      if (!recheck) throw new Error('re-check 1');
      recheck.evaluatedAt = new Date(Date.parse(decidedAt) - 1).toISOString();
    });
    expectBothFail(await verdicts(moved, keys), /earlierPolicyChecks\/1 is dated .*, the log's entry \d+ /, /version 1 check 1: evaluated at .*, audit entry \d+ at/);
  }, 120_000);

  it('an earlier check dated before the check it superseded (not the time of its audit entry) fails both', async () => {
    const { store, record, keys } = await setUp(true);
    const backwards = await resigned(store, record, (r) => {
      const checks = r.versions[0]?.earlierPolicyChecks;
      const [first, second] = checks ?? [];
      if (!first || !second) throw new Error('two earlier checks');
      second.evaluatedAt = new Date(Date.parse(first.evaluatedAt) - 86_400_000).toISOString();
    });
    expectBothFail(await verdicts(backwards, keys), /earlierPolicyChecks\/1 is dated/, /version 1 check 1: evaluated at/);
  }, 120_000);

  /** Set up, approve the next step after re-check 2 (password), then have the server rewrite that decision's signed governance and countersign and attest it again. */
  async function rebound(change: (governance: Record<string, unknown> | undefined, check0Digest: string, check0: { key: string; version: number }) => Record<string, unknown> | undefined) {
    const { target, store, admin, id, keys } = await setUp(true);
    const after = await approveActiveStep(target, id);
    const record = await recordOf(target, admin, id);
    const decision = record.decisions.find((d) => d.id === after);
    expect(decision?.signature?.signature.method).toBe('password');
    expect(decision?.signature?.payload.governance?.policy?.version).toBe(3);
    const recheck1 = record.versions[0]?.earlierPolicyChecks?.find((c) => c.seq === 1);
    // On the record's own data: re-check 1 (flagged) was made before this decision.
    expect(recheck1?.policy.outcome).toBe('flagged');
    expect(Date.parse(recheck1?.evaluatedAt ?? '') < Date.parse(decision?.decidedAt ?? '')).toBe(true);
    const check0 = record.versions[0]?.earlierPolicyChecks?.find((c) => c.seq === 0);
    if (!check0 || !decision?.signature) throw new Error('check 0');
    const digest = await sha256Hex(canonicalize(check0.policy));
    const { key, privateKey } = await currentServerKey(store, () => new Date());
    const parsed = structuredClone(record);
    const d = parsed.decisions.find((x) => x.id === after);
    if (!d?.signature) throw new Error('decision');
    const { governance, ...rest } = d.signature.payload;
    const next = change(governance, digest, { key: check0.policy.policy.key, version: check0.policy.policy.version });
    d.signature.payload = (next === undefined ? rest : { ...rest, governance: next }) as typeof d.signature.payload;
    // Countersigned again as the server would (password: the countersignature is the signature).
    d.signature.countersignature = await countersign(privateKey, key.keyId, { type: 'model-approval-countersignature/1', decisionId: d.id, decidedAt: d.decidedAt, payload: d.signature.payload, signature: d.signature.signature });
    // Its attestation stated again for the rewritten payload, signed by the same server key.
    const at = parsed.attestations?.findIndex((a) => a.decisionId === after) ?? -1;
    if (!parsed.attestations || at < 0) throw new Error('attestation');
    parsed.attestations[at] = await attestDecision(privateKey, key.keyId, parsed, d);
    return verdicts(await resigned(store, parsed, () => undefined), keys);
  }

  it('a decision re-bound by the server to a check that was not in effect where its decision.signed entry sits fails both', async () => {
    const verdict = await rebound((g, digest, ref) => ({ ...g, policy: { ...ref, evaluationDigest: digest } }));
    // Only the policy check objects: the countersignature, attestation and record signature hold.
    expect(verdict.own.failed.filter((f) => !f.startsWith('Policy results'))).toEqual([]);
    expectBothFail(verdict, /names logged-mortgage version 1, not .*earlierPolicyChecks|names logged-mortgage version 1, not \/versions\/0\/policy/, /signed logged-mortgage version 1 .*the check in effect at audit entry \d+ is logged-mortgage version 3/);
  }, 120_000);

  it('a decision whose governance.policy is null on a version with a check in effect at its signing fails both', async () => {
    expectBothFail(await rebound((g) => ({ ...g, policy: null })), /names no policy check, but \/versions\/0\/policy \(logged-mortgage version 3\) was in effect/, /signed without the policy check in effect at audit entry \d+ \(logged-mortgage version 3\)/);
  }, 120_000);

  it('a decision with governance removed on a version with a check in effect at its signing fails both', async () => {
    expectBothFail(await rebound(() => undefined), /names no policy check, but \/versions\/0\/policy \(logged-mortgage version 3\) was in effect/, /signed without the policy check in effect/);
  }, 120_000);

  it('earlier checks reordered, a definition swapped between checks, or a duplicated seq fail both', async () => {
    const { store, record, keys } = await setUp(true);
    const cases: [string, (r: ApprovalRecord) => void][] = [
      ['reordered', (r) => void r.versions[0]?.earlierPolicyChecks?.reverse()],
      ['definitions swapped', (r) => {
        const [a, b] = r.versions[0]?.earlierPolicyChecks ?? [];
        if (!a || !b) throw new Error('checks');
        [a.policyDefinition, b.policyDefinition] = [b.policyDefinition, a.policyDefinition];
      }],
      ['duplicated seq', (r) => void Object.assign(r.versions[0]?.earlierPolicyChecks?.[1] ?? {}, { seq: 0 })],
    ];
    for (const [name, change] of cases) {
      const { own, independent } = await verdicts(await resigned(store, record, change), keys);
      expect({ name, own: own.valid, independent: independent.ok }).toEqual({ name, own: false, independent: false });
    }
  }, 120_000);

  it('the check in effect swapped with the re-check before it (policy versions run backwards) fails both on the logged order', async () => {
    const { store, record, keys } = await setUp(true);
    const swapped = await resigned(store, record, (r) => {
      const v = r.versions[0];
      const e = v?.earlierPolicyChecks?.[1];
      if (!v?.policy || !v.policyDefinition || !e) throw new Error('checks');
      [v.policy, e.policy] = [e.policy, v.policy];
      [v.policyDefinition, e.policyDefinition] = [e.policyDefinition, v.policyDefinition];
    });
    const shown = JSON.parse(swapped) as ApprovalRecord;
    // The record now says the check in effect is version 2 (flagged); the gate reads version 3 (pass). Either direction works.
    expect([shown.versions[0]?.policy?.policy.version, shown.versions[0]?.policy?.outcome]).toEqual([2, 'flagged']);
    expectBothFail(await verdicts(swapped, keys), /\/versions\/0\/policy names logged-mortgage version 2, the log's entry \d+ logged-mortgage version 3/, /version 1: logged-mortgage version 2, audit entry \d+ records logged-mortgage version 3/);
  }, 120_000);

  it('a re-check made by a risk assessment (logged in risk.assessed) is one of the checks: the honest record with a decision signed after it is VALID in both, the re-check left out fails both', async () => {
    const { target, store } = await seededSqliteApp(defer);
    const admin = await signedIn(target, 'admin@example.com');
    const owner = await signedIn(target, 'owner@example.com');
    expectStatus(await changeAsDirect(target, '/api/policies', declaredTierPolicy), 201);
    expectStatus(await changeAsDirect(target, '/api/policies', assessedTierPolicy), 201);
    // Declared tier 3: the lenient policy; the assessment gives tier 1, so the strict one checks it again.
    const id = await submitted(owner, mortgage(retailCreditPdV1, 'assessed-checks-model', 3));
    expectStatus(await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() }), 201);
    const { client, draft } = await activeReviewer(target, id, 'reject');
    const concern = { sectionKey: 'subgroup_fairness', concern: 'The 62-and-over approval ratio is below 0.8.', requiredChange: 'Mitigate and show the ratio.' };
    const rejected = await sign(client, await payloadFor(client, { ...draft, concerns: [concern] }));
    expectStatus(rejected, 201);
    const record = await recordOf(target, admin, id);
    const keys = ((await admin.get('/api/keys')).body as { keys: ServerKey[] }).keys;
    const [version] = record.versions;
    expect(version?.policy).toMatchObject({ policy: { key: assessedTierPolicy.key }, reresolved: { from: { key: declaredTierPolicy.key } } });
    expect(record.audit.entries.find((e) => e.action === 'risk.assessed')?.after).toMatchObject({ policy: { key: assessedTierPolicy.key, evaluationDigest: await sha256Hex(canonicalize(version?.policy)) } });
    const honest = await verdicts(await resigned(store, record, () => undefined), keys);
    // Only the policy checks are in question here: the workflow template check objects to the
    // template the assessment re-selected, a separate matter (reported, not changed by 0171).
    expect(honest.own.failed.filter((f) => f.startsWith('Policy results'))).toEqual([]);
    expect(honest.independent).toMatchObject({ ok: true, digestsMatched: 1 });

    const hidden = await resigned(store, record, showCheckZeroInEffect);
    expectBothFail(await verdicts(hidden, keys), /the log states 2 check\(s\) of version 1 .*the record carries 1/, /version 1: the audit log records 2 policy check\(s\), the record carries 1/);
  }, 120_000);
});
