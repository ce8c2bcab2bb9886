import { expect } from 'vitest';
import { approvableCreditContent, creditRiskAnswers } from '#demo/fresh-packages.ts';
import { sessionCookieName } from '#api/kernel/cookies.ts';
import type { PublishPolicyRequest } from '#domain/contracts/policies.ts';
import { approvalRecordSchema, type ApprovalRecord } from '#domain/contracts/record.ts';
import type { ServerKey } from '#domain/contracts/signatures.ts';
import { verifyRecordText } from '#domain/evidence/verify-record.ts';
import { verifyRecordPolicy } from '../../independent/policy-verifier.ts';
import { activeReviewer, mortgage, submitted } from './approval-gating-scenarios.ts';
import { base, stricter } from './policy-recheck-scenarios.ts';
import { origin, type Client, type Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';
import { changeAsDirect } from './catalogue-proposals.ts';

// A decision signs the policy check in effect when it is made (0107, 0144). A version re-checked
// after one decision and before the next (a policy version published for packages in review,
// 0150) has two checks, each bound to a signature: the record carries both, and both verifiers
// evaluate each again and hold each signature to one of them (docs/decisions/0169). Before, the
// record carried only the latest and an honest record failed both verifiers.

/** The re-check scenarios' tier 1 mortgage policy (AUC at least 0.75), under a key of its own. */
const named = { key: 'mortgage-signed-recheck', name: 'Mortgage models (signed, then re-checked)' };
const policy: PublishPolicyRequest = { ...base, ...named };
/** Stricter, still met by the approvable content's AUC 0.781, for packages in review. */
const republished: PublishPolicyRequest = { ...stricter(0.78, 1, true), ...named };

/** The active step approved by its reviewer; the decision's id. */
export async function approveActiveStep(target: Target, id: string): Promise<string> {
  const { client, draft } = await activeReviewer(target, id, 'approve');
  const signed = await sign(client, await payloadFor(client, draft));
  expectStatus(signed, 201);
  return (signed.body as { id: string }).id;
}

async function recordText(target: Target, reader: Client, id: string): Promise<string> {
  const response = await target.fetch(new Request(`${origin}/api/packages/${id}/record`, { headers: { cookie: `${sessionCookieName}=${reader.cookie ?? ''}` } }));
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(200);
  return text;
}

/** Both verifiers on an edited copy: the app's policy results check of version 1 and the independent verifier must fail it. */
async function expectBothFail(text: string, keys: ServerKey[], change: (record: ApprovalRecord) => void, own: RegExp, independent: RegExp): Promise<void> {
  const copy = approvalRecordSchema.parse(JSON.parse(text));
  change(copy);
  const edited = JSON.stringify(copy);
  const verdict = await verifyRecordText(edited, { trustedKeys: keys });
  expect(verdict.valid).toBe(false);
  expect(verdict.checks.find((c) => c.label.startsWith('Policy results of version 1'))).toMatchObject({ ok: false, detail: expect.stringMatching(own) as unknown });
  const other = verifyRecordPolicy(edited);
  expect(other.ok).toBe(false);
  expect(other.problems.join('\n')).toMatch(independent);
}

export const policyRecheckRecordScenarios: Scenario[] = [
  {
    name: 'policy re-check record: decisions signed before and after a re-check of their version pass both verifiers; the earlier check dropped or edited fails both',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await changeAsDirect(target, '/api/policies', policy), 201);
      const id = await submitted(owner, mortgage(approvableCreditContent('1.0'), 'mortgage-signed-recheck', 1));
      expectStatus(await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() }), 201);

      const before = await approveActiveStep(target, id);
      expectStatus(await changeAsDirect(target, '/api/policies', republished), 201);
      const after = await approveActiveStep(target, id);

      const text = await recordText(target, admin, id);
      const record = approvalRecordSchema.parse(JSON.parse(text));
      const [version] = record.versions;
      // The check in effect (the gate's) is the re-check; the one at submission is kept, numbered 0, with its own policy version.
      expect(version?.policy).toMatchObject({ policy: { key: policy.key, version: 2 }, outcome: 'pass', republished: { from: { key: policy.key, version: 1 } } });
      expect(version?.policyDefinition).toMatchObject({ version: 2, metrics: republished.metrics });
      expect(version?.earlierPolicyChecks?.map((c) => [c.seq, c.policy.policy.version, c.policy.outcome, c.policyDefinition.version, c.policyDefinition.metrics[0]?.value])).toEqual([[0, 1, 'pass', 1, 0.75]]);
      const signedVersions = (decisionId: string) => record.decisions.find((d) => d.id === decisionId)?.signature?.payload.governance?.policy?.version;
      expect([signedVersions(before), signedVersions(after)]).toEqual([1, 2]);

      const keys = ((await admin.get('/api/keys')).body as { keys: ServerKey[] }).keys;
      const verdict = await verifyRecordText(text, { trustedKeys: keys });
      expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
      expect(verdict.valid).toBe(true);
      expect(verifyRecordPolicy(text)).toMatchObject({ ok: true, problems: [], digestsMatched: 2, resultsChecked: 2 });

      // The earlier check dropped: the log states two checks (0171), and the first decision signed the one left out.
      await expectBothFail(text, keys, (r) => {
          const version = r.versions[0];
          if (version) delete version.earlierPolicyChecks;
        }, new RegExp(`the log states 2 check\\(s\\) of version 1 .*the record carries 1.*decision ${before} names ${policy.key} version 1, not /versions/0/policy`), new RegExp(`the audit log records 2 policy check\\(s\\), the record carries 1[^]*decision ${before}: signed ${policy.key} version 1 `));
      // Its result edited: the recomputation from its own policy version objects (and so does the signed digest).
      await expectBothFail(
        text,
        keys,
        (r) => {
          const earlier = r.versions[0]?.earlierPolicyChecks?.[0];
          const result = earlier?.policy.checks[0];
          if (!earlier || !result) throw new Error('the earlier check');
          result.actual = 0.9;
        },
        /earlierPolicyChecks\/0: metric auc: actual 0.9 where the policy gives 0.781/,
        /version 1 check 0: metric auc actual recorded 0.9, recomputed 0.781/,
      );
      // Numbered as a re-check though it is the check at submission.
      await expectBothFail(text, keys, (r) => void Object.assign(r.versions[0]?.earlierPolicyChecks?.[0] ?? {}, { seq: 3 }), /numbered 3 \(a re-check\) but is not marked as one/, /version 1 check 3: numbered as a re-check but not one/);
    },
  },
];
