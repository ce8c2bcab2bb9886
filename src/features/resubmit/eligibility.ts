import { packageStatusLabels, type PackageDetail } from '#domain/contracts/packages.ts';
import type { User } from '#domain/contracts/users.ts';
import { resubmissionOpen } from '#domain/workflow/resubmission-window.ts';

export type Eligibility = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether the viewer may submit a new version now, as the server will decide it: the owner
 * (who submitted every version, the first included), after a rejection or while a reviewer
 * waits for a clarification.
 */
export function resubmitEligibility(pkg: Pick<PackageDetail, 'status' | 'versions' | 'steps'>, viewer: Pick<User, 'id' | 'roles'>): Eligibility {
  const owner = viewer.roles.includes('model_owner') && pkg.versions[0]?.submittedBy.id === viewer.id;
  if (!owner) {
    return { allowed: false, reason: 'Only the model owner who submitted this package can submit a new version of it. You can read the package and its review on its page.' };
  }
  if (!resubmissionOpen(pkg.status, pkg.steps)) {
    return {
      allowed: false,
      reason: `A new version can be submitted after a rejection, or while a reviewer waits for a clarification. This package is ${packageStatusLabels[pkg.status].toLowerCase()}: there is nothing to revise now.`,
    };
  }
  return { allowed: true };
}
