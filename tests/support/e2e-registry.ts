// What the end-to-end server's SageMaker connector is configured with (scripts/e2e-server.ts),
// shared with e2e/registries.spec.ts, which sends it EventBridge events.
export const e2eRegistry = {
  connector: 'sagemaker',
  sageMakerSecret: 'e2e-eventbridge-api-destination-secret',
  /** The model package group the polling fallback lists. */
  group: 'e2e-card-fraud',
} as const;
