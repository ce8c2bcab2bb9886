import { describe, expect, it } from 'vitest';
import { bytesToHex } from '#domain/crypto/hex.ts';
import { sha256Sync } from '#domain/crypto/sha256-sync.ts';
import { sessionCookieName, secureSessionCookieName } from './cookies.ts';
import { sessionTokenHash } from './session-policy.ts';

// The session token's hash, the key sessions are stored under: remembered for recent tokens
// (docs/decisions/0229), so it must stay the hash of exactly the token the request carries.

const hashOf = (token: string) => bytesToHex(sha256Sync(new TextEncoder().encode(token)));

describe('the session token hash', () => {
  it('is the SHA-256 of the token the cookie carries, asked once or many times', () => {
    const token = 'a'.repeat(43);
    const cookies = `theme=dark; ${sessionCookieName}=${token}`;
    for (let i = 0; i < 3; i++) expect(sessionTokenHash(cookies, false)).toBe(hashOf(token));
    // A token one character away, asked after it, is its own hash.
    const other = `${'a'.repeat(42)}b`;
    expect(sessionTokenHash(`${sessionCookieName}=${other}`, false)).toBe(hashOf(other));
    expect(sessionTokenHash(cookies, false)).toBe(hashOf(token));
  });

  it('reads the cookie of the scheme asked and nothing else', () => {
    const cookies = `${sessionCookieName}=plain-token; ${secureSessionCookieName}=secure-token`;
    expect(sessionTokenHash(cookies, false)).toBe(hashOf('plain-token'));
    expect(sessionTokenHash(cookies, true)).toBe(hashOf('secure-token'));
    expect(sessionTokenHash(`${sessionCookieName}=plain-token`, true)).toBeNull();
    expect(sessionTokenHash(null, false)).toBeNull();
    expect(sessionTokenHash(`${sessionCookieName}=`, false)).toBeNull();
  });

  it('stays right past the bound of remembered tokens and for tokens too long to remember', () => {
    const tokens = Array.from({ length: 2_100 }, (_, i) => `token-${i}`);
    for (const token of tokens) expect(sessionTokenHash(`${sessionCookieName}=${token}`, false)).toBe(hashOf(token));
    for (const token of tokens.slice(0, 50)) expect(sessionTokenHash(`${sessionCookieName}=${token}`, false)).toBe(hashOf(token));
    const long = 'L'.repeat(5_000);
    expect(sessionTokenHash(`${sessionCookieName}=${long}`, false)).toBe(hashOf(long));
    expect(sessionTokenHash(`${sessionCookieName}=${long}`, false)).toBe(hashOf(long));
  });
});
