import { connectorsOf, type MlflowConnector, type RegistryConnector } from '#api/kernel/registry-port.ts';
import { mlflowClient } from '#server/registries/mlflow-client.ts';
import type { MlflowRegistryServer } from '../../support/mlflow-registry-server.ts';
import { signedMlflowDelivery } from '../../support/mlflow-delivery.ts';
import { Client, type Reply, type Target } from './client.ts';

// An MLflow connector pointed at the registry test double, and webhook deliveries signed the
// way an MLflow server signs them (mlflow/webhooks/delivery.py): the body as json.dumps writes
// it, X-MLflow-Delivery-Id, X-MLflow-Timestamp and X-MLflow-Signature.

export const mlflowSecret = 'mlflow-webhook-secret-for-tests';

export function mlflowConnector(server: MlflowRegistryServer, overrides: Partial<MlflowConnector> = {}): MlflowConnector {
  return {
    id: 'mlflow',
    kind: 'mlflow',
    url: server.url,
    registry: mlflowClient({ baseUrl: server.url, timeoutMs: 2_000 }),
    webhookSecret: mlflowSecret,
    alias: 'champion',
    defaultOwnerEmail: null,
    ...overrides,
  };
}

export const registriesOf = (...connectors: RegistryConnector[]) => connectorsOf(connectors);

export interface DeliveryOptions {
  deliveryId?: string;
  at?: Date;
  secret?: string;
  entity?: string;
  action?: string;
  connector?: string;
  /** Changes the body after signing (a forged payload under a captured signature). */
  tamper?: (body: string) => string;
}

export async function deliverMlflowEvent(target: Target, data: Record<string, unknown>, options: DeliveryOptions = {}): Promise<Reply> {
  const { body, headers } = await signedMlflowDelivery(data, { ...options, secret: options.secret ?? mlflowSecret });
  return new Client(target).send('POST', `/api/registries/${options.connector ?? 'mlflow'}/mlflow/webhook`, { text: options.tamper ? options.tamper(body) : body, headers });
}
