import { identificationOf, type PackageContent } from '#domain/contracts/package-content.ts';
import type { PolicyEvaluation } from '#domain/contracts/policies.ts';
import { policyToReresolve, reevaluateInReview } from '#domain/policy/approval-governance.ts';
import type { StoredPackage, StoreTx } from '../store/store.ts';
import { parseJson } from '#domain/json/parse-json.ts';

// Once a risk assessment (or a confirmed override) decides a package's tier, the policy is
// resolved again from that tier (docs/decisions/0141): an owner declaring a lower tier does not
// choose a laxer policy. Run in the assessment's transaction, under the package lock, so that a
// signature in flight sees either the check before or the one after, never a mix.

/** The latest version's new check, stored, or null when the check it has still applies. */
export async function reresolvePolicy(tx: StoreTx, pkg: StoredPackage, assessed: { tier: number; assessment: number }, at: string): Promise<PolicyEvaluation | null> {
  const latest = (await tx.listVersionFacts([pkg.id])).filter((v) => v.packageId === pkg.id).sort((a, b) => a.number - b.number).at(-1);
  if (!latest) return null;
  const current = (await tx.listPolicyEvaluations([pkg.id])).find((e) => e.version === latest.number)?.evaluation ?? null;
  const policies = (await tx.listPolicyVersions()).map((row) => row.policy);
  const version = await tx.findVersion(pkg.id, latest.number);
  if (!version) throw new Error(`Version ${latest.number} of ${pkg.id} is missing`);
  const content = parseJson(version.canonicalContent) as PackageContent;
  // The model type is the latest version's own: the package row does not keep one (0157).
  const policy = policyToReresolve(policies, current?.policy ?? null, { riskTier: assessed.tier, businessLine: pkg.businessLine, modelType: identificationOf(content).modelType });
  if (!policy) return null;
  const evaluation = reevaluateInReview(content, policy, { ...assessed, from: current?.policy ?? null });
  await tx.insertPolicyReevaluation({ packageId: pkg.id, version: latest.number, evaluation, evaluatedAt: at });
  return evaluation;
}
