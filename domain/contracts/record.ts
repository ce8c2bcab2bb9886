import { z } from 'zod';
import { actorSchema } from './decisions.ts';
import { contentHashSchema, packageStatusSchema, stepStateSchema } from './packages.ts';
import { packageContentSchema } from './package-content.ts';
import { concernAnswersSchema } from './revisions.ts';
import { serverKeySchema, signedDecisionSchema } from './signatures.ts';
import { keyHistorySchema } from './key-history.ts';
import { threadSchema } from './threads.ts';
import { workflowTemplateSchema } from './workflow-template.ts';
import { recordAttestationSchema } from './attestation.ts';
import { findingSchema } from './findings.ts';
import { riskTierSchema, thresholdOperatorSchema } from './sections.ts';
import { evidenceReferenceSchema, evidenceRequirementSchema, evidenceResultSchema, metricRequirementSchema, policyCheckSchema, policyEvaluationSchema, policyRefSchema, policyScopeSchema, policySchema, sectionRequirementSchema, subgroupRequirementSchema } from './policies.ts';
import { workflowTemplateRefSchema } from './workflow-template.ts';
import { auditEntryViewSchema, inclusionProofSchema, signedTreeHeadSchema } from './audit.ts';

// The approval record: one JSON document that holds everything needed to check a package's
// approval years later without this app. Published as a versioned JSON Schema
// (/schemas/approval-record-1.schema.json, generated from this file); the server signs its
// RFC 8785 canonical form (without `signature`) with Ed25519. Every object is strict: a
// field the verifier does not know is refused, not ignored.

export const approvalRecordType = 'model-approval-record/1' as const;
export const approvalRecordSchemaId = 'https://model-approval.example/schemas/approval-record-1.schema.json' as const;

const statusCountsSchema = z.strictObject({ toPass: z.number().int().nonnegative(), toFail: z.number().int().nonnegative() });

/** What changed from the version before, as the diff summarizes it (null for version 1). */
export const revisionSummarySchema = z.strictObject({
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  modified: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  flips: statusCountsSchema,
  /** Some text was compared line by line or whole, not word by word (it was too large). */
  coarse: z.boolean(),
  sections: z.array(
    z.strictObject({
      key: z.string(),
      title: z.string(),
      status: z.enum(['added', 'removed', 'modified', 'unchanged']),
      changes: z.number().int().nonnegative(),
      flips: statusCountsSchema,
    }),
  ),
});

const recordThresholdSchema = z.strictObject({ operator: thresholdOperatorSchema, value: z.number() });

/**
 * One requirement's result (docs/decisions/0144): the metric or section, the policy's bar, the
 * value the package reports (the worst of its copies), the owner's declared bar and whether it
 * is weaker, the result and the enforcement. The policy's key and version are the evaluation's.
 */
export const recordPolicyCheckSchema = z.strictObject({
  ...policyCheckSchema.shape,
  required: recordThresholdSchema.optional(),
  weakerOwnerThreshold: recordThresholdSchema.optional(),
  declared: recordThresholdSchema.optional(),
  conflictingCopies: z.array(z.strictObject({ section: z.string(), value: z.number() })).optional(),
  evidence: z.strictObject({ ...evidenceResultSchema.shape, reference: z.strictObject(evidenceReferenceSchema.shape).optional() }).optional(),
});

/** The version's check against the governance policy at submission, exactly as stored: a decision's signed governance digest is of it. */
export const recordPolicyEvaluationSchema = z.strictObject({
  ...policyEvaluationSchema.shape,
  policy: z.strictObject(policyRefSchema.shape),
  checks: z.array(recordPolicyCheckSchema),
});

/**
 * The policy version the results are of, in full (docs/decisions/0166): published versions are
 * never edited, so the record copies it and a verifier evaluates the content against it again.
 */
