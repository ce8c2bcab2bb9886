import { DescribeModelPackageCommand, ResourceNotFound, SageMakerClient, SageMakerServiceException, UpdateModelPackageCommand } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryError } from '#api/kernel/registry-port.ts';
import { sageMakerApproval } from '#domain/registries/sagemaker-approval.ts';
import { sageMakerRegistry } from './sagemaker-client.ts';

// The real SDK client, its transport replaced by aws-sdk-client-mock: the exact commands and
// inputs sent, and how the errors the SDK raises are classed.

const sagemaker = mockClient(SageMakerClient);
afterEach(() => sagemaker.reset());

const arn = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/card-fraud/8';
const registry = () => sageMakerRegistry(new SageMakerClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }));
const hash = 'c'.repeat(64);
const url = 'https://approvals.example.com/api/packages/pkg_1/record';

function serviceError(name: string, fault: 'client' | 'server', status: number): SageMakerServiceException {
  return new SageMakerServiceException({ name, $fault: fault, $metadata: { httpStatusCode: status }, message: `${name} raised` });
}

async function failure(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof RegistryError)) throw new Error(`Expected a RegistryError, got ${String(error)}`);
  return error;
}

describe('SageMaker Model Registry connector', () => {
  it('describes a model package with DescribeModelPackage', async () => {
    sagemaker.on(DescribeModelPackageCommand).resolves({ ModelPackageArn: arn, ModelPackageGroupName: 'card-fraud', ModelPackageVersion: 8, ModelApprovalStatus: 'PendingManualApproval', ModelPackageDescription: 'XGBoost', CustomerMetadataProperties: { owner: 'owner@example.com' } });
    expect(await registry().describeModelPackage(arn)).toEqual({ arn, groupName: 'card-fraud', version: 8, approvalStatus: 'PendingManualApproval', description: 'XGBoost', customerMetadata: { owner: 'owner@example.com' }, createdAt: null, createdBy: null, modelDataUrl: null, metricReports: [], modelCardContent: null });
    expect(sagemaker.commandCalls(DescribeModelPackageCommand).map((call) => call.args[0].input)).toEqual([{ ModelPackageName: arn }]);
  });

  it('approves with UpdateModelPackage: ModelApprovalStatus, ApprovalDescription within 1,024 characters, CustomerMetadataProperties', async () => {
    sagemaker.on(UpdateModelPackageCommand).resolves({ ModelPackageArn: arn });
    const approval = sageMakerApproval('approved', { contentHash: hash, recordUrl: url, reason: 'x'.repeat(3_000) });
    await registry().updateApproval(arn, approval);
    const [input] = sagemaker.commandCalls(UpdateModelPackageCommand).map((call) => call.args[0].input);
    expect(input).toEqual({ ModelPackageArn: arn, ModelApprovalStatus: 'Approved', ApprovalDescription: approval.description, CustomerMetadataProperties: { approval_status: 'approved', approval_content_sha256: hash, approval_record_url: url } });
    expect(Array.from(input?.ApprovalDescription ?? '')).toHaveLength(1_024);
    expect(input?.ApprovalDescription?.startsWith(`Approved in Model Approval. Content SHA-256 ${hash}; record ${url}. xxx`)).toBe(true);
    expect(input?.ApprovalDescription?.endsWith('…')).toBe(true);
  });

  it('a rejection is Rejected; a lapse takes the package back to PendingManualApproval', async () => {
    sagemaker.on(UpdateModelPackageCommand).resolves({ ModelPackageArn: arn });
    await registry().updateApproval(arn, sageMakerApproval('rejected', { contentHash: hash, recordUrl: url, reason: 'Retention basis missing.' }));
    await registry().updateApproval(arn, sageMakerApproval('lapsed', { contentHash: hash, recordUrl: url, reason: 'Re-review due 2027-12-05.' }));
    const inputs = sagemaker.commandCalls(UpdateModelPackageCommand).map((call) => call.args[0].input);
    expect(inputs.map((i) => i.ModelApprovalStatus)).toEqual(['Rejected', 'PendingManualApproval']);
    expect(inputs[0]?.ApprovalDescription).toBe(`Rejected in Model Approval. Content SHA-256 ${hash}; record ${url}. Retention basis missing.`);
  });

  it('throttling and server faults are unavailable (retried); validation is refused; a missing package is not_found', async () => {
    sagemaker.on(UpdateModelPackageCommand).rejectsOnce(serviceError('ThrottlingException', 'client', 400)).rejectsOnce(serviceError('InternalFailure', 'server', 500)).rejectsOnce(serviceError('ValidationException', 'client', 400));
    const approval = sageMakerApproval('approved', { contentHash: hash, recordUrl: url, reason: 'ok' });
    expect(await failure(registry().updateApproval(arn, approval))).toMatchObject({ kind: 'unavailable', code: 'ThrottlingException', status: 400 });
    expect(await failure(registry().updateApproval(arn, approval))).toMatchObject({ kind: 'unavailable', code: 'InternalFailure' });
    expect(await failure(registry().updateApproval(arn, approval))).toMatchObject({ kind: 'refused', code: 'ValidationException' });
    sagemaker.on(DescribeModelPackageCommand).rejects(new ResourceNotFound({ message: 'Model package not found', $metadata: { httpStatusCode: 400 } }));
    expect(await failure(registry().describeModelPackage(arn))).toMatchObject({ kind: 'not_found', code: 'ResourceNotFound' });
  });
});
