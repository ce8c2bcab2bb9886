/** The account list's cache key, shared by the list and every change to an account. */
export const usersKey = ['admin', 'users'] as const;

/** The pending account requests (0175), refreshed with every change to an account. */
export const accountRequestsKey = ['admin', 'account-requests'] as const;
