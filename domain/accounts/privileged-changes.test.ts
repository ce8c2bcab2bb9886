import { describe, expect, it } from 'vitest';
import { roleSchema } from '../contracts/roles.ts';
import { grantNeedsHolderPassword, holdsPrivilegedRole, isBootstrapAdministrator, rolesChangeNeedsApproval } from './privileged-changes.ts';

describe('privileged account changes (0175)', () => {
  it('holds every role privileged but the model owner’s', () => {
    expect(roleSchema.options.filter((role) => !holdsPrivilegedRole([role]))).toEqual(['model_owner']);
    expect(holdsPrivilegedRole([])).toBe(false);
  });

  it('a roles change needs approval when it grants a privileged role or takes the administrator role away', () => {
    expect(rolesChangeNeedsApproval(['model_owner'], ['model_owner', 'model_risk'])).toBe(true);
    expect(rolesChangeNeedsApproval(['admin'], [])).toBe(true);
    expect(rolesChangeNeedsApproval(['privacy', 'security'], ['privacy'])).toBe(false);
    expect(rolesChangeNeedsApproval(['privacy'], ['privacy'])).toBe(false);
    expect(rolesChangeNeedsApproval([], ['model_owner'])).toBe(false);
  });

  it('the only administrator may add an administrator (that role alone) at once, and no more', () => {
    expect(isBootstrapAdministrator(['admin'], 1)).toBe(true);
    expect(isBootstrapAdministrator(['admin'], 2)).toBe(false);
    expect(isBootstrapAdministrator(['admin', 'model_risk'], 1)).toBe(false);
  });
});

describe('a grant waits for the holder\'s own password (0181)', () => {
  const setByAdmin = { roles: [] as const, passwordHash: 'hash', passwordSetByAdmin: 'usr_admin' };
  it('with mail on, refuses a privileged role the account did not hold while an administrator\'s password is in force', () => {
    expect(grantNeedsHolderPassword(setByAdmin, ['model_risk'], true)).toBe(true);
    expect(grantNeedsHolderPassword({ ...setByAdmin, roles: ['model_owner'] }, ['model_owner', 'admin'], true)).toBe(true);
  });
  it('lets through what grants nothing privileged, what the holder set, single sign-on accounts, and everything with mail off', () => {
    expect(grantNeedsHolderPassword(setByAdmin, ['model_owner'], true)).toBe(false);
    expect(grantNeedsHolderPassword({ ...setByAdmin, roles: ['privacy'] }, ['privacy'], true)).toBe(false);
    expect(grantNeedsHolderPassword({ ...setByAdmin, passwordSetByAdmin: null }, ['model_risk'], true)).toBe(false);
    expect(grantNeedsHolderPassword({ ...setByAdmin, passwordHash: '' }, ['model_risk'], true)).toBe(false);
    expect(grantNeedsHolderPassword(setByAdmin, ['model_risk'], false)).toBe(false);
  });
});
