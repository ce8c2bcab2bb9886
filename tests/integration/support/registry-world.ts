import { startRegistryWriteBacks, type RegistryWriteBackDispatcher } from '#server/timers/registry-write-back.ts';
import { mlflowConnector, registriesOf } from '../../contract/support/mlflow-deliveries.ts';
import { sageMakerConnector } from '../../contract/support/sagemaker-deliveries.ts';
import { sqliteTarget } from '../../contract/support/targets.ts';
import type { Target } from '../../contract/support/client.ts';
import type { Defer } from '../../support/cleanups.ts';
import { startMlflowRegistryServer, type MlflowRegistryServer } from '../../support/mlflow-registry-server.ts';

/** The MLflow model the registry integration tests draft card-fraud-detection 8 from. */
export const cardFraudScorer = 'Card Fraud Scorer';

/** Sends a request built by a script helper (`signInActor`, `approveCardFraudCopy`) to the target. */
export const sendTo = (target: Target) => (url: string, init: RequestInit) => target.fetch(new Request(url, init));

export interface RegistryWorld {
  server: MlflowRegistryServer;
  target: Target;
  dispatcher: RegistryWriteBackDispatcher;
}

/**
 * A SQLite-backed API with two registries configured: a real MLflow server holding
 * card-fraud-detection as “Card Fraud Scorer” version 8, and SageMaker (the AWS client mocked
 * by the test); plus the write-back dispatcher, which runs only when the test ticks it.
 * Everything is closed after the test through `defer`.
 */
export async function registryWorld(defer: Defer): Promise<RegistryWorld> {
  const server = await startMlflowRegistryServer();
  defer(() => server.close());
  server.addModelVersion(cardFraudScorer, { version: '8', tags: { model_key: 'card-fraud-detection' } });
  const registries = registriesOf(mlflowConnector(server), sageMakerConnector());
  const target = await sqliteTarget({ registries });
  defer(() => target.close());
  const dispatcher = startRegistryWriteBacks({ store: target.store, registries, intervalMs: 3_600_000, backoffBaseMs: 1_000 });
  defer(() => dispatcher.stop());
  return { server, target, dispatcher };
}
