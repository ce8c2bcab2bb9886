/** The token list's cache key, shared by the list and the mutations that change it. */
export const apiTokensKey = ['admin', 'api-tokens'] as const;
