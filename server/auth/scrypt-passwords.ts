import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordPort } from '#api/kernel/context.ts';

// scrypt with N=2^15, r=8, p=1 (OWASP's minimum is 2^17 with p=1 for 64 MiB; we use 2^15
// with r=8, 32 MiB, the RFC 7914 interactive setting, to keep log-in under 100 ms on 2 cores).
const params = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;
const keyLength = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * The scheme at another cost N (a power of two). verify() reads the cost from the stored hash,
 * so a hash made at any cost verifies with real scrypt at that cost. Tests seed their demo
 * accounts through a cheap one, which the server's own scryptPasswords then verifies at every
 * sign-in (decision 0124); the server hashes only at 2^15.
 */
export function scryptPasswordsAtCost(N: number): PasswordPort {
  const cost = { ...params, N } satisfies ScryptOptions;
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, cost);
      return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
    },
    async verify(password, stored) {
      const [scheme, n, r, p, salt, key] = stored.split('$');
      if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
      const expected = Buffer.from(key, 'base64');
      const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), maxmem: params.maxmem });
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}

export const scryptPasswords: PasswordPort = scryptPasswordsAtCost(params.N);
