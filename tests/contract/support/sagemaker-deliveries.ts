import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { registryEventSecretHeader, type SageMakerConnector } from '#api/kernel/registry-port.ts';
import { sageMakerRegistry } from '#server/registries/sagemaker-client.ts';
import { Client, type Reply, type Target } from './client.ts';

// A SageMaker connector whose real SDK client a test mocks with aws-sdk-client-mock, and
// "SageMaker Model Package State Change" events shaped as EventBridge delivers them to an API
// destination (https://docs.aws.amazon.com/sagemaker/latest/dg/automating-sagemaker-with-eventbridge.html),
// with the connection's API key header.

export const sageMakerSecret = 'eventbridge-api-destination-secret';
export const sageMakerArn = (group: string, version: number) => `arn:aws:sagemaker:eu-west-1:123456789012:model-package/${group}/${version}`;

export function sageMakerConnector(overrides: Partial<SageMakerConnector> = {}): SageMakerConnector {
  return {
    id: 'sagemaker',
    kind: 'sagemaker',
    url: 'AWS eu-west-1',
    registry: sageMakerRegistry(new SageMakerClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 })),
    eventSecret: sageMakerSecret,
    groups: ['card-fraud'],
    defaultOwnerEmail: null,
    ...overrides,
  };
}

export function modelPackageStateChange(group: string, version: number, status = 'PendingManualApproval', id: string = crypto.randomUUID()) {
  const arn = sageMakerArn(group, version);
  return {
    version: '0',
    id,
    'detail-type': 'SageMaker Model Package State Change',
    source: 'aws.sagemaker',
    account: '123456789012',
    time: '2026-12-05T07:00:00Z',
    region: 'eu-west-1',
    resources: [arn],
    detail: {
      ModelPackageGroupName: group,
      ModelPackageVersion: version,
      ModelPackageArn: arn,
      CreationTime: 1_764_918_000_000,
      ModelApprovalStatus: status,
      ModelPackageStatus: 'Completed',
      CreatedBy: { UserProfileName: 'ana', DomainId: 'd-abc' },
    },
  };
}

export function deliverSageMakerEvent(target: Target, event: unknown, options: { secret?: string | null; connector?: string } = {}): Promise<Reply> {
  const secret = options.secret === undefined ? sageMakerSecret : options.secret;
  return new Client(target).send('POST', `/api/registries/${options.connector ?? 'sagemaker'}/sagemaker/events`, {
    json: event,
    headers: secret === null ? {} : { [registryEventSecretHeader]: secret },
  });
}
