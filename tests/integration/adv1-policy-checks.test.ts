import { describe, expect, it } from 'vitest';
import { approvableCreditContent, creditRiskAnswers } from '#demo/fresh-packages.ts';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import { currentServerKey } from '#api/signing/server-key.ts';
import type { PublishPolicyRequest } from '#domain/contracts/policies.ts';
import { approvalRecordSchema, type ApprovalRecord } from '#domain/contracts/record.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import type { Store } from '#api/store/store.ts';
import { signRecord } from '#domain/evidence/record-signature.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';
import { countersign } from '#domain/signing/countersign.ts';
import { attestDecision } from '#domain/evidence/attestation.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { verifyRecordPolicy } from '../independent/policy-verifier.ts';
import { origin, type Client, type Target } from '../contract/support/client.ts';
import { activeReviewer, mortgage, submitted } from '../contract/support/approval-gating-scenarios.ts';
import { base, stricter } from '../contract/support/policy-recheck-scenarios.ts';
import { expectStatus, payloadFor, sign, signedIn } from '../contract/support/signing-scenarios.ts';
import { seededSqliteApp } from '../contract/support/seeded-sqlite-app.ts';
import { cleanUpAfterEach } from '../support/cleanups.ts';

// Adversary probes (adv1) on the record's policy checks (0166, 0169). Each test FAILS when the
// defect is present: a record a dishonest server re-signed, leaving out or moving a re-check,
// must not verify VALID in either verifier.

const defer = cleanUpAfterEach();

const named = { key: 'adv1-mortgage', name: 'Adv1 mortgage' };
const lax: PublishPolicyRequest = { ...base, ...named };
/** AUC at least 0.9: the approvable content's 0.781 fails this blocking bar, so the re-check is flagged. */
const strict: PublishPolicyRequest = { ...stricter(0.9, 1, true), ...named };
/** Back to a bar the content meets (version 3). */
const relaxed: PublishPolicyRequest = { ...stricter(0.77, 2, true), ...named };

async function approveActiveStep(target: Target, id: string): Promise<string> {
  const { client, draft } = await activeReviewer(target, id, 'approve');
  const signed = await sign(client, await payloadFor(client, draft));
  expectStatus(signed, 201);
  return (signed.body as { id: string }).id;
}

async function recordOf(target: Target, reader: Client, id: string): Promise<ApprovalRecord> {
  const response = await target.fetch(new Request(`${origin}/api/packages/${id}/record`, { headers: { cookie: `${sessionCookieName}=${reader.cookie ?? ''}` } }));
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  return approvalRecordSchema.parse(JSON.parse(text));
}

/** What a lying server hands out: the record changed, then signed again with the server's own key. */
async function resigned(store: Store, record: ApprovalRecord, change: (record: ApprovalRecord) => void): Promise<string> {
  const copy = structuredClone(record);
  change(copy);
  const { key, privateKey } = await currentServerKey(store, () => new Date());
  const { signature: _replaced, ...body } = copy;
  return JSON.stringify(await signRecord(privateKey, key.keyId, body));
}

async function verdicts(text: string, keys: ServerKey[]) {
  const own = await verifyRecordText(text, { trustedKeys: keys });
  return { own: { valid: own.valid, failed: own.checks.filter((c) => !c.ok).map((c) => `${c.label}: ${c.detail}`) }, independent: verifyRecordPolicy(text) };
}

