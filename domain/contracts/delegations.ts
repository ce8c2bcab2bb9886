import { z } from 'zod';
import { actorSchema } from './decisions.ts';
import { isReviewerRole, roleSchema } from './roles.ts';
import { visibleReason } from './visible-text.ts';

// Delegation of a reviewer role to a named person for a bounded time, while its holder is
// away. The delegation and its revocation are separate, append-only records; the status is
// derived from them and the time of asking (domain/workflow/delegation.ts).

/** The longest a delegation may last: an absence, not a standing transfer of the role. */
export const maxDelegationDays = 90;
/** How far back a start may be given (a form filled in earlier today), and how far ahead. */
export const maxDelegationStartPastHours = 24;
export const maxDelegationStartAheadDays = 365;

export const delegableRoleSchema = roleSchema.refine(isReviewerRole, 'Only a reviewer role (one that decides workflow steps) can be delegated');

/** `pending`: made by an administrator, waiting for the delegator's acceptance (it does not act until then). */
export const delegationStatusSchema = z.enum(['pending', 'scheduled', 'active', 'ended', 'revoked']);
export type DelegationStatus = z.infer<typeof delegationStatusSchema>;

export const delegationSchema = z.object({
  id: z.string(),
  role: roleSchema,
  /** The holder of the role whose step the delegate may decide. */
  delegator: actorSchema,
  delegate: actorSchema,
  startsAt: z.iso.datetime(),
  /** Exclusive: the delegate may act strictly before this instant. */
  endsAt: z.iso.datetime(),
  reason: z.string(),
  createdBy: actorSchema,
  createdAt: z.iso.datetime(),
  revocation: z.object({ revokedAt: z.iso.datetime(), revokedBy: actorSchema }).nullable(),
  /** Whether it needs the delegator's acceptance (someone else made it) and when they gave it. */
  acceptance: z.object({ required: z.boolean(), acceptedAt: z.iso.datetime().nullable() }),
  /** At the time of the answer. */
  status: delegationStatusSchema,
});
export type Delegation = z.infer<typeof delegationSchema>;

export const delegationListSchema = z.object({ items: z.array(delegationSchema) });
export type DelegationList = z.infer<typeof delegationListSchema>;

/** GET /api/delegations: yours (given and received; administrators: all), or who acts for a role now. */
export const delegationListQuerySchema = z.object({
  /** Every delegation of this role active now, whoever asks: the package page shows them. */
  activeForRole: roleSchema.optional(),
});

/** POST /api/delegations */
export const createDelegationRequestSchema = z.object({
  role: delegableRoleSchema,
  /** Whose role is delegated; yourself when absent. Only administrators name someone else, and the delegator must then accept it. */
  delegatorId: z.string().min(1).max(64).optional(),
  delegateId: z.string().min(1, 'Choose the person who acts for you').max(64),
  startsAt: z.iso.datetime({ message: 'Give the start as a date and time' }),
  endsAt: z.iso.datetime({ message: 'Give the end as a date and time' }),
  reason: visibleReason('Say why the role is delegated (for example, the absence)', 2_000),
});
export type CreateDelegationRequest = z.infer<typeof createDelegationRequestSchema>;

export const delegationParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** On a decision signed by a delegate: whose role they acted in, under which delegation. */
export const onBehalfOfSchema = z.object({ delegationId: z.string(), delegator: actorSchema });
export type OnBehalfOf = z.infer<typeof onBehalfOfSchema>;

/** GET /api/users: who can be chosen as a delegate; names, titles and roles only. */
export const userDirectorySchema = z.object({
  items: z.array(z.object({ id: z.string(), displayName: z.string(), title: z.string(), roles: z.array(roleSchema) })),
});
export type UserDirectory = z.infer<typeof userDirectorySchema>;
