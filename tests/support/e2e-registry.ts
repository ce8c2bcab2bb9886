// What the end-to-end server's SageMaker connector is configured with (scripts/e2e-server.ts),
// shared with e2e/registries.spec.ts, which sends it EventBridge events (e2e/registry-flow.spec.ts
// sends them to a server of its own, configured the same but for the endpoint).
export const e2eRegistry = {
  connector: 'sagemaker',
  sageMakerSecret: 'e2e-eventbridge-api-destination-secret',
  /** The model package group the polling fallback lists. */
  group: 'e2e-card-fraud',
} as const;

/** A "SageMaker Model Package State Change" event as EventBridge delivers it, for a version awaiting approval. */
export function sageMakerStateChange(group: string, version: number) {
  const arn = `arn:aws:sagemaker:eu-west-1:123456789012:model-package/${group}/${version}`;
  return {
    version: '0',
    id: crypto.randomUUID(),
    'detail-type': 'SageMaker Model Package State Change',
    source: 'aws.sagemaker',
    account: '123456789012',
    time: new Date().toISOString(),
    region: 'eu-west-1',
    resources: [arn],
    detail: { ModelPackageGroupName: group, ModelPackageVersion: version, ModelPackageArn: arn, ModelApprovalStatus: 'PendingManualApproval', ModelPackageStatus: 'Completed' },
  };
}
