import { randomBytes } from 'node:crypto';
import type { ApiDeps } from '#api/kernel/context.ts';
import type { Store } from '#api/store.ts';
import { scryptPasswords } from './auth/scrypt-passwords.ts';
import { isDatabaseUnavailable } from './db/unavailable-error.ts';

export function serverDeps(store: Store, options: { sessionTtlHours: number; logError?: (e: unknown) => void }): ApiDeps {
  return {
    store,
    passwords: scryptPasswords,
    now: () => new Date(),
    randomToken: () => randomBytes(32).toString('base64url'),
    sessionTtlMs: options.sessionTtlHours * 3_600_000,
    logError: options.logError ?? ((error) => console.error('[api] unexpected error', error)),
    // Connection-level database failures answer 503 with Retry-After.
    isUnavailable: isDatabaseUnavailable,
  };
}
