import { approvedLatestVersion, approverSettingTierRefusal } from '#domain/policy/tier-setters.ts';
import { DeniedError } from '../denials/denials.ts';
import { problems } from '../kernel/problems.ts';
import type { StoredPackage, StoreTx } from '../store/store.ts';

/**
 * Whoever approved the latest version (themselves or through a delegate) does not loosen its tier
 * afterwards, by an assessment or an override's confirmation (docs/decisions/0174, amended): a
 * laxer tier than the one in effect is refused, audited as a denied attempt, and the caller's
 * transaction rolls back. A stricter or equal tier only tightens, so it stays open to them (a
 * stricter tier after approval brings the revalidation forward, 0172). Read under the package lock.
 */
export async function assertApproverDoesNotLoosen(tx: StoreTx, pkg: StoredPackage, userId: string, tier: number): Promise<void> {
  const current = (await tx.findPackage(pkg.id))?.riskTier ?? pkg.riskTier;
  if (tier <= current) return;
  const [decisions, versions] = await Promise.all([tx.listDecisions([pkg.id]), tx.listVersionFacts([pkg.id])]);
  const latest = Math.max(0, ...versions.map((v) => v.number));
  const delegated = new Map((await tx.listDecisionDelegations(decisions.map((d) => d.id))).map((row) => [row.decisionId, row.delegatorId]));
  const facts = decisions.map((d) => ({ versionNumber: d.versionNumber, decision: d.decision, actorId: d.actor.id, delegatorId: delegated.get(d.id) ?? null }));
  if (!approvedLatestVersion(facts, latest, userId)) return;
  throw new DeniedError(problems.approverCannotSetTier(approverSettingTierRefusal(current, tier)), 'segregation of duties: the approver would loosen the risk tier');
}
