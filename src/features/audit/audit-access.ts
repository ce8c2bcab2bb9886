import type { Role } from '#domain/contracts/roles.ts';

/** The whole log (and so its integrity check) is for those who oversee every package, as the API's routes say. */
export function mayOverseeAudit(roles: readonly Role[]): boolean {
  return roles.includes('committee') || roles.includes('admin');
}
