import { z } from 'zod';
import { actorSchema } from './decisions.ts';
import { visibleReason } from './visible-text.ts';

// A rollback (issue 23, docs/decisions/0135): the approval of the model version in force is
// withdrawn, by the AI governance committee or model risk management, with a reason; the
// model's previous approved version, if any, is back in force. It is recorded once per package
// (never undone: approving again is a new submission), audited as `package.rolled_back`, part
// of the package's record, and the deployment gate refuses the rolled-back version.

/** The roles that may roll an approval back: the approving body and the model risk function. */
export const rollbackRoleSchema = z.enum(['committee', 'model_risk']);
export type RollbackRole = z.infer<typeof rollbackRoleSchema>;

export const rollBackRequestSchema = z.strictObject({
  /** The role the rollback is made in: one the caller holds. */
  role: rollbackRoleSchema,
  /** Why the approval is withdrawn: the audit entry and the record keep it. */
  reason: visibleReason('Say why the approval is withdrawn (at least 10 characters).', 2_000, 10),
});
export type RollBackRequest = z.infer<typeof rollBackRequestSchema>;

const packageRefSchema = z.object({ packageId: z.string(), versionLabel: z.string() });

export const packageRollbackSchema = z.object({
  packageId: z.string(),
  modelKey: z.string(),
  rolledBackBy: actorSchema,
  role: rollbackRoleSchema,
  reason: z.string(),
  at: z.iso.datetime(),
  /** The model's previous approved version, back in force; null when there was none (the model has no approval in force). */
  restored: packageRefSchema.nullable(),
});
export type PackageRollback = z.infer<typeof packageRollbackSchema>;

/** GET /api/packages/{id}/rollback: the package's rollback, or whether and what a rollback would restore now. */
export const rollbackStateSchema = z.object({
  rollback: packageRollbackSchema.nullable(),
  /** Why this package cannot be rolled back (null when it can, or when it was). */
  refusal: z.string().nullable(),
  /** What a rollback now would put back in force (null: nothing, or no rollback possible). */
  wouldRestore: packageRefSchema.nullable(),
});
export type RollbackState = z.infer<typeof rollbackStateSchema>;
