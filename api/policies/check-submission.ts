import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { Policy, PolicyEvaluation } from '#domain/contracts/policies.ts';
import { applicablePolicy, type PackageScope } from '#domain/policy/applicable-policy.ts';
import { checkProblems } from '#domain/policy/check-wording.ts';
import { evaluateAgainstPolicy, failedChecks } from '#domain/policy/evaluate-against-policy.ts';
import { problems } from '../kernel/problems.ts';
import type { StoreTx } from '../store/store.ts';

// The governance check at submission, against the organisation's numbers. A new package is
// checked against the policy its tier, business line and model type fall under; a resubmission against the
// policy version its package was checked under before, unless a newer version of that policy
// was published to apply to packages in review too.

interface Scope extends PackageScope {
  packageId: string | null;
}

function newestOf(policies: readonly Policy[], key: string): Policy | undefined {
  return policies.filter((p) => p.key === key).sort((a, b) => b.version - a.version)[0];
}

async function policyFor(tx: StoreTx, scope: Scope): Promise<Policy | undefined> {
  const policies = (await tx.listPolicyVersions()).map((row) => row.policy);
  if (scope.packageId === null) return applicablePolicy(policies, scope);
  const previous = (await tx.listPolicyEvaluations([scope.packageId])).at(-1)?.evaluation.policy;
  if (!previous) {
    const candidate = applicablePolicy(policies, scope);
    return candidate?.appliesToPackagesInReview ? candidate : undefined;
  }
  const newest = newestOf(policies, previous.key);
  if (newest && newest.version > previous.version && newest.appliesToPackagesInReview) return newest;
  return policies.find((p) => p.key === previous.key && p.version === previous.version);
}

/**
 * The evaluation to store with the version, or null when no policy applies; throws the 422
 * refusal (each failed check at its field, nothing stored) when the policy refuses entry.
 */
export async function checkSubmission(tx: StoreTx, content: PackageContent, scope: Scope, root: string): Promise<PolicyEvaluation | null> {
  const policy = await policyFor(tx, scope);
  if (!policy) return null;
  const evaluation = evaluateAgainstPolicy(content, policy);
  if (evaluation.outcome !== 'refused') return evaluation;
  const failed = failedChecks(evaluation);
  const blocking = failed.filter((c) => c.enforcement === 'blocking').length;
  throw problems.policyRefused(
    `Policy "${policy.name}" (${policy.key} version ${policy.version}) refuses this submission: ${blocking} blocking requirement${blocking === 1 ? '' : 's'} not met. Each is listed with its field.`,
    checkProblems(failed, evaluation.policy, content, root),
    evaluation,
  );
}
