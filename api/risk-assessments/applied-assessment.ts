import type { TierOverride } from '#domain/contracts/risk-assessment.ts';
import { effectiveTier } from '#domain/policy/risk-tiering.ts';
import type { AppliedAssessment } from '#domain/policy/signed-governance.ts';
import type { StoredTierOverride, StoreTx } from '../store/store.ts';

// The risk assessment that applies to a package: its latest, with the tier a confirmed
// override gives. Signing names it in the payload (docs/decisions/0107).

export function toTierOverride(o: StoredTierOverride): TierOverride {
  return { tier: o.tier, reason: o.reason, requestedBy: { userId: o.requestedBy, role: o.requestedRole }, confirmedBy: o.confirmedBy && o.confirmedRole ? { userId: o.confirmedBy, role: o.confirmedRole } : null };
}

export async function appliedAssessment(tx: Pick<StoreTx, 'listRiskAssessments' | 'listTierOverrides'>, packageId: string): Promise<AppliedAssessment | null> {
  const latest = (await tx.listRiskAssessments(packageId)).at(-1);
  if (!latest) return null;
  const override = (await tx.listTierOverrides(packageId)).find((o) => o.number === latest.number);
  return { number: latest.number, method: latest.result.method, tier: effectiveTier(latest.result, override ? toTierOverride(override) : null) };
}
