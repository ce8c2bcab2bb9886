// The registry port: what the application (api/registries/) asks of a model registry, whatever
// answers it. server/registries/ holds the adapters (MLflow over its REST API 2.0); the
// application never sees HTTP, only these shapes and RegistryError. It sits in the kernel,
// like the compute port, because ApiDeps carries the configured connectors.

import type { RegistryModelVersion, RegistryRun, SageMakerModelPackage, SageMakerPackageSummary } from '#domain/registries/registry-facts.ts';
import type { SageMakerApproval } from '#domain/registries/sagemaker-approval.ts';

export type { RegistryModelVersion, RegistryRun, RegistryMetric, RegistryDataset, SageMakerModelPackage, SageMakerPackageSummary } from '#domain/registries/registry-facts.ts';

/**
 * not_found: the registry says the resource does not exist (MLflow RESOURCE_DOES_NOT_EXIST);
 * unsupported: the host has no such endpoint (an alias call on a host without aliases);
 * unavailable: the registry could not be reached or failed (worth retrying);
 * refused: the registry refused the request (bad credentials, invalid parameter: retrying will not help).
 */
export type RegistryErrorKind = 'not_found' | 'unsupported' | 'unavailable' | 'refused';

export class RegistryError extends Error {
  readonly kind: RegistryErrorKind;
  /** The HTTP status when there was an answer. */
  readonly status: number | null;
  /** The registry's own error code (RESOURCE_DOES_NOT_EXIST, INVALID_PARAMETER_VALUE…). */
  readonly code: string | null;
  constructor(kind: RegistryErrorKind, message: string, details: { status?: number | null; code?: string | null } = {}) {
    super(message);
    this.name = 'RegistryError';
    this.kind = kind;
    this.status = details.status ?? null;
    this.code = details.code ?? null;
  }
}

/** An MLflow model registry (open source, Databricks workspace registry, Azure ML). */
export interface MlflowRegistry {
  getModelVersion(name: string, version: string): Promise<RegistryModelVersion>;
  /** Versions matching an MLflow search filter, e.g. name='credit-risk'. */
  searchModelVersions(filter: string, maxResults?: number): Promise<RegistryModelVersion[]>;
  getRun(runId: string): Promise<RegistryRun>;
  setModelVersionTag(name: string, version: string, key: string, value: string): Promise<void>;
  deleteModelVersionTag(name: string, version: string, key: string): Promise<void>;
  /** RegistryError 'unsupported' where the host has no alias endpoints. */
  setAlias(name: string, alias: string, version: string): Promise<void>;
  deleteAlias(name: string, alias: string): Promise<void>;
}

/** One configured registry: its id (in URLs and the database), its client and how events are proven. */
export interface MlflowConnector {
  id: string;
  kind: 'mlflow';
  /** Where it lives, for the administrator (never its credentials). */
  url: string;
  registry: MlflowRegistry;
  /** The secret MLflow signs webhook deliveries with (X-MLflow-Signature). */
  webhookSecret: string;
  /** The alias moved to an approved version ("champion"); null: tags only. */
  alias: string | null;
  /** Who owns a draft when the model is new and its version names no owner we know. */
  defaultOwnerEmail: string | null;
  /** The registered models the polling fallback searches; absent or empty: every model. */
  pollModels?: readonly string[];
}

/** SageMaker Model Registry (AWS SDK v3: DescribeModelPackage, ListModelPackages, UpdateModelPackage). */
export interface SageMakerRegistry {
  describeModelPackage(arn: string): Promise<SageMakerModelPackage>;
  /** The versions of a model package group created after `createdAfter`, newest first. */
  listModelPackages(query: { groupName?: string; createdAfter?: Date; maxResults: number }): Promise<SageMakerPackageSummary[]>;
  updateApproval(arn: string, approval: SageMakerApproval): Promise<void>;
}

export interface SageMakerConnector {
  id: string;
  kind: 'sagemaker';
  /** Where it lives, for the administrator: the AWS region (and endpoint when not AWS's own). */
  url: string;
  registry: SageMakerRegistry;
  /** The per-connector secret an EventBridge API destination sends in the X-Registry-Event-Secret header. */
  eventSecret: string;
  /** The model package groups the polling fallback lists (events cover every group). */
  groups: readonly string[];
  defaultOwnerEmail: string | null;
}

export type RegistryConnector = MlflowConnector | SageMakerConnector;

/** The header an EventBridge API destination's connection (API key authorization) sends. */
export const registryEventSecretHeader = 'x-registry-event-secret';

export interface RegistryConnectors {
  find(id: string): RegistryConnector | null;
  list(): readonly RegistryConnector[];
}

export function connectorsOf(list: readonly RegistryConnector[]): RegistryConnectors {
  const byId = new Map(list.map((c) => [c.id, c]));
  return { find: (id) => byId.get(id) ?? null, list: () => list };
}
