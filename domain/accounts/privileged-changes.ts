import type { Role } from '../contracts/roles.ts';

// Which account changes need a second administrator (docs/decisions/0175). A role is privileged
// when its holder decides or confirms something another person relies on: the reviewer roles
// sign workflow steps (model risk's assessment decides the tier), the committee takes the last
// step and confirms overrides, and an administrator hands out every role (and approves these
// requests). Only the model owner's role decides nothing: an owner submits and proposes, and
// every one of those acts is reviewed by someone else.

export const privilegedRoles: readonly Role[] = ['data_governance', 'model_risk', 'fair_lending', 'privacy', 'security', 'committee', 'admin'];

export function isPrivilegedRole(role: Role): boolean {
  return privilegedRoles.includes(role);
}

export function holdsPrivilegedRole(roles: readonly Role[]): boolean {
  return roles.some(isPrivilegedRole);
}

/**
 * Whether replacing `before` by `after` needs a second administrator: it grants a privileged
 * role, or it takes the administrator role away (an administrator who could demote the others
 * alone would soon be the only one, and the only one may add an administrator alone).
 */
export function rolesChangeNeedsApproval(before: readonly Role[], after: readonly Role[]): boolean {
  const grants = after.some((role) => isPrivilegedRole(role) && !before.includes(role));
  const demotes = before.includes('admin') && !after.includes('admin');
  return grants || demotes;
}

/**
 * Bootstrap: an installation starts with one administrator (the setup secret creates it). While
 * it has only that one, it may create a second administrator (administrator role alone) at once;
 * every other privileged change waits for that second administrator's approval.
 */
export function isBootstrapAdministrator(roles: readonly Role[], administrators: number): boolean {
  return administrators === 1 && roles.length === 1 && roles[0] === 'admin';
}

/** How long a request waits for a second administrator before it lapses. */
export const accountRequestLifetimeMs = 72 * 3_600_000;

/**
 * Whether a grant must wait for the holder's own password (docs/decisions/0181): with mail on, an
 * account whose current password descends from an administrator's temporary one (that
 * administrator knows it, or knew it long enough to change it "as the holder") receives no
 * privileged role it does not hold until its holder sets a password through a link sent to their
 * own address. Single sign-on accounts have no password here and are not concerned.
 */
export function grantNeedsHolderPassword(account: { roles: readonly Role[]; passwordHash: string; passwordSetByAdmin?: string | null }, rolesAfter: readonly Role[], mailOn: boolean): boolean {
  if (!mailOn || account.passwordHash === '' || !account.passwordSetByAdmin) return false;
  return rolesAfter.some((role) => isPrivilegedRole(role) && !account.roles.includes(role));
}

/** How long a set-password link works. */
export const passwordLinkLifetimeMs = 24 * 3_600_000;

/** The mail outbox's dedupe key of a set-password link's message starts so: its body is emptied once sent. */
export const passwordLinkDedupePrefix = 'password-link:';
