import { isReviewerRole, type Role } from '../contracts/roles.ts';

// Who may ask for a tier override and who confirms one (docs/decisions/0167): the server refuses
// what these do not offer, and the risk assessment panel offers only what they allow.

/** The one role that confirms an override: model risk management, independent of the model's developers. */
export const overrideConfirmerRole: Role = 'model_risk';

interface Viewer {
  id: string;
  roles: readonly Role[];
}

/**
 * The roles someone may ask in. The owner asks on their own package as its model owner only,
 * whatever other roles they hold; anyone else in a reviewer role other than model risk, which
 * re-assesses instead (its assessment decides the tier directly, 0165) and confirms.
 */
export function overrideRequestRoles(viewer: Viewer, ownerId: string): Role[] {
  if (viewer.id === ownerId) return viewer.roles.includes('model_owner') ? ['model_owner'] : [];
  return viewer.roles.filter((r) => r !== overrideConfirmerRole && isReviewerRole(r));
}

/** Why `role` may not be asked in (null: it may), with whether it is a matter of the caller (403) or of the role named (422). */
export function overrideRequestRefusal(viewer: Viewer, ownerId: string, role: Role): { status: 403 | 422; message: string } | null {
  if (overrideRequestRoles(viewer, ownerId).includes(role)) return null;
  if (role === 'model_owner') return { status: 403, message: 'Only the package owner asks for an override as its model owner' };
  if (viewer.id === ownerId) return { status: 422, message: 'On your own package you ask for an override as its model owner, not in a reviewer role' };
  if (role === overrideConfirmerRole) return { status: 422, message: 'Model risk management does not ask for an override: it records a new assessment, which decides the tier, and confirms the overrides others ask for' };
  return { status: 422, message: 'An override is asked for in a reviewer role or, on their own package, by the model owner; an administrator does not judge risk' };
}

/** The roles someone may confirm an override in: model risk, never the owner's own package, never their own request. */
export function overrideConfirmRoles(viewer: Viewer, ownerId: string, requestedBy: string): Role[] {
  if (viewer.id === ownerId || viewer.id === requestedBy) return [];
  return viewer.roles.includes(overrideConfirmerRole) ? [overrideConfirmerRole] : [];
}
