import type { SigningPayload } from '#domain/contracts/signatures.ts';
import { canonicalize } from '#domain/json/canonicalize.ts';
import { signedGovernance } from '#domain/policy/signed-governance.ts';
import { problems } from '../kernel/problems.ts';
import { describeGovernanceRefusal } from '#domain/policy/approval-governance.ts';
import { appliedAssessment } from '../package-access/applied-assessment.ts';
import { governanceBlockersOf } from '../risk-assessments/governance-gate.ts';
import type { StoredPackage, StoreTx } from '../store/store.ts';

async function expectedGovernance(tx: StoreTx, pkg: StoredPackage, payload: SigningPayload) {
  const evaluation = (await tx.listPolicyEvaluations([pkg.id])).find((e) => e.version === payload.versionNumber)?.evaluation ?? null;
  return signedGovernance(evaluation, await appliedAssessment(tx, pkg.id));
}

/**
 * Where a policy check or a risk assessment applies, the member is required (decision record
 * 0115): a payload without it is 422 at `/payload/governance`, nothing stored. Only a package
 * with neither may be signed without it, as every decision was before the member existed.
 * Checked last, after who may decide: a caller without the right is told that first.
 */
export async function assertGovernancePresent(tx: StoreTx, pkg: StoredPackage, payload: SigningPayload): Promise<void> {
  if (payload.governance) return;
  const expected = await expectedGovernance(tx, pkg, payload);
  if (expected.policy === null && expected.riskAssessment === null) return;
  throw problems.validation([{ pointer: '/payload/governance', message: `This decision must say what it was made under (${describe(expected)}); reload the package and sign again`, code: 'governance_required' }]);
}

/**
 * A payload naming the policy check and risk tier it was signed under must name the ones
 * stored (docs/decisions/0107): a signer shown an older check or tier signs again.
 */
export async function assertSignedGovernance(tx: StoreTx, pkg: StoredPackage, payload: SigningPayload): Promise<void> {
  if (!payload.governance) return;
  const expected = await expectedGovernance(tx, pkg, payload);
  if (canonicalize(expected) === canonicalize(payload.governance)) return;
  const what = canonicalize(expected.policy) === canonicalize(payload.governance.policy) ? 'risk tier' : 'policy check';
  throw problems.packageChanged(`The ${what} of this package is not the one you were shown (${describe(expected)}). Reload the package and sign again.`, null);
}

/**
 * An approving decision of any kind is refused while the version fails a blocking requirement of
 * the policy that applies to it now, or no risk assessment by the current method decided its
 * tier (docs/decisions/0141). Read under the package lock, which a resubmission and an
 * assessment also take: the refusal is about the state the signature would be recorded against.
 */
export async function assertGovernanceAllowsApproval(tx: StoreTx, pkg: StoredPackage, versionNumber: number): Promise<void> {
  const blockers = await governanceBlockersOf(tx, pkg.id, versionNumber);
  if (blockers.length === 0) return;
  const evaluation = (await tx.listPolicyEvaluations([pkg.id])).find((e) => e.version === versionNumber)?.evaluation ?? null;
  throw problems.governanceBlocked(describeGovernanceRefusal(blockers), blockers, evaluation);
}

function describe(g: Awaited<ReturnType<typeof signedGovernance>>): string {
  const policy = g.policy ? `policy ${g.policy.key} version ${g.policy.version}` : 'no policy';
  const tier = g.riskAssessment ? `tier ${g.riskAssessment.tier} by ${g.riskAssessment.method.key} version ${g.riskAssessment.method.version}` : 'no risk assessment';
  return `${policy}, ${tier}`;
}
