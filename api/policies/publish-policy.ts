import type { FieldProblem } from '#domain/contracts/problem.ts';
import type { ModelType } from '#domain/contracts/sections.ts';
import { policySchema, type Policy, type PolicyVersionEntry, type PublishPolicyRequest } from '#domain/contracts/policies.ts';
import { overlappingPolicies } from '#domain/policy/applicable-policy.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { scopeLineProblems } from '../business-lines/line-check.ts';
import { problems } from '../kernel/problems.ts';
import type { StoreTx } from '../store/store.ts';
import type { ChangeTime, CheckedChange } from '../kernel/catalogue-change.ts';
import { entriesOf, newestVersions } from './entries.ts';
import { recheckInReview } from './recheck-in-review.ts';

// Governance policies are published, never edited: each change is a new (key, version) row,
// and a package version keeps the policy version it was checked against. The caller holds the
// catalogue lock, so the overlap and version checks see every policy published before this one.

/** The field a tie is reported at: the candidate's most specific scope dimension. */
function tiePointer(scope: Policy['scope']): string {
  if ((scope.modelTypes?.length ?? 0) > 0) return '/scope/modelTypes';
  if ((scope.businessLines?.length ?? 0) > 0) return '/scope/businessLines';
  return '/scope/riskTiers';
}

function describePackage(example: { riskTier: number; businessLine: string | null; modelType: ModelType | undefined }): string {
  const line = example.businessLine === null ? 'any business line' : `business line "${example.businessLine}"`;
  const type = example.modelType ? `model type ${example.modelType}` : 'no model type';
  return `a tier ${example.riskTier} package in ${line} with ${type}`;
}

/** A scope that would leave some package two policies at the same level is refused, naming the other policies and such a package. */
function overlapProblems(policy: Policy, current: readonly Policy[]): FieldProblem[] {
  return overlappingPolicies(current, policy.key, policy.scope).map(({ policies, example }) => ({
    pointer: tiePointer(policy.scope),
    message: `${policies.map((p) => `Policy "${p.name}" (${p.key})`).join(' and ')} would apply at the same level as ${policies.some((p) => p.key === policy.key) ? 'each other' : 'this one'} to ${describePackage(example)}; a package would have two policies. Narrow a scope, or publish a policy naming both that business line and that model type`,
    code: 'scope_overlap',
  }));
}

export async function checkPolicyPublication(tx: StoreTx, body: PublishPolicyRequest, actorId: string, when: ChangeTime): Promise<CheckedChange<PolicyVersionEntry>> {
  const { replacesVersion, appliesToPackagesInReview, requiredEvidence: givenEvidence, ...definition } = body;
  const businessLines = definition.scope.businessLines && definition.scope.businessLines.length > 0 ? definition.scope.businessLines : undefined;
  const modelTypes = definition.scope.modelTypes && definition.scope.modelTypes.length > 0 ? definition.scope.modelTypes : undefined;
  // An empty list is stored as absent, as for business lines: the same policy has one form.
  const requiredEvidence = givenEvidence && givenEvidence.length > 0 ? givenEvidence : undefined;
  const rows = await tx.listPolicyVersions();
  const newest = newestVersions(rows);
  const currentPolicies = rows.filter((r) => newest.get(r.policy.key) === r.policy.version).map((r) => r.policy);
  const previous = currentPolicies.find((p) => p.key === definition.key) ?? null;
  if (replacesVersion === 0 && previous) {
    throw problems.validation([{ pointer: '/key', message: `The key "${definition.key}" is already taken by "${previous.name}" (version ${previous.version}); choose another key, or publish a new version of that policy`, code: 'key_taken' }]);
  }
  if (replacesVersion !== undefined && replacesVersion > 0 && (previous?.version ?? 0) !== replacesVersion) {
    throw problems.conflict(`Version ${replacesVersion} of "${definition.key}" is no longer the current one (it is ${previous?.version ?? 'none'}); reload the policy and start from the current version.`);
  }
  const policy = policySchema.parse({
    ...definition,
    scope: { riskTiers: definition.scope.riskTiers, ...(businessLines ? { businessLines } : {}), ...(modelTypes ? { modelTypes } : {}) },
    ...(requiredEvidence ? { requiredEvidence } : {}),
    version: (previous?.version ?? 0) + 1,
    // Only an explicit true reaches packages already in review; false is the default, not stored.
    ...(appliesToPackagesInReview ? { appliesToPackagesInReview: true } : {}),
  });
  const unlisted = await scopeLineProblems(tx, businessLines, '/scope/businessLines');
  if (unlisted.length > 0) throw problems.validation(unlisted);
  const overlaps = overlapProblems(policy, currentPolicies);
  if (overlaps.length > 0) throw problems.validation(overlaps);
  if (previous && canonicalize({ ...previous, version: 0 }) === canonicalize({ ...policy, version: 0 })) {
    throw problems.conflict(`This is the same as version ${previous.version} of "${previous.key}"; change something before publishing a new version.`);
  }
  return {
    subject: policy.key,
    async write() {
      const { at, now } = when;
      const row = { policy, publishedAt: at, publishedBy: actorId };
      await tx.insertPolicyVersion(row);
      // Packages in review under the earlier version, or never checked, are checked now, not at their next resubmission (0150, 0158).
      const rechecks = policy.appliesToPackagesInReview ? await recheckInReview(tx, policy, { at, now }) : [];
      await tx.appendAudit({ event: { action: 'policy.published', subject: policy.key, before: previous, after: policy }, actorId, at });
      for (const event of rechecks) await tx.appendAudit({ event, actorId, at });
      const [created] = await entriesOf(tx, [row]);
      if (!created) throw new Error('The policy version just written is missing');
      return created;
    },
  };
}
