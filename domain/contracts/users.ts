import { z } from 'zod';
import { roleSchema } from './roles.ts';

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email('Enter a valid email address'));

export const userSchema = z.object({
  id: z.string(),
  email: emailSchema,
  displayName: z.string().min(1).max(200),
  /** The printed name and title used on signatures ("Dana Whitfield, Fair Lending Officer"). */
  title: z.string().max(200),
  // Empty for a single sign-on account whose identity provider grants no role we know.
  roles: z.array(roleSchema),
  /** true for an account that signs in only through single sign-on: it has no password here, so it signs with a passkey. */
  sso: z.boolean().optional(),
});
export type User = z.infer<typeof userSchema>;

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password').max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionResponseSchema = z.object({
  user: userSchema,
  expiresAt: z.iso.datetime(),
  /**
   * The roles the user decides in now: their own, and those delegated to them by an active
   * (accepted, in its dates) delegation. What their inbox and banners go by; signing checks again.
   */
  actingRoles: z.array(roleSchema),
  /**
   * Administrators only: whether a catalogue change from the admin pages waits for a second
   * administrator now (two exist, 0182), so its buttons say "Propose" rather than "Publish"
   * (0192's third amendment). The answer to the change itself still decides what happened.
   */
  catalogueNeedsSecondAdministrator: z.boolean().optional(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/**
 * `GET /api/session`: the signed-in session, or `{ user: null }` when nobody is signed in
 * (no cookie, an ended or expired one). Not signed in is an answer, not an error, so a cold
 * load of the log-in page logs no failed request.
 */
export const currentSessionSchema = z.union([sessionResponseSchema, z.object({ user: z.null() })]);
export type CurrentSession = z.infer<typeof currentSessionSchema>;
