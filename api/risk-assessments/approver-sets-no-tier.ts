import { approvedLatestVersion, approverSettingTierRefusal } from '#domain/policy/tier-setters.ts';
import { DeniedError } from '../denials/denials.ts';
import { problems } from '../kernel/problems.ts';
import type { StoredPackage, StoreTx } from '../store/store.ts';

/**
 * Whoever approved the latest version (themselves or through a delegate) does not set its tier
 * afterwards, by an assessment or an override's confirmation (docs/decisions/0174, amended):
 * the refusal is audited as a denied attempt. Read under the package lock signing also takes.
 */
export async function assertNotApproverSettingTier(tx: StoreTx, pkg: StoredPackage, userId: string): Promise<void> {
  const [decisions, versions] = await Promise.all([tx.listDecisions([pkg.id]), tx.listVersionFacts([pkg.id])]);
  const latest = Math.max(0, ...versions.map((v) => v.number));
  const delegated = new Map((await tx.listDecisionDelegations(decisions.map((d) => d.id))).map((row) => [row.decisionId, row.delegatorId]));
  const facts = decisions.map((d) => ({ versionNumber: d.versionNumber, decision: d.decision, actorId: d.actor.id, delegatorId: delegated.get(d.id) ?? null }));
  if (!approvedLatestVersion(facts, latest, userId)) return;
  throw new DeniedError(problems.approverCannotSetTier(approverSettingTierRefusal), 'segregation of duties: the approver would set the risk tier');
}
