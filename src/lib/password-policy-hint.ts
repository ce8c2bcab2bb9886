import { minPasswordLength } from '#domain/accounts/password-policy.ts';

/** The password policy (domain/accounts/password-policy.ts) in a sentence, for every field that sets a password. */
export const passwordPolicyHint = `At least ${minPasswordLength} characters; any characters, spaces too, and no rules about digits or symbols. A few unrelated words make a strong passphrase. Common passwords, and ones containing the account’s name or email, are refused.`;
