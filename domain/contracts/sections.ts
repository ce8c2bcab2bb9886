import { z } from 'zod';

// Typed sections of a review package. Each kind renders as what it is, and each
// is compared by its own rules in a diff. Limits are generous for real packages
// and small enough that one request cannot exhaust the server.

const text = (max: number) => z.string().max(max);
const label = z.string().trim().min(1).max(300);
export const itemKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'Use 1 to 64 lowercase letters, digits, "_", "-" or "."');
const itemKey = itemKeySchema;

export const sectionKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'A section key is 1 to 64 lowercase letters, digits or "_", starting with a letter');

export const thresholdOperatorSchema = z.enum(['>=', '>', '<=', '<']);
export type ThresholdOperator = z.infer<typeof thresholdOperatorSchema>;

/** A policy threshold a metric must satisfy, e.g. AUC >= 0.75. */
export const thresholdSchema = z.object({
  operator: thresholdOperatorSchema,
  value: z.number(),
});
export type Threshold = z.infer<typeof thresholdSchema>;

const sectionBase = {
  key: sectionKeySchema,
  title: label,
};

export const riskTierSchema = z.number().int().min(1).max(4);
export type RiskTier = z.infer<typeof riskTierSchema>;

/**
 * What kind of prediction the model makes: a closed list, so that a governance policy can be
 * scoped by it and a package cannot slip past a scope by spelling it differently (0157).
 */
export const modelTypeSchema = z.enum(['binary_classification', 'multiclass_classification', 'regression', 'ranking', 'forecasting', 'generative', 'other'], {
  error: (issue) => `Model type ${JSON.stringify(issue.input)} is not one of binary_classification, multiclass_classification, regression, ranking, forecasting, generative, other`,
});
export type ModelType = z.infer<typeof modelTypeSchema>;

export const modelTypeLabels: Record<ModelType, string> = {
  binary_classification: 'Binary classification',
  multiclass_classification: 'Multiclass classification',
  regression: 'Regression',
  ranking: 'Ranking',
  forecasting: 'Forecasting',
  generative: 'Generative',
  other: 'Other',
};

export const identificationSectionSchema = z.object({
  ...sectionBase,
  kind: z.literal('identification'),
  modelKey: itemKey,
  modelName: label,
  versionLabel: z.string().trim().min(1).max(64),
  ownerTeam: label,
  ownerContact: z.email(),
  riskTier: riskTierSchema,
  businessLine: label,
  /** Absent on packages made before model types (their content and digests unchanged): such a package falls only under policies naming no model type. */
  modelType: modelTypeSchema.optional(),
  /** What changed against the previous model version, in Markdown. */
  changeSummary: text(200_000),
});

export const narrativeSectionSchema = z.object({
  ...sectionBase,
  kind: z.literal('narrative'),
  markdown: text(1_000_000).min(1, 'A narrative section needs some text'),
});

export const metricSchema = z.object({
  key: itemKey,
  name: label,
  value: z.number(),
  threshold: thresholdSchema,
  unit: z.string().max(40).optional(),
  note: text(4_000).optional(),
});
export type Metric = z.infer<typeof metricSchema>;

export const metricTableSectionSchema = z.object({
  ...sectionBase,
  kind: z.literal('metric_table'),
  /** The fixed holdout the metrics were computed on. */
  dataset: z.object({ name: label, version: z.string().min(1).max(100), rows: z.number().int().nonnegative() }),
  metrics: z.array(metricSchema).min(1, 'List at least one metric').max(2_000),
  notes: text(200_000).optional(),
});

export const subgroupMetricSchema = z.object({ key: itemKey, name: label, threshold: thresholdSchema });

export const subgroupRowSchema = z.object({
  key: itemKey,
  attribute: label,
  group: label,
  sampleSize: z.number().int().nonnegative(),
  /** Metric key -> value for this subgroup. */
  values: z.record(z.string(), z.number()),
});
export type SubgroupRow = z.infer<typeof subgroupRowSchema>;