export const recordPolicyDefinitionSchema = z.strictObject({
  ...policySchema.shape,
  scope: z.strictObject(policyScopeSchema.shape),
  metrics: z.array(z.strictObject(metricRequirementSchema.shape)),
  subgroupMetrics: z.array(z.strictObject(subgroupRequirementSchema.shape)),
  requiredSections: z.array(z.strictObject(sectionRequirementSchema.shape)),
  /** Evidence requirements (0157); absent on policies published without them. */
  requiredEvidence: z.array(z.strictObject(evidenceRequirementSchema.shape)).optional(),
});
export type RecordPolicyDefinition = z.infer<typeof recordPolicyDefinitionSchema>;

/**
 * A check of the version that a later re-check superseded (docs/decisions/0169), kept because a
 * decision signed before the re-check is bound to it: `seq` 0 is the check at submission, `seq`
 * n the version's re-check n; with the policy version it is of, as `policyDefinition` is.
 */
export const recordEarlierPolicyCheckSchema = z.strictObject({
  seq: z.number().int().min(0),
  evaluatedAt: z.iso.datetime(),
  policy: recordPolicyEvaluationSchema,
  policyDefinition: recordPolicyDefinitionSchema,
});
export type RecordEarlierPolicyCheck = z.infer<typeof recordEarlierPolicyCheckSchema>;

export const recordVersionSchema = z.strictObject({
  number: z.number().int().min(1),
  contentHash: contentHashSchema,
  submittedBy: actorSchema,
  submittedAt: z.iso.datetime(),
  /** The exact content; its RFC 8785 SHA-256 must equal contentHash. */
  content: packageContentSchema,
  answers: concernAnswersSchema,
  changesFromPrevious: revisionSummarySchema.nullable(),
  /** The check against the governance policy in effect: the latest re-check, else the check at submission (0152); absent where no policy applied, and from records made before 0144. */
  policy: recordPolicyEvaluationSchema.optional(),
  /** The policy version `policy` names, as published; present with `policy` in records made since 0166. */
  policyDefinition: recordPolicyDefinitionSchema.optional(),
  /** The version's checks before `policy`, oldest first (0169); absent when `policy` is its only check, and from records made before 0169. */
  earlierPolicyChecks: z.array(recordEarlierPolicyCheckSchema).min(1).optional(),
});
export type RecordVersion = z.infer<typeof recordVersionSchema>;

export const recordPackageSchema = z.strictObject({
  id: z.string(),
  modelKey: z.string(),
  modelName: z.string(),
  versionLabel: z.string(),
  riskTier: riskTierSchema,
  businessLine: z.string(),
  ownerTeam: z.string(),
  owner: actorSchema,
  template: workflowTemplateRefSchema,
  status: packageStatusSchema,
  /** The version whose approval is recorded: the latest, when approved; null while not approved. */
  approvedVersion: z.number().int().min(1).nullable(),
  createdAt: z.iso.datetime(),
});

export const recordAuditSchema = z.strictObject({
  /** Every audit entry about this package, oldest first. */
  entries: z.array(auditEntryViewSchema),
  /** One inclusion proof per entry, in the same order, against treeHead. */
  proofs: z.array(inclusionProofSchema),
  treeHead: signedTreeHeadSchema,
  /**
   * The tree head as a C2SP checkpoint (signed note: origin, size, base64 root; the signer is
   * the key that signed the record), and one C2SP tlog-proof per entry, in the same order
   * (docs/decisions/0081). Absent in records exported before.
   */
  checkpoint: z.string().max(4_096).optional(),
  tlogProofs: z.array(z.string().max(8_192)).optional(),
});

export const recordSignatureSchema = z.strictObject({
  keyId: z.string(),
  algorithm: z.literal('Ed25519'),
  /** Over the RFC 8785 canonical form of the record without this field. */
  value: z.string().regex(/^[A-Za-z0-9_-]+$/),
});

/** An emergency approval as the record states it: the decision (in /decisions), its incident and justification, and its follow-up review at export. */
export const recordEmergencyApprovalSchema = z.strictObject({
  decisionId: z.string(),
  incidentRef: z.string(),
  justification: z.string(),
  followUp: z.strictObject({ state: z.enum(['open', 'completed', 'rejected']), at: z.iso.datetime().nullable() }),
});
export type RecordEmergencyApproval = z.infer<typeof recordEmergencyApprovalSchema>;

