/** Query keys of the risk tiering administration: one invalidation of `all` refreshes both lists. */
export const riskTieringKeys = {
  all: ['risk-tiering'] as const,
  methods: () => [...riskTieringKeys.all, 'methods'] as const,
  schedules: () => [...riskTieringKeys.all, 'revalidation-schedules'] as const,
};
