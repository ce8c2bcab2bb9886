/** Query keys of the policy pages: every list hangs under `all`, so one invalidation refreshes them. */
export const policyKeys = {
  all: ['policies'] as const,
  list: () => [...policyKeys.all, 'list'] as const,
};
