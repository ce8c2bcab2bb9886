import type { RegistryDataset, RegistryMetric, RegistryModelVersion, RegistryRun, SageMakerModelPackage } from './registry-facts.ts';
import { parseJson } from '../json/parse-json.ts';

// A SageMaker model package version in the registry-neutral shape intake reads
// (registry-facts.ts): the group is the model, the version number the version,
// CustomerMetadataProperties the tags (model_key, owner, owner_team, risk_tier, business_line),
// and the model package model card (its ModelCardContent JSON, schema
// https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-details.html#model-card-schema)
// the evaluation metrics, the datasets and the intended use where present. ModelMetrics holds
// only S3 report locations: the draft names them in its lineage notes. Thresholds are never
// read from the registry.

/** arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version> */
const versionArn = /^(arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:model-package\/[A-Za-z0-9-]{1,63})\/(\d{1,10})$/;

/**
 * The intake key of a model package version: the versioned ARN without its version (the
 * registry "model") and the version. One package version has one ARN, so idempotency by
 * (connector, model, version) is idempotency by ARN.
 */
export function sageMakerKeyOf(arn: string): { registryModel: string; registryVersion: string } | null {
  const match = versionArn.exec(arn);
  if (!match?.[1] || !match[2]) return null;
  return { registryModel: match[1], registryVersion: String(Number(match[2])) };
}

export const sageMakerArnOf = (registryModel: string, registryVersion: string): string => `${registryModel}/${registryVersion}`;

/** The group name an intake's registry model names (its last path segment). */
export const sageMakerGroupOf = (registryModel: string): string => registryModel.slice(registryModel.lastIndexOf('/') + 1);

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

function parseCard(content: string | null): Json {
  if (!content) return {};
  try {
    return object(parseJson(content));
  } catch {
    // A card that is not JSON pre-fills nothing; the package itself still makes a draft.
    return {};
  }
}

function datasetOf(uri: unknown, context: string): RegistryDataset | null {
  const source = text(uri);
  if (!source) return null;
  const name = source.replace(/\/+$/, '').split('/').at(-1) ?? source;
  return { name, digest: '', sourceType: source.startsWith('s3://') ? 's3' : 'uri', source, context };
}

function metricsOf(card: Json): RegistryMetric[] {
  const metrics: RegistryMetric[] = [];
  for (const evaluation of list(card.evaluation_details)) {
    for (const group of list(object(evaluation).metric_groups)) {
      for (const datum of list(object(group).metric_data)) {
        const { name, value } = object(datum);
        const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
        if (typeof name === 'string' && name !== '' && Number.isFinite(number)) metrics.push({ key: name, value: number, step: 0 });
      }
    }
  }
  return metrics;
}

export function sageMakerFacts(pkg: SageMakerModelPackage): { modelVersion: RegistryModelVersion; run: RegistryRun } {
  const key = sageMakerKeyOf(pkg.arn);
  const groupName = pkg.groupName ?? (key ? sageMakerGroupOf(key.registryModel) : pkg.arn);
  const card = parseCard(pkg.modelCardContent);
  const overview = object(card.model_overview);
  const uses = object(card.intended_uses);
  const business = object(card.business_details);
  const training = object(object(card.training_details).training_job_details);
  const tags = { ...pkg.customerMetadata };
  const lineOfBusiness = text(business.line_of_business);
  if (lineOfBusiness && tags.business_line === undefined) tags.business_line = lineOfBusiness;
  const intendedUse = [text(uses.purpose_of_model), text(uses.intended_uses)].filter((t) => t !== null).join('\n\n');
  const datasets = [
    ...list(training.training_datasets).map((uri) => datasetOf(uri, 'training')),
    ...list(card.evaluation_details).flatMap((evaluation) => list(object(evaluation).datasets).map((uri) => datasetOf(uri, 'evaluation'))),
  ].filter((d) => d !== null);
  return {
    modelVersion: {
      name: groupName,
      version: String(pkg.version ?? key?.registryVersion ?? ''),
      description: pkg.description ?? text(overview.model_description),
      source: pkg.modelDataUrl,
      runId: null,
      tags,
      aliases: [],
      status: pkg.approvalStatus,
      userId: pkg.createdBy,
      createdAt: pkg.createdAt,
    },
    run: {
      id: pkg.arn,
      name: null,
      metrics: metricsOf(card),
      params: {},
      tags: {},
      datasets,
      origin: pkg.modelCardContent ? `the SageMaker model card of ${groupName} version ${pkg.version ?? '?'}` : `SageMaker model package ${groupName} version ${pkg.version ?? '?'}`,
      ...(intendedUse === '' ? {} : { narratives: { intended_use: intendedUse } }),
      notes: pkg.metricReports.map((r) => `SageMaker ModelMetrics ${r.kind}: ${r.s3Uri}`),
    },
  };
}
