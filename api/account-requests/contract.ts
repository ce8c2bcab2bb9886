import { z } from 'zod';
import { awaitingViewShape, personSchema } from '../kernel/second-administrator.ts';
import { emailSchema } from '#domain/contracts/users.ts';
import { roleSchema } from '#domain/contracts/roles.ts';
import { accountRequestKindSchema } from '#domain/contracts/audit-events.ts';
import { createUserRequestSchema, setRolesRequestSchema } from '../users/contract.ts';

// Two administrators for privileged account changes (docs/decisions/0175): creating an account
// with a role that decides, granting one, or resetting the password of an account that holds
// one is filed as a request, and takes effect when another administrator approves it.

export { accountRequestKindSchema };
export type AccountRequestKind = z.infer<typeof accountRequestKindSchema>;

export const newAccountRequestSchema = z.discriminatedUnion('kind', [
  createUserRequestSchema.extend({ kind: z.literal('create_account') }),
  setRolesRequestSchema.extend({ kind: z.literal('set_roles'), userId: z.string().min(1).max(100) }),
  z.object({
    kind: z.literal('reset_password'),
    userId: z.string().min(1).max(100),
    // The password is generated at approval and shown to the approver only (0181): a client that
    // still sends one is told so at the field, rather than left believing its choice was set.
    temporaryPassword: z.never({ error: 'The temporary password is generated when another administrator approves the reset, and shown only to them; send none' }).optional(),
  }),
]);
export type NewAccountRequest = z.infer<typeof newAccountRequestSchema>;


export const accountRequestSchema = z.object({
  id: z.string(),
  kind: accountRequestKindSchema,
  /** The account concerned: for a creation, the one it will create (its id is fixed at the request). */
  account: z.object({ id: z.string(), email: emailSchema, displayName: z.string() }),
  /** For a creation or a roles change: the roles before (null for a creation) and after. */
  roles: z.object({ before: z.array(roleSchema).nullable(), after: z.array(roleSchema) }).nullable(),
  /**
   * Who set the account's current password (0181): an administrator (whose temporary password it
   * descends from; `unknown` for accounts from before that was kept), or null when its holder did
   * or it signs in through single sign-on. Null for a creation (no account yet).
   */
  passwordSetBy: personSchema.nullable(),
  /**
   * The account's history, for the approver to weigh (0186); null for a creation (no account yet).
   * `createdBy`: the administrator who chose its address (a creation request's requester), null
   * when not recorded (demo seed, single sign-on, or from before it was kept). `passwordSetAt`:
   * when the credential `passwordSetBy` speaks of was set (a creation, a reset, a set-password
   * link; kept across a change made by signing in with it), null when no password here dates it.
   * `passkeysAddedSince`: when each passkey added since then was added (all of them when null).
   */
  accountHistory: z
    .object({
      createdBy: personSchema.nullable(),
      createdAt: z.iso.datetime().nullable(),
      passwordSetAt: z.iso.datetime().nullable(),
      passkeysAddedSince: z.array(z.iso.datetime()),
    })
    .nullable(),
  /** The stored row is not what was filed (changed in the database, 0198): its approval is refused; it can be rejected. */
  tampered: z.boolean(),
  ...awaitingViewShape,
});
export type AccountRequest = z.infer<typeof accountRequestSchema>;
/** An approval's answer: for a privileged reset, the generated temporary password, shown this once to the approver (0181). */
export const accountRequestApprovalSchema = accountRequestSchema.extend({ temporaryPassword: z.string().optional() });
export type AccountRequestApproval = z.infer<typeof accountRequestApprovalSchema>;
export const accountRequestListSchema = z.object({ items: z.array(accountRequestSchema) });

export const accountRequestIdParamsSchema = z.object({ id: z.string().min(1).max(100) });
