import { isReviewerRole, type Role } from '#domain/contracts/roles.ts';
import type { Expectation } from './expectations.ts';
import type { Principal } from './world.ts';

export type Variant = 'own' | 'other' | 'none';

export interface Outcome {
  status: number;
  /** Whether the refusal must be an access.denied audit entry (every refusal of an identified caller). */
  audited: boolean;
}

const allowed = (status: number): Outcome => ({ status, audited: false });
const denied = (status: 403 | 404): Outcome => ({ status, audited: true });

/** The routes a pipeline token may call; on every other route it is refused (403) and audited. */
const tokenRoutes = new Set(['own-model', 'package-owner']);

/** What the matrix expects of one cell, derived from the route's rule alone. */
export function expectedOutcome(expectation: Expectation, successStatus: number, principal: Principal, variant: Variant): Outcome {
  const { rule } = expectation;
  const ok = allowed(expectation.allowedStatus?.status ?? successStatus);
  if (principal === 'anonymous') return rule.kind === 'public' ? ok : { status: 401, audited: false };
  if (principal === 'token') {
    if (!tokenRoutes.has(rule.kind)) return denied(403);
    if (variant === 'own') return ok;
    return denied(rule.kind === 'own-model' ? 403 : 404);
  }
  const role: Role = principal;
  const reviewer = isReviewerRole(role);
  switch (rule.kind) {
    case 'public':
    case 'signed-in':
      return ok;
    case 'roles':
      return rule.roles.includes(role) ? ok : denied(403);
    case 'visible-package':
      if (rule.roles && !rule.roles.includes(role)) return denied(403);
      return variant === 'other' && role === 'model_owner' ? denied(404) : ok;
    case 'own-model':
      if (role !== 'model_owner') return denied(403);
      return variant === 'own' ? ok : denied(403);
    case 'package-owner':
      if (role !== 'model_owner') return denied(403);
      return variant === 'own' ? ok : denied(404);
    case 'owner-or-reviewer':
      if (role === 'model_owner') return variant === 'own' ? ok : denied(404);
      return reviewer ? ok : denied(403);
    case 'author':
      return variant === 'own' ? ok : denied(403);
    case 'finding-party':
      if (role === 'model_owner') return variant === 'own' ? ok : denied(404);
      return role === rule.raisedRole ? ok : denied(403);
    case 'step-role':
      if (!reviewer) return denied(403);
      return role === rule.role ? ok : denied(403);
    case 'own-object':
      return variant === 'own' ? ok : denied(404);
    case 'giver-or-admin':
      return variant === 'own' || role === 'admin' ? ok : denied(404);
    case 'self-or-admin':
      return variant === 'own' || role === 'admin' ? ok : denied(403);
    case 'delegator':
      return variant === 'own' ? ok : denied(404);
    case 'model-of-own':
      return role === 'model_owner' && variant === 'own' ? ok : denied(403);
    case 'token-creator-or-admin':
      if (role === 'admin') return ok;
      if (role !== 'model_owner') return denied(403);
      return variant === 'own' ? ok : denied(404);
    case 'reviewer-own-object':
      if (!reviewer) return denied(403);
      return variant === 'own' ? ok : denied(404);
    case 'package-owner-in-person':
      if (role !== 'model_owner') return denied(403);
      return variant === 'own' ? ok : denied(404);
  }
}
