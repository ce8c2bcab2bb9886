import type { TierOverride } from '#domain/contracts/risk-assessment.ts';
import { effectiveTier } from '#domain/policy/risk-tiering.ts';
import type { AppliedAssessment } from '#domain/policy/signed-governance.ts';
import type { StoredTierOverride, StoreTx } from '../store/store.ts';

// The risk assessment that applies to a package: its latest, with the tier a confirmed
// override gives. Signing names it in the payload (docs/decisions/0107).

export function toTierOverride(o: StoredTierOverride): TierOverride {
  return { tier: o.tier, reason: o.reason, requestedBy: { userId: o.requestedBy, role: o.requestedRole }, confirmedBy: o.confirmedBy && o.confirmedRole ? { userId: o.confirmedBy, role: o.confirmedRole } : null };
}

/**
 * A confirmed override is a two-person judgement: a later assessment by one person must not undo
 * it. The tier of the newest confirmed override on an earlier assessment therefore still holds
 * when it is stricter (a lower number) than what the latest assessment gives; a less strict tier
 * takes a new override, confirmed again.
 */
function carriedOverrideTier(overrides: readonly StoredTierOverride[], latestNumber: number): number | null {
  const carried = overrides.filter((o) => o.number < latestNumber && o.confirmedBy !== null).sort((a, b) => b.number - a.number)[0];
  return carried ? carried.tier : null;
}

export async function appliedAssessment(tx: Pick<StoreTx, 'listRiskAssessments' | 'listTierOverrides'>, packageId: string): Promise<AppliedAssessment | null> {
  const latest = (await tx.listRiskAssessments(packageId)).at(-1);
  if (!latest) return null;
  const overrides = await tx.listTierOverrides(packageId);
  const own = overrides.find((o) => o.number === latest.number);
  const tier = effectiveTier(latest.result, own ? toTierOverride(own) : null);
  const carried = own?.confirmedBy ? null : carriedOverrideTier(overrides, latest.number);
  return { number: latest.number, method: latest.result.method, tier: carried === null ? tier : Math.min(tier, carried) };
}
