import { describe, expect, it } from 'vitest';
import { maxPasswordLength, passwordProblem } from './password-policy.ts';

describe('the password policy (NIST SP 800-63B)', () => {
  it('accepts a long passphrase of any characters, with no composition rules', () => {
    expect(passwordProblem('river lantern quietly orbit')).toBeNull();
    expect(passwordProblem('ünïcödé pässwörd ☂︎ ok')).toBeNull();
  });

  it('refuses fewer than 15 characters, counted in code points after NFKC', () => {
    expect(passwordProblem('short-password')).toMatch(/at least 15/);
    // 14 emoji are 28 UTF-16 units but 14 characters.
    expect(passwordProblem('😀'.repeat(14))).toMatch(/at least 15/);
    expect(passwordProblem('x'.repeat(maxPasswordLength + 1))).toMatch(/at most/);
  });

  it('refuses common, repetitive and context-derived passwords', () => {
    expect(passwordProblem('PasswordPassword')).toMatch(/commonly used/);
    expect(passwordProblem('aaaaaaaaaaaaaaaaaaaa')).toMatch(/repeats/);
    expect(passwordProblem('dana.whitfield-is-here', { email: 'dana.whitfield@example.com' })).toMatch(/email/);
    expect(passwordProblem('hello Dana Whitfield 2026', { displayName: 'Dana Whitfield' })).toMatch(/name/);
  });
});
