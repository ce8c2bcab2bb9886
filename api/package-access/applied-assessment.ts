import type { TierOverride } from '#domain/contracts/risk-assessment.ts';
import { appliedAssessmentOf, type AssessmentTierFacts } from '#domain/policy/applied-assessment.ts';
import { effectiveTier } from '#domain/policy/risk-tiering.ts';
import type { AppliedAssessment } from '#domain/policy/signed-governance.ts';
import { tierSettersOf } from '#domain/policy/tier-setters.ts';
import type { StoredTierOverride, StoreTx } from '../store/store.ts';
import type { TierAssessment } from '../store/risk-assessments.ts';

// The risk assessment that applies to a package (docs/decisions/0165): the stored rows read as the
// list shows them, through the one rule clients sign by. Signing names it in the payload (0107).

export function toTierOverride(o: StoredTierOverride): TierOverride {
  return { tier: o.tier, reason: o.reason, requestedBy: { userId: o.requestedBy, role: o.requestedRole }, confirmedBy: o.confirmedBy && o.confirmedRole ? { userId: o.confirmedBy, role: o.confirmedRole } : null };
}

/** One stored assessment as the rule reads it; `ownerId` is the package owner's, whose assessment is a proposal. */
export function tierFactsOf(a: TierAssessment, override: StoredTierOverride | null, ownerId: string): AssessmentTierFacts {
  return { number: a.number, method: a.result.method, computedTier: a.result.computedTier, effectiveTier: effectiveTier(a.result, override && toTierOverride(override)), proposal: a.assessedBy === ownerId };
}

export async function appliedAssessment(tx: Pick<StoreTx, 'findPackage' | 'listRiskAssessments' | 'listTierOverrides'>, packageId: string): Promise<AppliedAssessment | null> {
  const [pkg, assessments, overrides] = await Promise.all([tx.findPackage(packageId), tx.listRiskAssessments(packageId), tx.listTierOverrides(packageId)]);
  if (!pkg || assessments.length === 0) return null;
  return appliedAssessmentOf(assessments.map((a) => tierFactsOf(a, overrides.find((o) => o.number === a.number) ?? null, pkg.ownerId)));
}

/** Who set the tier in effect (docs/decisions/0174): they may not approve the package. */
export async function tierSetters(tx: Pick<StoreTx, 'findPackage' | 'listRiskAssessments' | 'listTierOverrides'>, packageId: string): Promise<string[]> {
  const [pkg, assessments, overrides] = await Promise.all([tx.findPackage(packageId), tx.listRiskAssessments(packageId), tx.listTierOverrides(packageId)]);
  return pkg ? tierSettersFrom(assessments, overrides, pkg.ownerId) : [];
}

/** The same, from one package's stored assessments and overrides (its owner's assessment is a proposal). */
export function tierSettersFrom(assessments: readonly TierAssessment[], overrides: readonly StoredTierOverride[], ownerId: string): string[] {
  return tierSettersOf(
    assessments.map((a) => {
      const override = overrides.find((o) => o.number === a.number) ?? null;
      return { ...tierFactsOf(a, override, ownerId), assessedBy: a.assessedBy, overrideConfirmedBy: override?.confirmedBy ?? null };
    }),
  );
}
