import { DescribeModelPackageCommand, ListModelPackagesCommand, UpdateModelPackageCommand, type MetricsSource, type ModelMetrics, type SageMakerClient } from '@aws-sdk/client-sagemaker';
import { RegistryError, type SageMakerModelPackage, type SageMakerRegistry } from '#api/kernel/registry-port.ts';

// SageMaker Model Registry through the AWS SDK for JavaScript v3. Credentials come from the
// SDK's default chain (environment, shared files, the instance or task role), never from the
// database. SDK errors become RegistryError kinds: throttling and server faults are worth
// retrying (unavailable), a missing package is not_found, validation and access are refused.

const retryable = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'ServiceUnavailable', 'InternalFailure']);

function registryErrorOf(error: unknown, what: string, timeoutMs: number): RegistryError {
  const name = error instanceof Error ? error.name : 'Error';
  // Our time limit (the SDK names its abort so): worth retrying, and said as such.
  if (name === 'AbortError') return new RegistryError('unavailable', `SageMaker ${what}: no answer within ${timeoutMs} ms`, { status: null, code: 'Timeout' });
  const fault = typeof error === 'object' && error !== null && '$fault' in error ? String(error.$fault) : null;
  const status = typeof error === 'object' && error !== null && '$metadata' in error ? ((error.$metadata as { httpStatusCode?: number }).httpStatusCode ?? null) : null;
  const message = `SageMaker ${what}: ${name}${error instanceof Error && error.message ? ` (${error.message})` : ''}`;
  if (name === 'ResourceNotFound') return new RegistryError('not_found', message, { status, code: name });
  if (retryable.has(name) || fault === 'server' || status === null) return new RegistryError('unavailable', message, { status, code: name });
  return new RegistryError('refused', message, { status, code: name });
}

/** ModelMetrics' report locations, by where they sit in the structure (ModelQuality.Statistics…). */
function metricReports(metrics: ModelMetrics | undefined): SageMakerModelPackage['metricReports'] {
  const reports: SageMakerModelPackage['metricReports'] = [];
  const add = (kind: string, source: MetricsSource | undefined) => {
    if (source?.S3Uri) reports.push({ kind, s3Uri: source.S3Uri });
  };
  add('ModelQuality.Statistics', metrics?.ModelQuality?.Statistics);
  add('ModelQuality.Constraints', metrics?.ModelQuality?.Constraints);
  add('ModelDataQuality.Statistics', metrics?.ModelDataQuality?.Statistics);
  add('ModelDataQuality.Constraints', metrics?.ModelDataQuality?.Constraints);
  add('Bias.Report', metrics?.Bias?.Report);
  add('Bias.PreTrainingReport', metrics?.Bias?.PreTrainingReport);
  add('Bias.PostTrainingReport', metrics?.Bias?.PostTrainingReport);
  add('Explainability.Report', metrics?.Explainability?.Report);
  return reports;
}

/** As long as the MLflow client waits for an answer (mlflow-client.ts). */
const defaultTimeoutMs = 10_000;

/**
 * `timeoutMs` bounds each call, its retries included. The SDK sets no time limit of its own (its
 * Node handler's connection and request timeouts default to none), and the registry passes run
 * one call at a time: a connection that never answers would stop this instance's polls and
 * write-backs for good.
 */
export function sageMakerRegistry(client: SageMakerClient, options: { timeoutMs?: number } = {}): SageMakerRegistry {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const bounded = () => ({ abortSignal: AbortSignal.timeout(timeoutMs) });
  return {
    async describeModelPackage(arn) {
      try {
        const out = await client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }), bounded());
        return {
          arn: out.ModelPackageArn ?? arn,
          groupName: out.ModelPackageGroupName ?? null,
          version: out.ModelPackageVersion ?? null,
          approvalStatus: out.ModelApprovalStatus ?? null,
          description: out.ModelPackageDescription ?? null,
          customerMetadata: out.CustomerMetadataProperties ?? {},
          createdAt: out.CreationTime?.toISOString() ?? null,
          createdBy: out.CreatedBy?.UserProfileName ?? null,
          modelDataUrl: out.InferenceSpecification?.Containers?.[0]?.ModelDataUrl ?? null,
          metricReports: metricReports(out.ModelMetrics),
          modelCardContent: out.ModelCard?.ModelCardContent ?? null,
        };
      } catch (error) {
        throw registryErrorOf(error, 'DescribeModelPackage', timeoutMs);
      }
    },
    async listModelPackages({ groupName, createdAfter, maxResults }) {
      try {
        const out = await client.send(
          new ListModelPackagesCommand({ ...(groupName ? { ModelPackageGroupName: groupName } : {}), ...(createdAfter ? { CreationTimeAfter: createdAfter } : {}), SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: maxResults }),
          bounded(),
        );
        return (out.ModelPackageSummaryList ?? []).map((p) => ({
          arn: p.ModelPackageArn ?? '',
          groupName: p.ModelPackageGroupName ?? null,
          version: p.ModelPackageVersion ?? null,
          approvalStatus: p.ModelApprovalStatus ?? null,
          createdAt: p.CreationTime?.toISOString() ?? null,
        }));
      } catch (error) {
        throw registryErrorOf(error, 'ListModelPackages', timeoutMs);
      }
    },
    async updateApproval(arn, approval) {
      try {
        await client.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: approval.status, ApprovalDescription: approval.description, CustomerMetadataProperties: approval.metadata }), bounded());
      } catch (error) {
        throw registryErrorOf(error, 'UpdateModelPackage', timeoutMs);
      }
    },
  };
}