export const subgroupTableSectionSchema = z
  .object({
    ...sectionBase,
    kind: z.literal('subgroup_table'),
    referenceGroup: z.string().max(300).optional(),
    metrics: z.array(subgroupMetricSchema).min(1, 'List at least one subgroup metric').max(100),
    rows: z.array(subgroupRowSchema).min(1, 'List at least one subgroup').max(5_000),
    notes: text(200_000).optional(),
  })
  .superRefine((section, ctx) => {
    const keys = new Set(section.metrics.map((m) => m.key));
    section.rows.forEach((row, index) => {
      for (const key of keys) {
        if (!(key in row.values)) {
          ctx.addIssue({ code: 'custom', path: ['rows', index, 'values', key], message: `Missing a value for metric "${key}"` });
        }
      }
      for (const key of Object.keys(row.values)) {
        if (!keys.has(key)) {
          ctx.addIssue({ code: 'custom', path: ['rows', index, 'values', key], message: `"${key}" is not one of this table's metrics` });
        }
      }
    });
  });

export const datasetSchema = z.object({
  key: itemKey,
  name: label,
  version: z.string().min(1).max(100),
  location: z.string().min(1).max(2_000),
  rows: z.number().int().nonnegative().optional(),
  period: z.string().max(200).optional(),
  authorization: z.string().min(1, 'State the authorization to use this data').max(4_000),
  sensitiveAttributes: z.array(z.string().min(1).max(200)).max(200),
  /** Keys of the datasets this one was derived from. */
  derivedFrom: z.array(itemKey).max(200),
  description: text(20_000).optional(),
});

export const lineageSectionSchema = z.object({
  ...sectionBase,
  kind: z.literal('lineage'),
  datasets: z.array(datasetSchema).min(1, 'List at least one dataset').max(1_000),
  notes: text(200_000).optional(),
});

export const likelihoodSchema = z.enum(['rare', 'unlikely', 'possible', 'likely', 'almost_certain']);
export const impactSchema = z.enum(['negligible', 'minor', 'moderate', 'major', 'severe']);
export const residualRiskSchema = z.enum(['low', 'medium', 'high', 'critical']);

export const riskSchema = z.object({
  key: itemKey,
  title: label,
  description: text(20_000),
  likelihood: likelihoodSchema,
  impact: impactSchema,
  controls: z.array(z.string().min(1).max(4_000)).max(100),
  residualRisk: residualRiskSchema,
  owner: label,
});

export const riskRegisterSectionSchema = z.object({
  ...sectionBase,
  kind: z.literal('risk_register'),
  risks: z.array(riskSchema).min(1, 'List at least one risk').max(2_000),
  notes: text(200_000).optional(),
});

export const referenceSchema = z.object({
  key: itemKey,
  framework: label,
  citation: z.string().min(1).max(1_000),
  title: z.string().max(1_000).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  relevance: text(20_000),
});

export const referencesSectionSchema = z.object({
  ...sectionBase,
  kind: z.literal('references'),
  references: z.array(referenceSchema).min(1, 'List at least one reference').max(2_000),
});

export const sectionSchema = z.discriminatedUnion('kind', [
  identificationSectionSchema,
  narrativeSectionSchema,
  metricTableSectionSchema,
  subgroupTableSectionSchema,
  lineageSectionSchema,
  riskRegisterSectionSchema,
  referencesSectionSchema,
]);
export type Section = z.infer<typeof sectionSchema>;
export type SectionKind = Section['kind'];
export type SectionOfKind<K extends SectionKind> = Extract<Section, { kind: K }>;

export const sectionKindLabels: Record<SectionKind, string> = {
  identification: 'Identification',
  narrative: 'Narrative',
  metric_table: 'Metric table',
  subgroup_table: 'Subgroup table',
  lineage: 'Data lineage',
  risk_register: 'Risk register',
  references: 'References',
};
