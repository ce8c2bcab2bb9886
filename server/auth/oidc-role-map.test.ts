import { describe, expect, it } from 'vitest';
import { claimValues, mapRoles, parseRoleMap, roleMapSchema } from './oidc-role-map.ts';

describe('OIDC role mapping', () => {
  it('without a map, grants nothing, not even claim values that are role names (0175)', () => {
    expect(mapRoles(['model_risk', 'Domain Users', 'ADMIN', 'committee', 'admin', 'model_owner'], undefined)).toEqual([]);
  });

  it('with a map (JSON or comma list), grants only what the map says', () => {
    const json = parseRoleMap('{"grp-mrm": "model_risk", "governance": ["committee", "admin"]}');
    expect(mapRoles(['governance', 'model_risk', 'grp-unknown'], json)).toEqual(['committee', 'admin']);
    const list = parseRoleMap(' grp-mrm = model_risk , grp-fl=fair_lending,grp-fl=privacy ');
    expect(mapRoles(['grp-fl', 'grp-mrm'], list)).toEqual(['model_risk', 'fair_lending', 'privacy']);
    expect(mapRoles([], list)).toEqual([]);
  });

  it('refuses a map naming a role that does not exist, with the entry named', () => {
    expect(() => parseRoleMap('grp=superuser')).toThrow(/"grp" maps to "superuser"/);
    expect(() => parseRoleMap('{"grp": 1}')).toThrow(/not a role/);
    expect(() => parseRoleMap('{nope')).toThrow(/not valid JSON/);
    expect(() => parseRoleMap('just-a-group')).toThrow(/claim-value=role/);
    expect(roleMapSchema.safeParse('a=b').success).toBe(false);
    expect(roleMapSchema.safeParse('a=admin').success).toBe(true);
  });

  it('reads a list, a single string, or a nested claim; anything else is no values', () => {
    expect(claimValues({ roles: ['a', 2, 'b'] }, 'roles')).toEqual(['a', 'b']);
    expect(claimValues({ roles: 'a' }, 'roles')).toEqual(['a']);
    expect(claimValues({ realm_access: { roles: ['x'] } }, 'realm_access.roles')).toEqual(['x']);
    expect(claimValues({ roles: { a: true } }, 'roles')).toEqual([]);
    expect(claimValues({}, 'roles')).toEqual([]);
    // An inherited property is not a claim.
    expect(claimValues({}, 'constructor')).toEqual([]);
  });
});
