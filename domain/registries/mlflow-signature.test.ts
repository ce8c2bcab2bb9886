import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signMlflowDelivery, verifyMlflowDelivery } from './mlflow-signature.ts';

const secret = 'mlflow-webhook-secret';
const body = '{"entity": "model_version", "action": "created", "timestamp": "2026-12-05T03:00:00+00:00", "data": {"name": "m", "version": "1"}}';
const now = new Date('2026-12-05T03:00:10Z');
const timestamp = String(Math.floor(new Date('2026-12-05T03:00:00Z').getTime() / 1000));

/** What MLflow's delivery.py computes, written independently with Node's HMAC. */
function mlflowReference(deliveryId: string, ts: string, payload: string): string {
  return `v1,${createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${deliveryId}.${ts}.${payload}`).digest('base64')}`;
}

describe('MLflow webhook signatures', () => {
  it('signs as MLflow does and accepts its signature', async () => {
    const signature = mlflowReference('d-1', timestamp, body);
    expect(await signMlflowDelivery(secret, 'd-1', timestamp, body)).toBe(signature);
    expect(await verifyMlflowDelivery(secret, { deliveryId: 'd-1', timestamp, signature, body }, now)).toEqual({ ok: true });
  });

  it('refuses a changed body, delivery id or timestamp, and another secret', async () => {
    const signature = mlflowReference('d-1', timestamp, body);
    expect(await verifyMlflowDelivery(secret, { deliveryId: 'd-1', timestamp, signature, body: body.replace('"1"', '"2"') }, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(await verifyMlflowDelivery(secret, { deliveryId: 'd-2', timestamp, signature, body }, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(await verifyMlflowDelivery(secret, { deliveryId: 'd-1', timestamp: String(Number(timestamp) + 1), signature, body }, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(await verifyMlflowDelivery('other', { deliveryId: 'd-1', timestamp, signature, body }, now)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a missing, malformed or stale signature', async () => {
    const signature = mlflowReference('d-1', timestamp, body);
    expect(await verifyMlflowDelivery(secret, { deliveryId: 'd-1', timestamp, signature: null, body }, now)).toEqual({ ok: false, reason: 'unsigned' });
    expect(await verifyMlflowDelivery(secret, { deliveryId: 'd-1', timestamp: 'yesterday', signature, body }, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(await verifyMlflowDelivery(secret, { deliveryId: 'd-1', timestamp, signature: 'sha256=abc', body }, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(await verifyMlflowDelivery(secret, { deliveryId: 'd-1', timestamp, signature, body }, new Date('2026-12-05T03:06:00Z'))).toEqual({ ok: false, reason: 'stale' });
  });
});
