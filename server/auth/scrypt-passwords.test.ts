import { describe, expect, it } from 'vitest';
import { scryptPasswords, scryptPasswordsAtCost } from './scrypt-passwords.ts';

describe('scrypt passwords', () => {
  it('the server hashes at N = 2^15, r = 8, p = 1 and verifies its own hash', async () => {
    const stored = await scryptPasswords.hash('correct horse');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await scryptPasswords.verify('correct horse', stored)).toBe(true);
    expect(await scryptPasswords.verify('correct horsE', stored)).toBe(false);
  });

  it('verifies a hash made at another cost with real scrypt at the cost the hash names (what tests seed)', async () => {
    const stored = await scryptPasswordsAtCost(2 ** 10).hash('demo-password');
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await scryptPasswords.verify('demo-password', stored)).toBe(true);
    expect(await scryptPasswords.verify('demo-passwore', stored)).toBe(false);
    // The cost is part of what is checked: the same salt and key under another N do not verify.
    expect(await scryptPasswords.verify('demo-password', stored.replace('scrypt$1024$', 'scrypt$2048$'))).toBe(false);
  });
});
