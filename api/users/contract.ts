import { z } from 'zod';
import { emailSchema, userSchema } from '#domain/contracts/users.ts';
import { roleSchema } from '#domain/contracts/roles.ts';
import { maxPasswordLength } from '#domain/accounts/password-policy.ts';

// Accounts: administration (create, roles, disable, password reset), self-service (password
// change, one's own sessions) and the one-time setup of a production start's first administrator.

const newPasswordSchema = z.string().max(maxPasswordLength * 4, 'Use at most 256 characters');
const displayNameSchema = z.string().trim().min(1, 'Enter the name printed on signatures').max(200);
const titleSchema = z.string().trim().max(200);

export const managedUserSchema = userSchema.extend({
  disabledAt: z.iso.datetime().nullable(),
  passwordChangeRequired: z.boolean(),
  sessions: z.number().int().nonnegative(),
});
export type ManagedUser = z.infer<typeof managedUserSchema>;
export const managedUserListSchema = z.object({ items: z.array(managedUserSchema) });

export const userIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const createUserRequestSchema = z.object({
  email: emailSchema,
  displayName: displayNameSchema,
  title: titleSchema,
  roles: z.array(roleSchema).max(10),
  /**
   * Mail off: required, given to the person out of band; they must replace it at their first
   * sign-in. Mail on: refused (422 here); the account is created without a usable password and its
   * holder is mailed a set-password link (docs/decisions/0186).
   */
  temporaryPassword: newPasswordSchema.optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const setRolesRequestSchema = z.object({ roles: z.array(roleSchema).max(10) });
export const resetPasswordRequestSchema = z.object({ temporaryPassword: newPasswordSchema });

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(1024),
  newPassword: newPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const ownSessionSchema = z.object({
  /** The first 16 hex digits of the session token's SHA-256: names it without revealing anything usable. */
  id: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().nullable(),
  current: z.boolean(),
});
export type OwnSession = z.infer<typeof ownSessionSchema>;
export const ownSessionListSchema = z.object({ items: z.array(ownSessionSchema) });
export const sessionIdParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'A session id is 16 hex digits') });

export const setupStatusSchema = z.object({ required: z.boolean() });
export const setupRequestSchema = z.object({
  secret: z.string().min(1, 'Enter the setup secret printed at the first start').max(200),
  email: emailSchema,
  displayName: displayNameSchema,
  title: titleSchema,
  password: newPasswordSchema,
});
export type SetupRequest = z.infer<typeof setupRequestSchema>;

export const stepUpRequestSchema = z.object({ password: z.string().min(1, 'Enter your password').max(1024) });
export const stepUpResponseSchema = z.object({ validUntil: z.iso.datetime() });

/** A set-password link was queued for the account's own address (its token is in the mail only). */
export const passwordLinkSentSchema = z.object({ expiresAt: z.iso.datetime() });
export const setPasswordWithLinkSchema = z.object({
  /** The token from the link's fragment: 32 random bytes, base64url. */
  token: z.string().min(1, 'The link has no token: open the link from the mail').max(200),
  password: newPasswordSchema,
});
