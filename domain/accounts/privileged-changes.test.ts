import { describe, expect, it } from 'vitest';
import { roleSchema } from '../contracts/roles.ts';
import { holdsPrivilegedRole, isBootstrapAdministrator, rolesChangeNeedsApproval } from './privileged-changes.ts';

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
