import { z } from 'zod';
import { actorSchema } from './decisions.ts';
import { requiredSections } from './package-content.ts';
import { itemKeySchema, modelTypeSchema, riskTierSchema, sectionKeySchema, thresholdOperatorSchema } from './sections.ts';
import { isKnownMetric, knownMetricKeys } from './metric-catalogue.ts';

// The organisation's governance policies. A policy version is never edited: publishing makes
// the next version, and a package keeps the version it was checked against at submission.
// The numbers in a policy are the organisation's; the owner's own thresholds in a package are
// shown beside them, never used to decide.

export const enforcementSchema = z.enum(['blocking', 'advisory']);
export type Enforcement = z.infer<typeof enforcementSchema>;

const metricKey = z.string().refine(isKnownMetric, {
  error: (issue) => `Unknown metric ${JSON.stringify(issue.input)}; known metrics are ${knownMetricKeys.join(', ')}`,
});

const operator = z.enum(thresholdOperatorSchema.options, {
  error: (issue) => `Operator ${JSON.stringify(issue.input)} is not one of ${thresholdOperatorSchema.options.join(', ')}`,
});

export const metricRequirementSchema = z.object({
  metric: metricKey,
  operator,
  value: z.number({ error: 'The threshold must be a number' }),
  enforcement: enforcementSchema,
});
export type MetricRequirement = z.infer<typeof metricRequirementSchema>;

/**
 * A subgroup requirement holds for every subgroup row of every fairness table that reports the
 * metric. `subgroups` names the rows (by row key, e.g. the protected-class proxy groups
 * "age-62-plus", "race-black") the package must report it for: one the package lacks counts as
 * a missing required metric (docs/decisions/0143).
 */
export const subgroupRequirementSchema = metricRequirementSchema.extend({
  subgroups: z.array(itemKeySchema).max(200).optional(),
});
export type SubgroupRequirement = z.infer<typeof subgroupRequirementSchema>;

export const sectionRequirementSchema = z.object({ section: sectionKeySchema, enforcement: enforcementSchema });

/**
 * Evidence a package must cite in a references section (docs/decisions/0157, 0169): when
 * `framework` is given, any reference of that framework (compared without case or extra spaces)
 * and only those; otherwise a reference keyed `key`. With `needsLink`, the citing reference must carry a URL.
 */
export const evidenceRequirementSchema = z.object({
  key: itemKeySchema,
  label: z.string().trim().min(1, 'Say what evidence is required').max(300),
  framework: z.string().trim().min(1, 'A framework cannot be blank; leave it out to match by key only').max(300).optional(),
  needsLink: z.boolean(),
  enforcement: enforcementSchema,
});
export type EvidenceRequirement = z.infer<typeof evidenceRequirementSchema>;

export const policyScopeSchema = z.object({
  riskTiers: z.array(riskTierSchema).min(1, 'Choose at least one risk tier'),
  /** Empty or absent: every business line of those tiers. A policy naming lines is preferred over one that does not. */
  businessLines: z.array(z.string().trim().min(1, 'A business line cannot be blank').max(300)).max(50).optional(),
  /** Empty or absent: every model type, and packages stating none. Naming types makes the policy more specific, as naming lines does (0157). */
  modelTypes: z.array(modelTypeSchema).max(modelTypeSchema.options.length).optional(),
});
export type PolicyScope = z.infer<typeof policyScopeSchema>;

/** What happens to a package failing a blocking requirement at submission. */
export const blockingFailureActionSchema = z.enum(['refuse', 'enter_review_flagged']);

const policyBody = {
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'A policy key is 1 to 64 lowercase letters, digits, "_" or "-", starting with a letter')
    .refine((key) => key !== 'new', '"new" is reserved; choose another key'),
  name: z.string().trim().min(1, 'Give the policy a name').max(200),
  scope: policyScopeSchema,
  onBlockingFailure: blockingFailureActionSchema,
  metrics: z.array(metricRequirementSchema).max(200),
  subgroupMetrics: z.array(subgroupRequirementSchema).max(100),
  requiredSections: z.array(sectionRequirementSchema).max(100),
  /** Absent on policies published before evidence requirements: none. */
  requiredEvidence: z.array(evidenceRequirementSchema).max(100).optional(),
  /** Packages already in review under an earlier version of this key are checked against this one at publication (docs/decisions/0150), and their resubmissions too. */
  appliesToPackagesInReview: z.boolean().optional(),
};

interface RequirementLists {
  metrics: MetricRequirement[];
  subgroupMetrics: SubgroupRequirement[];
  requiredSections: { section: string }[];
  requiredEvidence?: EvidenceRequirement[] | undefined;
  scope: PolicyScope;
}

