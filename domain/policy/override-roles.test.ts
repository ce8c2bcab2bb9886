import { describe, expect, it } from 'vitest';
import { overrideConfirmRoles, overrideRequestRefusal, overrideRequestRoles } from './override-roles.ts';

const owner = { id: 'owner', roles: ['model_owner', 'model_risk', 'committee'] as const };
const elena = { id: 'elena', roles: ['model_risk'] as const };
const privacy = { id: 'pia', roles: ['privacy', 'committee', 'admin'] as const };

describe('overrideRequestRoles', () => {
  it('lets the owner ask on their own package only as its model owner, whatever else they hold', () => {
    expect(overrideRequestRoles(owner, 'owner')).toEqual(['model_owner']);
    expect(overrideRequestRefusal(owner, 'owner', 'model_risk')?.status).toBe(422);
  });
  it('lets reviewers other than model risk ask; model risk re-assesses instead; no one asks as administrator', () => {
    expect(overrideRequestRoles(privacy, 'owner')).toEqual(['privacy', 'committee']);
    expect(overrideRequestRoles(elena, 'owner')).toEqual([]);
    expect(overrideRequestRefusal(elena, 'owner', 'model_risk')?.status).toBe(422);
    expect(overrideRequestRefusal(privacy, 'owner', 'admin')?.status).toBe(422);
    expect(overrideRequestRefusal(privacy, 'owner', 'model_owner')?.status).toBe(403);
    expect(overrideRequestRefusal(privacy, 'owner', 'privacy')).toBeNull();
  });
});

describe('overrideConfirmRoles', () => {
  it('is model risk, never the owner of the package nor the requester', () => {
    expect(overrideConfirmRoles(elena, 'owner', 'pia')).toEqual(['model_risk']);
    expect(overrideConfirmRoles(privacy, 'owner', 'someone')).toEqual([]);
    expect(overrideConfirmRoles(owner, 'owner', 'pia')).toEqual([]);
    expect(overrideConfirmRoles(elena, 'owner', 'elena')).toEqual([]);
  });
});