/** A mortgage package under the lax policy, one step approved (signing check 0), then the strict version published for packages in review (re-check 1, flagged). */
async function setUp(thirdVersion: boolean) {
  const { target, store } = await seededSqliteApp(defer);
  const admin = await signedIn(target, 'admin@example.com');
  const owner = await signedIn(target, 'owner@example.com');
  expectStatus(await admin.post('/api/policies', lax), 201);
  const id = await submitted(owner, mortgage(approvableCreditContent('1.0'), 'adv1-model', 1));
  expectStatus(await (await owner.colleague('model-risk@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() }), 201);
  const before = await approveActiveStep(target, id);
  expectStatus(await admin.post('/api/policies', strict), 201);
  if (thirdVersion) expectStatus(await admin.post('/api/policies', relaxed), 201);
  const record = await recordOf(target, admin, id);
  const keys = ((await admin.get('/api/keys')).body as { keys: ServerKey[] }).keys;
  return { target, store, admin, id, before, record, keys };
}

describe('adv1: a re-check left out of the record', () => {
  it('the strict re-check in effect (flagged, blocking failure) replaced by the earlier lax check fails at least one verifier', async () => {
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
    const hidden = await resigned(store, record, (r) => {
      const v = r.versions[0];
      const earlier = v?.earlierPolicyChecks?.[0];
      if (!v || !earlier) throw new Error('earlier check');
      v.policy = earlier.policy;
      v.policyDefinition = earlier.policyDefinition;
      delete v.earlierPolicyChecks;
    });
    const { own, independent } = await verdicts(hidden, keys);
    expect(JSON.parse(hidden).versions[0].policy.outcome).toBe('pass');
    // Defect if both say VALID: the record now claims the check in effect passes.
    expect({ ownValid: own.valid, independentOk: independent.ok }).not.toEqual({ ownValid: true, independentOk: true });
  }, 120_000);

  it('a middle re-check (flagged) dropped from earlierPolicyChecks, leaving seq 0 then a re-check from version 2, fails at least one verifier', async () => {
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
    const { own, independent } = await verdicts(dropped, keys);
    // Re-checks are numbered 1, 2, … per version with no gaps, and the in-effect check says it superseded version 2: both show a check is missing.
    expect({ ownValid: own.valid, independentOk: independent.ok }).not.toEqual({ ownValid: true, independentOk: true });
  }, 120_000);

  it('the flagged re-check evaluatedAt moved before the decision that names check 0 fails at least one verifier', async () => {
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
    const { own, independent } = await verdicts(moved, keys);
    expect({ ownValid: own.valid, independentOk: independent.ok }).not.toEqual({ ownValid: true, independentOk: true });
  }, 120_000);

  it('earlier checks whose evaluatedAt runs backwards (re-check 1 dated before the check at submission) fail at least one verifier', async () => {
    const { store, record, keys } = await setUp(true);
    const backwards = await resigned(store, record, (r) => {
      const checks = r.versions[0]?.earlierPolicyChecks;
      const [first, second] = checks ?? [];
      if (!first || !second) throw new Error('two earlier checks');
      second.evaluatedAt = new Date(Date.parse(first.evaluatedAt) - 86_400_000).toISOString();
    });
    const { own, independent } = await verdicts(backwards, keys);
    expect({ ownValid: own.valid, independentOk: independent.ok }).not.toEqual({ ownValid: true, independentOk: true });
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
    const next = change(governance as Record<string, unknown> | undefined, digest, { key: check0.policy.policy.key, version: check0.policy.policy.version });
    d.signature.payload = (next === undefined ? rest : { ...rest, governance: next }) as typeof d.signature.payload;
    // Countersigned again as the server would (password: the countersignature is the signature).
    d.signature.countersignature = await countersign(privateKey, key.keyId, { type: 'model-approval-countersignature/1', decisionId: d.id, decidedAt: d.decidedAt, payload: d.signature.payload, signature: d.signature.signature });
    // Its attestation stated again for the rewritten payload, signed by the same server key.
    const at = parsed.attestations?.findIndex((a) => a.decisionId === after) ?? -1;
    if (!parsed.attestations || at < 0) throw new Error('attestation');
    parsed.attestations[at] = await attestDecision(privateKey, key.keyId, parsed, d);
    const final = await resigned(store, parsed, () => undefined);
    const { own, independent } = await verdicts(final, keys);
    return { own, independent };
  }

  it('a password decision signed after the flagged re-check (and after re-check 2) re-bound by the server to the lax check 0 fails at least one verifier', async () => {
    const { own, independent } = await rebound((g, digest, ref) => ({ ...g, policy: { ...ref, evaluationDigest: digest } }));
    expect(own.failed.filter((f) => !f.startsWith('Policy results'))).toEqual([]);
    expect({ ownValid: own.valid, independentOk: independent.ok }).not.toEqual({ ownValid: true, independentOk: true });
  }, 120_000);

  it('the same decision with governance.policy made null (no policy) on a version checked since submission fails at least one verifier', async () => {
    const { own, independent } = await rebound((g) => ({ ...g, policy: null }));
    expect({ ownValid: own.valid, independentOk: independent.ok, failed: own.failed }).toMatchObject({ ownValid: false });
    expect(independent.ok).toBe(false);
  }, 120_000);

  it('the same decision with governance removed from the payload fails at least one verifier', async () => {
    const { own, independent } = await rebound(() => undefined);
    expect({ ownValid: own.valid, independentOk: independent.ok, failed: own.failed }).toMatchObject({ ownValid: false });
    expect(independent.ok).toBe(false);
  }, 120_000);

  it('held: earlier checks reordered, a definition swapped between checks, or a duplicated seq fail both verifiers', async () => {
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

  it('the check in effect (re-check 2, policy version 3) swapped with re-check 1 (version 2): policy versions run backwards and republished.from no longer chains; fails at least one verifier', async () => {
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
    const { own, independent } = await verdicts(swapped, keys);
    expect({ ownValid: own.valid, independentOk: independent.ok }).not.toEqual({ ownValid: true, independentOk: true });
  }, 120_000);
});