export const approvalRecordBodySchema = z.strictObject({
  $schema: z.literal(approvalRecordSchemaId),
  type: z.literal(approvalRecordType),
  exportedAt: z.iso.datetime(),
  exportedBy: actorSchema,
  package: recordPackageSchema,
  steps: z.array(stepStateSchema),
  versions: z.array(recordVersionSchema).min(1),
  decisions: z.array(signedDecisionSchema),
  threads: z.array(threadSchema),
  /**
   * The findings on the package at export, each with its full history (absent when there are
   * none, and from records made before findings existed). The verifier holds each to its
   * history and to the finding entries of /audit.
   */
  findings: z.array(findingSchema).optional(),
  /**
   * Emergency approvals and where their follow-up review stood at export, derived from
   * /decisions, /steps and /package/status (absent from records made before the path existed).
   */
  emergencyApprovals: z.array(recordEmergencyApprovalSchema).optional(),
  /** The server's Ed25519 public keys that countersigned anything in this record. */
  serverKeys: z.array(serverKeySchema).min(1),
  /**
   * The server's signed key history (docs/decisions/0080): every key in /serverKeys, each
   * announced by the one before. Pinning any key of it pins them all. Absent before 0080.
   */
  keyHistory: keyHistorySchema.optional(),
  /**
   * The WebAuthn relying party passkeys sign for on this deployment (docs/decisions/0082):
   * every passkey assertion's clientDataJSON origin must be `origin`, its authenticator data's
   * rpIdHash SHA-256(`rpId`). Absent in records exported before.
   */
  relyingParty: z.strictObject({ origin: z.url(), rpId: z.string().min(1) }).optional(),
  /**
   * The workflow template version the package is decided under (docs/decisions/0103): the steps
   * are held to it, and its hash to the one its package.submitted audit entry states. Absent before.
   */
  templateDefinition: workflowTemplateSchema.optional(),
  /**
   * The template versions the package's chain was moved from (docs/decisions/0167, 0193): the
   * definition each package.chain_changed entry's `before` names, held to its hash. A decision
   * signed under one counts for a step of /templateDefinition only if its step there covered
   * every section the step requires. Absent when the chain never moved after a decision, and
   * from records made before 0193.
   */
  earlierTemplateDefinitions: z.array(workflowTemplateSchema).optional(),
  /**
   * Each decision as an in-toto statement in a DSSE envelope inside a Sigstore bundle, signed
   * with the server key (docs/decisions/0104), for standard tools. Absent before.
   */
  attestations: z.array(recordAttestationSchema).optional(),
  audit: recordAuditSchema,
});
export type ApprovalRecordBody = z.infer<typeof approvalRecordBodySchema>;

export const approvalRecordSchema = approvalRecordBodySchema.extend({ signature: recordSignatureSchema });
export type ApprovalRecord = z.infer<typeof approvalRecordSchema>;

/** One check the verifier made, as it prints it. */
export const recordCheckSchema = z.object({
  /** What was checked, e.g. "Content hash of version 2". */
  label: z.string(),
  ok: z.boolean(),
  /** Why it failed, or what it established, with the place named (a JSON pointer where one applies). */
  detail: z.string(),
});
export type RecordCheck = z.infer<typeof recordCheckSchema>;

export const recordVerdictSchema = z.object({
  /** Every check passed and the record is signed by a key the reader pinned (never true without one). */
  valid: z.boolean(),
  /** The record's signer is a key the reader gave (or its fingerprint), not only the key the record carries. */
  pinned: z.boolean(),
  /** Some decision is seeded demonstration data: the record is then never valid evidence. */
  demonstration: z.boolean(),
  checks: z.array(recordCheckSchema),
});
export type RecordVerdict = z.infer<typeof recordVerdictSchema>;
