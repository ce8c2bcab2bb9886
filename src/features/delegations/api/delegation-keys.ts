import type { Role } from '#domain/contracts/roles.ts';

/** Hierarchical keys: invalidating `all` refreshes every delegation list after a change. */
export const delegationKeys = {
  all: ['delegations'] as const,
  mine: () => [...delegationKeys.all, 'mine'] as const,
  activeFor: (role: Role) => [...delegationKeys.all, 'active', role] as const,
  directory: () => ['users', 'directory'] as const,
};
