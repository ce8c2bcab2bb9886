import { assertAcceptablePassword } from '../users/managed-user.ts';

// With mail off, a privileged reset's temporary password is made by the server when the request
// is approved and shown only to the approving administrator (0181, amendment 2): the requester
// never knows it. 20 base32 characters carry 100 random bits; shown in groups of four to read aloud.

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'; // 32 symbols, without l, o, 0, 1 (misread)

function candidate(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  const chars = Array.from(bytes, (b) => alphabet[b & 31]);
  return [0, 4, 8, 12, 16].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** A fresh temporary password the password policy accepts (a refused draw, vanishingly rare, is drawn again). */
export function generateTemporaryPassword(context: { email?: string; displayName?: string }): string {
  for (let attempt = 1; ; attempt += 1) {
    const password = candidate();
    try {
      assertAcceptablePassword(password, '/temporaryPassword', context);
      return password;
    } catch (refused) {
      if (attempt >= 5) throw refused;
    }
  }
}
