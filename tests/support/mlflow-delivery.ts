import { signMlflowDelivery } from '#domain/registries/mlflow-signature.ts';

// A webhook delivery signed the way an MLflow server signs one (mlflow/webhooks/delivery.py):
// the body as json.dumps writes it, X-MLflow-Delivery-Id, X-MLflow-Timestamp and
// X-MLflow-Signature. Used in process (tests/contract/support/mlflow-deliveries.ts) and over
// HTTP against the end-to-end server (e2e/registry-flow.spec.ts).

export interface MlflowDeliveryOptions {
  deliveryId?: string;
  at?: Date;
  secret: string;
  entity?: string;
  action?: string;
}

/** Python's json.dumps separators: ", " and ": ". */
function pythonJson(value: unknown): string {
  return JSON.stringify(value).replace(/","/g, '", "').replace(/":"/g, '": "').replace(/":\{/g, '": {').replace(/\},"/g, '}, "');
}

export async function signedMlflowDelivery(data: Record<string, unknown>, options: MlflowDeliveryOptions): Promise<{ body: string; headers: Record<string, string> }> {
  const at = options.at ?? new Date();
  const deliveryId = options.deliveryId ?? crypto.randomUUID();
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const body = pythonJson({ entity: options.entity ?? 'model_version', action: options.action ?? 'created', timestamp: at.toISOString().replace('Z', '+00:00'), data });
  const signature = await signMlflowDelivery(options.secret, deliveryId, timestamp, body);
  return { body, headers: { 'content-type': 'application/json', 'x-mlflow-delivery-id': deliveryId, 'x-mlflow-timestamp': timestamp, 'x-mlflow-signature': signature } };
}
