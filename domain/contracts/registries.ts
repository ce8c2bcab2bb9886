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