function refineRequirements(body: RequirementLists, ctx: z.RefinementCtx) {
  const once = (list: string[], path: string | (string | number)[], what: string) => {
    const seen = new Set<string>();
    list.forEach((value, i) => {
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [...(Array.isArray(path) ? path : [path]), i], message: `${what} "${value}" is listed twice` });
      seen.add(value);
    });
  };
  once(body.metrics.map((m) => m.metric), 'metrics', 'Metric');
  once(body.subgroupMetrics.map((m) => m.metric), 'subgroupMetrics', 'Subgroup metric');
  body.subgroupMetrics.forEach((m, i) => once(m.subgroups ?? [], ['subgroupMetrics', i, 'subgroups'], 'Subgroup'));
  once(body.requiredSections.map((s) => s.section), 'requiredSections', 'Section');
  once((body.requiredEvidence ?? []).map((e) => e.key), 'requiredEvidence', 'Evidence key');
  once(body.scope.riskTiers.map(String), ['scope', 'riskTiers'], 'Risk tier');
  once(body.scope.businessLines ?? [], ['scope', 'businessLines'], 'Business line');
  once(body.scope.modelTypes ?? [], ['scope', 'modelTypes'], 'Model type');
  if (body.metrics.length + body.subgroupMetrics.length + body.requiredSections.length + (body.requiredEvidence?.length ?? 0) === 0) {
    ctx.addIssue({ code: 'custom', path: ['metrics'], message: 'A policy needs at least one requirement' });
  }
}

export const publishPolicyRequestSchema = z
  .object({
    ...policyBody,
    /** The key's version this one supersedes, as the editor saw it; 0 for a new key. Absent: whatever is current. */
    replacesVersion: z.number().int().min(0).optional(),
  })
  .superRefine(refineRequirements);
export type PublishPolicyRequest = z.infer<typeof publishPolicyRequestSchema>;

export const policySchema = z.object({ ...policyBody, version: z.number().int().min(1) });
export type Policy = z.infer<typeof policySchema>;

export const policyRefSchema = z.object({ key: z.string(), version: z.number().int(), name: z.string() });
export type PolicyRef = z.infer<typeof policyRefSchema>;

export const policyVersionEntrySchema = z.object({
  policy: policySchema,
  /** The newest version of its key: what submissions from now on are checked against. */
  current: z.boolean(),
  publishedBy: actorSchema.nullable(),
  publishedAt: z.iso.datetime().nullable(),
});
export type PolicyVersionEntry = z.infer<typeof policyVersionEntrySchema>;

export const policyListSchema = z.object({ items: z.array(policyVersionEntrySchema) });

export const policyVersionParamsSchema = z.object({
  key: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1),
});

/** The sections a policy may require beyond the fixed ones: any section key. Listed for the editor. */
export const fixedSectionKeys: readonly string[] = requiredSections.map((s) => s.key);

/** The reference that met an evidence requirement, or was cited without the link it asks for. */
export const evidenceReferenceSchema = z.object({ section: z.string(), key: z.string() });
/** An evidence result's requirement as the policy stated it, and the reference it rests on (0157). */
export const evidenceResultSchema = z.object({
  label: z.string(),
  framework: z.string().optional(),
  needsLink: z.boolean(),
  reference: evidenceReferenceSchema.optional(),
});

// One requirement's result for one package version.
export const policyCheckSchema = z.object({
  kind: z.enum(['metric', 'subgroup_metric', 'section', 'evidence']),
  /** Metric key, section key or evidence requirement key. */
  subject: z.string(),
  /**
   * For evidence: the requirement as the policy stated it, so that the result can be checked
   * against the content without the policy, and the reference that met it (or, for a "fail",
   * the one cited without the link the policy asks for).
   */
  evidence: evidenceResultSchema.optional(),
  /** For a subgroup metric: the subgroup row that failed or passed ("all" when every row passed). */
  subgroup: z.string().optional(),
  /** The failing subgroup row's key, to point at it. */
  subgroupKey: z.string().optional(),
  enforcement: enforcementSchema,
  status: z.enum(['pass', 'fail', 'missing']),
  required: z.object({ operator: thresholdOperatorSchema, value: z.number() }).optional(),
  actual: z.number().optional(),
  /** The threshold the owner declared for this metric, when it lets through a value the policy refuses. */
  weakerOwnerThreshold: z.object({ operator: thresholdOperatorSchema, value: z.number() }).optional(),
  /** The threshold the owner declared for this metric (the first copy's), weaker or not; absent from checks made before it was kept. */
  declared: z.object({ operator: thresholdOperatorSchema, value: z.number() }).optional(),
  /**
   * Every copy of the metric (or of the subgroup row's value) the package reports, when it
   * reports it more than once with different values: a conflict. `actual` is the worst of them.
   */
  conflictingCopies: z.array(z.object({ section: z.string(), value: z.number() })).optional(),
});
export type PolicyCheck = z.infer<typeof policyCheckSchema>;

export const policyEvaluationSchema = z.object({
  policy: policyRefSchema,
  /** pass: nothing blocking failed. flagged: entered review with blocking failures. refused: not admitted. */
  outcome: z.enum(['pass', 'flagged', 'refused']),
  checks: z.array(policyCheckSchema),
  /**
   * Present when the version was checked again because a risk assessment put the package in a
   * tier another policy applies to (docs/decisions/0141): the tier, the assessment and the policy
   * the version was checked against before.
   */
  reresolved: z.object({ tier: z.number().int(), assessment: z.number().int(), from: policyRefSchema.nullable() }).optional(),
  /**
   * Present when the version was checked again because a newer version of its policy was
   * published to apply to packages in review (docs/decisions/0150): the version checked before,
   * or null when the version had never been checked (it entered review before the policy).
   */
  republished: z.object({ from: policyRefSchema.nullable() }).optional(),
});
export type PolicyEvaluation = z.infer<typeof policyEvaluationSchema>;
