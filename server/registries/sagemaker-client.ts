import { DescribeModelPackageCommand, UpdateModelPackageCommand, type SageMakerClient } from '@aws-sdk/client-sagemaker';
import { RegistryError } from '#api/kernel/registry-port.ts';
import type { SageMakerApproval } from '#domain/registries/sagemaker-approval.ts';

// SageMaker Model Registry through the AWS SDK for JavaScript v3. Credentials come from the
// SDK's default chain (environment, shared files, the instance or task role), never from the
// database. SDK errors become RegistryError kinds: throttling and server faults are worth
// retrying (unavailable), a missing package is not_found, validation and access are refused.

export interface SageMakerModelPackage {
  arn: string;
  groupName: string | null;
  version: number | null;
  approvalStatus: string | null;
  description: string | null;
  customerMetadata: Record<string, string>;
}

export interface SageMakerRegistry {
  describeModelPackage(arn: string): Promise<SageMakerModelPackage>;
  updateApproval(arn: string, approval: SageMakerApproval): Promise<void>;
}

const retryable = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'ServiceUnavailable', 'InternalFailure']);

function registryErrorOf(error: unknown, what: string): RegistryError {
  const name = error instanceof Error ? error.name : 'Error';
  const fault = typeof error === 'object' && error !== null && '$fault' in error ? String(error.$fault) : null;
  const status = typeof error === 'object' && error !== null && '$metadata' in error ? ((error.$metadata as { httpStatusCode?: number }).httpStatusCode ?? null) : null;
  const message = `SageMaker ${what}: ${name}${error instanceof Error && error.message ? ` (${error.message})` : ''}`;
  if (name === 'ResourceNotFound') return new RegistryError('not_found', message, { status, code: name });
  if (retryable.has(name) || fault === 'server' || status === null) return new RegistryError('unavailable', message, { status, code: name });
  return new RegistryError('refused', message, { status, code: name });
}

export function sageMakerRegistry(client: SageMakerClient): SageMakerRegistry {
  return {
    async describeModelPackage(arn) {
      try {
        const out = await client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
        return {
          arn: out.ModelPackageArn ?? arn,
          groupName: out.ModelPackageGroupName ?? null,
          version: out.ModelPackageVersion ?? null,
          approvalStatus: out.ModelApprovalStatus ?? null,
          description: out.ModelPackageDescription ?? null,
          customerMetadata: out.CustomerMetadataProperties ?? {},
        };
      } catch (error) {
        throw registryErrorOf(error, 'DescribeModelPackage');
      }
    },
    async updateApproval(arn, approval) {
      try {
        await client.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: approval.status, ApprovalDescription: approval.description, CustomerMetadataProperties: approval.metadata }));
      } catch (error) {
        throw registryErrorOf(error, 'UpdateModelPackage');
      }
    },
  };
}
