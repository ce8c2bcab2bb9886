/** Query keys of the template pages: every version list hangs under `all`, so one invalidation refreshes them. */
export const templateKeys = {
  all: ['templates'] as const,
  list: () => [...templateKeys.all, 'list'] as const,
};
