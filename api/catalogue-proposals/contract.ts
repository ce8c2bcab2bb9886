import { z } from 'zod';
import { awaitingViewShape } from '../kernel/second-administrator.ts';
import { publishPolicyRequestSchema } from '#domain/contracts/policies.ts';
import { createTemplateRequestSchema } from '#domain/contracts/template-admin.ts';
import { publishTieringMethodRequestSchema } from '#domain/contracts/risk-assessment.ts';
import { publishRevalidationScheduleRequestSchema } from '#domain/contracts/revalidation.ts';
import { addBusinessLineRequestSchema, businessLineParamsSchema } from '#domain/contracts/business-lines.ts';
import { catalogueChangeKindSchema } from '#domain/contracts/catalogue-changes.ts';

// Catalogue changes by two administrators (docs/decisions/0182): one proposes the change with
// the body its direct route takes, another approves it naming the SHA-256 of the content they
// were shown, and it is applied then, once, through the direct route's own checks and write.

/** A proposal: `change` is exactly the body the direct route takes (a retirement: the line's key). */
export const newCatalogueProposalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('publish_policy'), change: publishPolicyRequestSchema }),
  z.object({ kind: z.literal('publish_template'), change: createTemplateRequestSchema }),
  z.object({ kind: z.literal('publish_tiering_method'), change: publishTieringMethodRequestSchema }),
  z.object({ kind: z.literal('publish_revalidation_schedule'), change: publishRevalidationScheduleRequestSchema }),
  z.object({ kind: z.literal('add_business_line'), change: addBusinessLineRequestSchema }),
  z.object({ kind: z.literal('retire_business_line'), change: businessLineParamsSchema }),
]);
export type NewCatalogueProposal = z.infer<typeof newCatalogueProposalSchema>;

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 in lowercase hex (64 characters)');

export const catalogueProposalSchema = z.object({
  id: z.string(),
  kind: catalogueChangeKindSchema,
  /** What the change names: a policy or template key, a line's key, the method or the schedule. */
  subject: z.string(),
  /** The change in a sentence, for the list; `content` holds all of it. */
  summary: z.string(),
  /** The proposed body, as it will be applied; null when the stored row is not what was filed (`tampered`) or no longer reads (`unreadable`). */
  content: newCatalogueProposalSchema.nullable(),
  /** The stored row is not what its one chained filing entry recorded (content, filer, expiry, kind, …): nothing of it is shown, and it can only be rejected (0192). */
  tampered: z.boolean(),
  /** The row is as filed but today's contract no longer reads its content (a schema change since): not tampering; it can only be rejected (0192, fourth amendment). */
  unreadable: z.boolean(),
  /** SHA-256 of the content's RFC 8785 canonical JSON: the approver sends it back. */
  contentSha256: sha256Schema,
  /** The version the change replaces (policy, template, tiering method, schedule); null when it replaces none (a new key, a line) (0192). */
  replacesVersion: z.number().int().min(1).nullable(),
  /** That version in the change's own form, to diff against `content.change`; a retirement: the line and the packages filed under it; null when there is none. */
  current: z.json().nullable(),
  /** What the change loosens compared with `current` (domain/catalogue/weakened-controls.ts): `field` points into the change. */
  weakens: z.array(z.object({ field: z.string(), message: z.string() })),
  /** SHA-256 of the canonical JSON of `replacesVersion`, `current` and `weakens`: these depend on other keys too, so the approver sends it back and a comparison changed since is refused (0192, fifth amendment). */
  comparisonSha256: sha256Schema,
  ...awaitingViewShape,
});
export type CatalogueProposal = z.infer<typeof catalogueProposalSchema>;
/** An approval's answer: the proposal, decided, and where the change it made can be read. */
export const catalogueProposalApprovalSchema = catalogueProposalSchema.extend({ location: z.string() });
export type CatalogueProposalApproval = z.infer<typeof catalogueProposalApprovalSchema>;
export const catalogueProposalListSchema = z.object({
  items: z.array(catalogueProposalSchema),
  /** Whether catalogue changes wait for a second administrator now (two administrators exist), or a sole administrator makes them directly. */
  needsSecondAdministrator: z.boolean(),
});

export const catalogueProposalIdParamsSchema = z.object({ id: z.string().min(1).max(100) });
/** The approver names the content and the comparison they were shown: a proposal whose content or comparison differs now is refused. */
export const approveCatalogueProposalSchema = z.object({ contentSha256: sha256Schema, comparisonSha256: sha256Schema });
export type ApproveCatalogueProposal = z.infer<typeof approveCatalogueProposalSchema>;
