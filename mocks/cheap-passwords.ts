import type { PasswordPort } from '#api/kernel/context.ts';
import { sha256Hex } from '#domain/crypto/sha256.ts';

/** Mocks only: a salted SHA-256 is enough for fake accounts that live in memory. */
export const cheapPasswords: PasswordPort = {
  async hash(password) {
    const salt = crypto.randomUUID();
    return `mock$${salt}$${await sha256Hex(salt + password)}`;
  },
  async verify(password, stored) {
    const [scheme, salt, digest] = stored.split('$');
    if (scheme !== 'mock' || !salt || !digest) return false;
    return (await sha256Hex(salt + password)) === digest;
  },
};
