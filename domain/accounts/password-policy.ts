// Passwords chosen here follow NIST SP 800-63B (rev. 4, §3.1.1.2) for a password used as a
// single factor: at least 15 characters, at most 256 (so passphrases fit), every printable
// character and space allowed, no composition rules, and refused when it is commonly used,
// repetitive or built from the account's own details. Length is counted in code points,
// after Unicode NFKC normalisation, as the guideline asks.

export const minPasswordLength = 15;
export const maxPasswordLength = 256;

/** Passwords that guessers try first (and the product's own published demo password). */
const commonPasswords = new Set([
  'demo-password',
  'password',
  'passwordpassword',
  'password1234567',
  'password12345678',
  '123456789012345',
  '1234567890123456',
  'qwertyuiopasdfg',
  'qwertyuiopasdfgh',
  'iloveyouiloveyou',
  'letmeinletmein',
  'correcthorsebatterystaple',
  'changemechangeme',
  'welcome12345678',
  'administrator123',
]);

export interface PasswordContext {
  email?: string;
  displayName?: string;
}

/** Why a new password is refused, in words for the person choosing it; null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  const normalized = password.normalize('NFKC');
  // Code points, as the guideline counts them (not UTF-16 units, not grapheme clusters).
  const length = Array.from(normalized).length;
  if (length < minPasswordLength) return `Use at least ${minPasswordLength} characters; a few unrelated words make a strong passphrase.`;
  if (length > maxPasswordLength) return `Use at most ${maxPasswordLength} characters.`;
  const folded = normalized.toLowerCase();
  if (commonPasswords.has(folded) || commonPasswords.has(folded.replace(/\s+/g, ''))) return 'This password is commonly used; choose another.';
  if (new Set(folded).size <= 2) return 'This password repeats one or two characters; choose another.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && folded.includes(local)) return 'The password must not contain your email address.';
  const name = context.displayName?.toLowerCase().replace(/\s+/g, '');
  if (name && name.length >= 4 && folded.replace(/\s+/g, '').includes(name)) return 'The password must not contain your name.';
  if (folded.includes('model-approval') || folded.includes('modelapproval')) return 'The password must not contain the name of this service.';
  return null;
}
