import { z } from 'zod';
import { actorSchema } from './decisions.ts';

// Model registries: the intake of registry events, the drafts they make, and what decisions
// write back (api/registries/).

export const connectorParamsSchema = z.object({ connector: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'A connector id is 1 to 64 lowercase letters, digits, "_" or "-"') });
export const draftIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

/** The envelope of an MLflow webhook delivery (mlflow/webhooks/delivery.py); `data` depends on the event. */
export const mlflowWebhookEnvelopeSchema = z.object({
  entity: z.string().max(100),
  action: z.string().max(100),
  timestamp: z.string().max(100),
  data: z.record(z.string(), z.unknown()),
});

/** model_version.created's data (MLflow ModelVersionCreatedPayload): the connector reads the rest from the registry. */
export const mlflowModelVersionCreatedSchema = z.object({
  name: z.string().min(1).max(1_000),
  version: z.union([z.string().min(1).max(100), z.number().int().nonnegative()]).transform(String),
});

/** Any JSON object: the route reads its raw bytes first (the signature), then its shape. */
export const registryWebhookBodySchema = z.looseObject({});

export const registryIntakeResultSchema = z.object({
  /** created: a new draft; duplicate: this version was received before (nothing changed); ignored: not an event this intake acts on. */
  result: z.enum(['created', 'duplicate', 'ignored']),
  draftId: z.string().nullable(),
});
export type RegistryIntakeResult = z.infer<typeof registryIntakeResultSchema>;

export const registryDraftSchema = z.object({
  id: z.string(),
  connector: z.string(),
  registryModel: z.string(),
  registryVersion: z.string(),
  modelKey: z.string(),
  versionLabel: z.string(),
  owner: actorSchema.nullable(),
  runId: z.string().nullable(),
  receivedAt: z.iso.datetime(),
  /** The package submitted from this draft, once there is one. */
  packageId: z.string().nullable(),
  /** The pre-filled package content: complete it (narratives, thresholds, risks) and submit it as a package. */
  template: z.record(z.string(), z.unknown()),
});
export type RegistryDraft = z.infer<typeof registryDraftSchema>;

export const registryDraftListSchema = z.object({ items: z.array(registryDraftSchema.omit({ template: true })) });

export const registryWriteBackSchema = z.object({
  id: z.string(),
  connector: z.string(),
  registryModel: z.string(),
  registryVersion: z.string(),
  outcome: z.enum(['approved', 'rejected', 'lapsed']),
  status: z.enum(['pending', 'done', 'failed', 'superseded']),
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  doneAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  attemptLog: z.array(z.object({ attempt: z.number().int(), at: z.iso.datetime(), calls: z.array(z.string()), error: z.string().nullable() })),
});
export type RegistryWriteBack = z.infer<typeof registryWriteBackSchema>;

export const packageRegistrySchema = z.object({
  /** Where the package came from, when a registry event drafted it. */
  source: z.object({ connector: z.string(), registryModel: z.string(), registryVersion: z.string() }).nullable(),
  writeBacks: z.array(registryWriteBackSchema),
});
export type PackageRegistry = z.infer<typeof packageRegistrySchema>;

/**
 * An EventBridge event as an API destination delivers it: "SageMaker Model Package State Change"
 * from aws.sagemaker, its detail the model package (DescribeModelPackage's shape). Intake reads
 * the ARN and the approval status; the rest is read from the registry.
 */
export const sageMakerEventSchema = z.object({
  id: z.string().max(200).optional(),
  'detail-type': z.string().max(200),
  source: z.string().max(200),
  detail: z.looseObject({
    ModelPackageArn: z.string().min(1).max(2_048),
    ModelApprovalStatus: z.string().max(100).optional(),
  }),
});

export const registryKindSchema = z.enum(['mlflow', 'sagemaker']);

export const registryConnectorViewSchema = z.object({
  id: z.string(),
  kind: registryKindSchema,
  /** Where it lives (URL or AWS region): never a credential. */
  location: z.string(),
  /** The intake address to give the registry (webhook URL or API destination endpoint). */
  intakePath: z.string(),
  /** How deliveries are proven: the MLflow signature, or the header carrying the secret. */
  authentication: z.string(),
  /** MLflow: the alias moved to an approved version. */
  alias: z.string().nullable(),
  /** What the polling fallback looks at (registered models or model package groups; empty: all MLflow models). */
  polled: z.array(z.string()),
  defaultOwner: z.string().nullable(),
});

export const recentWriteBackSchema = registryWriteBackSchema.omit({ attemptLog: true }).extend({ packageId: z.string() });

export const adminRegistriesSchema = z.object({
  connectors: z.array(registryConnectorViewSchema),
  /** The most recent write-backs (the outbox), newest first, each with where it stands. */
  recentWriteBacks: z.array(recentWriteBackSchema),
});
export type AdminRegistries = z.infer<typeof adminRegistriesSchema>;

export const connectionTestSchema = z.object({
  connector: z.string(),
  ok: z.boolean(),
  /** The read call made (e.g. "GET model-versions/search", "ListModelPackages"). */
  call: z.string(),
  /** What it answered, or why it failed. */
  detail: z.string(),
  durationMs: z.number().int().nonnegative(),
  at: z.iso.datetime(),
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;


/** GET /api/gate: the deployment gate's question, as `npm run gate` takes it. */
export const gateQuerySchema = z.strictObject({
  model: z.string().min(1).max(64),
  version: z.string().min(1).max(100),
  /** The deployment's scope: name=value pairs, comma-separated (channel=card_not_present,region=eu). */
  scope: z
    .string()
    .max(2_000)
    .regex(/^[^=,]{1,100}=[^,]{1,200}(,[^=,]{1,100}=[^,]{1,200}){0,19}$/, 'Give the scope as name=value pairs separated by commas, e.g. channel=card_not_present')
    .optional(),
  // No `at`: over HTTP the gate judges by the server's clock only. A caller-chosen date would
  // let a pipeline pass a lapsed approval (an earlier "today") with nothing in the verdict line.
});

export const gateVerdictSchema = z.object({
  /** True only when the model version may ship: the same rule as `npm run gate` exiting 0. */
  pass: z.boolean(),
  /** One line saying why (APPROVED…, NOT APPROVED…, LAPSED…, OUT OF SCOPE…, INVALID…, NO RECORD…). */
  line: z.string(),
  packageId: z.string().nullable(),
  /** The SHA-256 of the record bytes judged (null when there was none). */
  recordSha256: z.string().nullable(),
});
export type GateVerdictView = z.infer<typeof gateVerdictSchema>;
