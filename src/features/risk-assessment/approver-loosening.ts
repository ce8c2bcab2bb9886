import type { PackageDetail } from '#domain/contracts/packages.ts';
import { approvedLatestVersion } from '#domain/policy/tier-setters.ts';

// The server's reverse rule of 0174 (api/risk-assessments/approver-sets-no-tier.ts), read from the
// package detail so the form says why before the attempt (docs/decisions/0183); the server stays
// the authority: a 403 approver-cannot-set-tier is shown as any other refusal.

/** Whether the viewer approved the latest version, themselves or through a delegate. */
export function viewerApprovedLatest(pkg: Pick<PackageDetail, 'decisions' | 'latestVersion'>, viewerId: string): boolean {
  const facts = pkg.decisions.map((d) => ({ versionNumber: d.versionNumber, decision: d.decision, actorId: d.actor.id, delegatorId: d.onBehalfOf?.delegator.id ?? null }));
  return approvedLatestVersion(facts, pkg.latestVersion, viewerId);
}

/** Why the viewer may not set `tier` (laxer than the one in effect, having approved), or null when they may. */
export function loosenRefusal(pkg: Pick<PackageDetail, 'decisions' | 'latestVersion' | 'riskTier'>, viewerId: string, tier: number): string | null {
  if (tier <= pkg.riskTier || !viewerApprovedLatest(pkg, viewerId)) return null;
  return `You approved the latest version of this package, so you do not loosen its risk tier (tier ${pkg.riskTier} in effect, tier ${tier} here): another model risk officer records it or confirms it (segregation of duties). The same or a stricter tier stays open to you.`;
}
