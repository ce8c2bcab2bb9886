import { expect } from 'vitest';
import { approvableCreditContent, creditRiskAnswers } from '#demo/fresh-packages.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import { auditPageSchema } from '#domain/contracts/audit.ts';
import { notificationListSchema } from '#domain/contracts/notifications.ts';
import { packageVersionSchema } from '#domain/contracts/packages.ts';
import type { PublishPolicyRequest } from '#domain/contracts/policies.ts';
import { problemSchema } from '#domain/contracts/problem.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { activeReviewer, detailOf, mortgage, submitted } from './approval-gating-scenarios.ts';
import type { Client, Target } from './client.ts';
import type { Scenario } from './scenarios.ts';
import { addBusinessLines } from './add-business-lines.ts';
import { expectStatus, payloadFor, sign, signedIn } from './signing-scenarios.ts';
import { changeAsDirect } from './catalogue-proposals.ts';

// A policy version published to apply to packages in review takes effect at publication
// (docs/decisions/0150), on the mocks, SQLite and PostgreSQL: the package in review is checked
// again in the publication's transaction, its gate reads the re-check, its owner hears of a
// change. A business line of its own (Mortgages) keeps it off the demo policies.

/** Tier 1 mortgages; the approvable credit content reports AUC 0.781. */
export const base: PublishPolicyRequest = {
  key: 'mortgage-recheck',
  name: 'Mortgage models (re-check)',
  scope: { riskTiers: [1], businessLines: ['Mortgages'] },
  onBlockingFailure: 'enter_review_flagged',
  metrics: [{ metric: 'auc', operator: '>=', value: 0.75, enforcement: 'blocking' }],
  subgroupMetrics: [],
  requiredSections: [],
};
export const stricter = (value: number, replacesVersion: number, inReview: boolean): PublishPolicyRequest => ({ ...base, metrics: [{ metric: 'auc', operator: '>=', value, enforcement: 'blocking' }], replacesVersion, ...(inReview ? { appliesToPackagesInReview: true } : {}) });

const checkOf = async (client: Client, id: string, n: number) => packageVersionSchema.parse((await client.get(`/api/packages/${id}/versions/${n}`)).body).policy;
const rechecksOf = async (admin: Client, id: string) => auditPageSchema.parse((await admin.get('/api/audit?action=policy.rechecked')).body).items.filter((e) => e.subject === id);
const recheckNotices = async (owner: Client, id: string) => notificationListSchema.parse((await owner.get('/api/notifications')).body).items.filter((n) => n.kind === 'policy_rechecked' && n.packageId === id);

/** The content moved to another business line. */
function lineOf(content: PackageContent, businessLine: string): PackageContent {
  return { ...content, sections: content.sections.map((s) => (s.kind === 'identification' ? { ...s, businessLine } : s)) };
}

/** A tier 1 mortgage package in review, assessed, passing version 1 of the policy. */
export async function inReview(owner: Client, modelKey: string): Promise<string> {
  const id = await submitted(owner, mortgage(approvableCreditContent('1.0'), modelKey, 1));
  expectStatus(await (await owner.colleague('risk-tiering@example.com')).post(`/api/packages/${id}/risk-assessments`, { answers: creditRiskAnswers() }), 201);
  expect((await detailOf(owner, id)).governanceBlockers).toEqual([]);
  return id;
}

/** A package in review, rejected, and the resubmission that answers the rejection. */
async function rejectedForResubmission(target: Target, owner: Client, modelKey: string): Promise<{ id: string; body: unknown }> {
  const id = await inReview(owner, modelKey);
  const { client, draft } = await activeReviewer(target, id, 'reject');
  const concern = { sectionKey: 'evaluation', concern: 'Name the holdout.', requiredChange: 'Name it.' };
  const rejected = await sign(client, await payloadFor(client, { ...draft, concerns: [concern] }));
  expectStatus(rejected, 201);
  const decisionId = (rejected.body as { id: string }).id;
  const content = mortgage(approvableCreditContent('1.0'), modelKey, 1).content;
  const notes = content.sections.find((s) => s.kind === 'narrative');
  if (notes?.kind === 'narrative') notes.markdown = `${notes.markdown}\n\nHoldout: the 2025 temporal holdout.`;
  return { id, body: { content, answers: [{ target: { kind: 'concern', decisionId, index: 0 }, answer: 'The 2025 temporal holdout.', sectionKeys: ['evaluation'] }] } };
}

