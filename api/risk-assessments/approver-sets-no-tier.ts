import { approvedLatestVersion, approverSettingTierRefusal } from '#domain/policy/tier-setters.ts';
import { DeniedError } from '../denials/denials.ts';
import { decidedByReader } from '../package-access/decided-by.ts';
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
  // Read again: the caller's `pkg` was read before the package lock, and the tier may have moved.
  const current = (await tx.findPackage(pkg.id))?.riskTier ?? pkg.riskTier;
  if (tier <= current) return;
  const [decisions, versions] = await Promise.all([tx.listDecisions([pkg.id]), tx.listVersionFacts([pkg.id])]);
  const latest = Math.max(0, ...versions.map((v) => v.number));
  const facts = decisions.map(await decidedByReader(tx, decisions));
  if (!approvedLatestVersion(facts, latest, userId)) return;
  throw new DeniedError(problems.approverCannotSetTier(approverSettingTierRefusal(current, tier)), 'segregation of duties: the approver would loosen the risk tier');
}
