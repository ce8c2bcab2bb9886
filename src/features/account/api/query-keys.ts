/** Cache keys of the account page: the signed-in person's own sessions. */
export const accountKey = ['account'] as const;
export const ownSessionsKey = [...accountKey, 'sessions'] as const;