export const policyRecheckScenarios: Scenario[] = [
  {
    name: 'policy re-check: a version published for packages in review checks them at once; a new blocking failure refuses approval (409) and the owner hears; a version without the choice changes nothing; a fix unblocks',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await changeAsDirect(target, '/api/policies', base), 201);
      const id = await inReview(owner, 'mortgage-recheck');

      // Version 2, stricter, not for packages in review: nothing changes for the package.
      expectStatus(await changeAsDirect(target, '/api/policies', stricter(0.9, 1, false)), 201);
      expect(await checkOf(owner, id, 1)).toMatchObject({ policy: { key: 'mortgage-recheck', version: 1 }, outcome: 'pass' });
      expect((await detailOf(owner, id)).governanceBlockers).toEqual([]);
      expect(await rechecksOf(admin, id)).toEqual([]);

      // Version 3, as strict, for packages in review: checked again at publication, flagged, blocked.
      expectStatus(await changeAsDirect(target, '/api/policies', stricter(0.9, 2, true)), 201);
      const rechecked = await checkOf(owner, id, 1);
      expect(rechecked).toMatchObject({ policy: { key: 'mortgage-recheck', version: 3 }, outcome: 'flagged', republished: { from: { key: 'mortgage-recheck', version: 1 } } });
      expect(rechecked?.checks.find((c) => c.subject === 'auc')).toMatchObject({ status: 'fail', actual: 0.781, required: { operator: '>=', value: 0.9 } });
      const blockers = (await detailOf(owner, id)).governanceBlockers;
      expect(blockers.map((b) => [b.kind, ('policy' in b ? b.policy.version : null)])).toEqual([['policy_requirement', 3]]);
      expect((await rechecksOf(admin, id)).map((e) => [e.before, e.after, e.actorId])).toEqual([
        // Each side states the digest of its check (0171): the re-check's is the one the version now carries.
        [{ key: 'mortgage-recheck', version: 1, outcome: 'pass', blocking: 0, evaluationDigest: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown }, { key: 'mortgage-recheck', version: 3, outcome: 'flagged', blocking: 1, evaluationDigest: await sha256Hex(canonicalize(rechecked)), packageVersion: 1 }, 'usr_admin_deputy'],
      ]);

      const { client, draft } = await activeReviewer(target, id, 'approve');
      const refused = await sign(client, await payloadFor(client, draft));
      expectStatus(refused, 409);
      const problem = problemSchema.parse(refused.body);
      expect(problem.type).toMatch(/governance-blocked$/);
      expect(problem.detail).toMatch(/auc.*mortgage-recheck version 3/);
      expect((await detailOf(owner, id)).decisions).toEqual([]);
      const notices = await recheckNotices(owner, id);
      expect(notices.map((n) => n.text)).toEqual([expect.stringMatching(/^Policy mortgage-recheck version 3 checked version 1 of .* again: 1 blocking requirement is not met, and approval is blocked/)]);
      // Others do not hear of it (the reviewer is not the owner).
      expect(await recheckNotices(client, id)).toEqual([]);

      // Version 4 relaxes the bar for packages in review: the block lifts at once, the owner hears again.
      expectStatus(await changeAsDirect(target, '/api/policies', stricter(0.78, 3, true)), 201);
      expect(await checkOf(owner, id, 1)).toMatchObject({ policy: { version: 4 }, outcome: 'pass', republished: { from: { version: 3 } } });
      expect((await detailOf(owner, id)).governanceBlockers).toEqual([]);
      expect((await recheckNotices(owner, id)).map((n) => n.text)).toEqual([expect.stringMatching(/version 4 .* it now meets every blocking requirement/), expect.any(String)]);
      const approving = await activeReviewer(target, id, 'approve');
      expectStatus(await sign(approving.client, await payloadFor(approving.client, approving.draft)), 201);
    },
  },
  {
    name: 'policy re-check: a package in review never checked (in review before its policy) is checked at a publication for packages in review, and its owner hears; one outside the scope is not',
    async run(target) {
      const admin = await signedIn(target, 'admin@example.com');
      const owner = await signedIn(target, 'owner@example.com');
      await addBusinessLines(target, 'Auto loans');
      // In review before any policy covers mortgages: no check at submission.
      const id = await inReview(owner, 'mortgage-unchecked');
      const auto = mortgage(approvableCreditContent('1.0'), 'auto-unchecked', 1);
      const outside = await submitted(owner, { ...auto, content: lineOf(auto.content, 'Auto loans') });
      expect(await checkOf(owner, id, 1)).toBeNull();

      // Version 1, not for packages in review: the package stays unchecked.
      expectStatus(await changeAsDirect(target, '/api/policies', base), 201);
      expect(await checkOf(owner, id, 1)).toBeNull();
      expect(await rechecksOf(admin, id)).toEqual([]);

      // Version 2, for packages in review: checked at publication against it, flagged, blocked.
      expectStatus(await changeAsDirect(target, '/api/policies', stricter(0.9, 1, true)), 201);
      expect(await checkOf(owner, id, 1)).toMatchObject({ policy: { key: 'mortgage-recheck', version: 2 }, outcome: 'flagged', republished: { from: null } });
      expect((await detailOf(owner, id)).governanceBlockers.map((b) => [b.kind, 'policy' in b ? b.policy.version : null])).toEqual([['policy_requirement', 2]]);
      expect((await rechecksOf(admin, id)).map((e) => [e.before, e.after])).toEqual([[null, { key: 'mortgage-recheck', version: 2, outcome: 'flagged', blocking: 1, evaluationDigest: await sha256Hex(canonicalize(await checkOf(owner, id, 1))), packageVersion: 1 }]]);
      expect((await recheckNotices(owner, id)).map((n) => n.text)).toEqual([expect.stringMatching(/^Policy mortgage-recheck version 2 checked version 1 of .* again: 1 blocking requirement is not met, .*\(before, it had not been checked against a policy\)\.$/)]);
      const { client, draft } = await activeReviewer(target, id, 'approve');
      expectStatus(await sign(client, await payloadFor(client, draft)), 409);

      // Another business line: no policy resolves to the key, nothing checked.
      expect(await checkOf(owner, outside, 1)).toBeNull();
      expect(await rechecksOf(admin, outside)).toEqual([]);
    },
  },
  {
    name: 'policy re-check: a publication for packages in review racing resubmissions loses no check: each latest version ends checked against the new version',
    async run(target) {
      const owner = await signedIn(target, 'owner@example.com');
      expectStatus(await changeAsDirect(target, '/api/policies', base), 201);
      // Each round a resubmission leaves first and the publication a little later, so some land mid-way.
      let current = 1;
      for (let round = 0; round < 6; round++) {
        // The bar back where the new package passes it (for new submissions only).
        if (round > 0) expectStatus(await changeAsDirect(target, '/api/policies', stricter(0.75 + round / 1000, current++, false)), 201);
        const { id, body } = await rejectedForResubmission(target, owner, `mortgage-race-${round}`);
        const resubmitted = owner.post(`/api/packages/${id}/versions`, body);
        await new Promise((resolve) => setTimeout(resolve, round * 5));
        expectStatus(await changeAsDirect(target, '/api/policies', stricter(0.9, current++, true)), 201);
        expectStatus(await resubmitted, 201);
        // Whichever committed first, version 2 is checked against the new policy version and blocked.
        expect(await checkOf(owner, id, 2), `round ${round}`).toMatchObject({ policy: { key: 'mortgage-recheck', version: current }, outcome: 'flagged' });
        expect((await detailOf(owner, id)).governanceBlockers.map((b) => [b.kind, 'policy' in b ? b.policy.version : null])).toEqual([['policy_requirement', current]]);
      }
    },
  },
];
