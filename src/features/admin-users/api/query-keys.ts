/** The account list's cache key, shared by the list and every change to an account. */
export const usersKey = ['admin', 'users'] as const;
