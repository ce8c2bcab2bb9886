import { describe, expect, it } from 'vitest';
import { isBreachedPassword } from './breached-passwords.ts';

describe('isBreachedPassword', () => {
  it('refuses long passwords from the breach list as they are', () => {
    expect(isBreachedPassword('1qaz2wsx3edc4rfv')).toBe(true);
    expect(isBreachedPassword('passwordpassword')).toBe(true);
  });

  it('refuses a listed password repeated, and a character or two repeated', () => {
    expect(isBreachedPassword('dragondragondragon')).toBe(true);
    expect(isBreachedPassword('abababababababab')).toBe(true);
  });

  it('refuses two listed passwords joined, with or without spaces', () => {
    expect(isBreachedPassword('sunshinebaseball')).toBe(true);
    expect(isBreachedPassword('sunshine baseball')).toBe(true);
    expect(isBreachedPassword('qwerty123456789')).toBe(true);
  });

  it('refuses a listed password with digits and symbols added at either end', () => {
    for (const password of ['password12345678!', 'welcome12345678!', 'letmeinletmein!', 'password1password1!', 'qwertyuiop12345!', '!!!!sunshine2026!!!!']) expect(isBreachedPassword(password), password).toBe(true);
  });

  it('accepts a passphrase of unrelated words, and a long random string', () => {
    expect(isBreachedPassword('velvet ostrich pencil harbour')).toBe(false);
    expect(isBreachedPassword('tq8v-ramp-lyx2-gould')).toBe(false);
  });
});
