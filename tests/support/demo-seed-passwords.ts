// The demo accounts' password hash for tests that seed a real server: made once per worker and
// reused by every seed, a real scrypt hash in the server's format at cost 2^10 instead of the
// server's 2^15. The server verifies it at each sign-in, and at each signature's password, with
// its own scrypt at the cost the hash names, as it would any older hash; only those hundreds of
// derivations a run cost less, about 90 ms → 3 ms each (decisions 0127 and 0124). Every other
// password (a new account, a changed password, the decoy of an unknown email) is the server's.
import type { PasswordPort } from '#api/kernel/context.ts';
import { scryptPasswordsAtCost } from '#server/auth/scrypt-passwords.ts';

const seedCost = 2 ** 10;
export const demoPassword = 'demo-password';
let demoPasswordHash: Promise<string> | undefined;

/** What seedDemo hashes with: the shared cheap hash for the demo password, the server's scrypt otherwise. */
export function demoSeedPasswords(passwords: PasswordPort): PasswordPort {
  return {
    hash: (password) => (password === demoPassword ? (demoPasswordHash ??= scryptPasswordsAtCost(seedCost).hash(password)) : passwords.hash(password)),
    verify: (password, stored) => passwords.verify(password, stored),
  };
}
