import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64.ts';
import { newWebhookSecret, secretBytes, signWebhook, webhookHeaders } from './sign.ts';

// The reference construction of Standard Webhooks, written out with node:crypto: the key is
// the base64-decoded part after "whsec_", the content "<id>.<timestamp>.<body>".
function reference(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

describe('webhook signatures', () => {
  it('match the Standard Webhooks reference construction', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"type":"step.approved","id":"msg_1","data":{"packageId":"pkg_1"}}';
    expect(await signWebhook(secret, 'msg_p5ku2bh7lh8J2eYX', 1614265330, body)).toBe(reference(secret, 'msg_p5ku2bh7lh8J2eYX', 1614265330, body));
  });

  it('match it for random secrets, ids and non-ASCII bodies', async () => {
    for (let i = 0; i < 20; i++) {
      const secret = `whsec_${randomBytes(32).toString('base64')}`;
      const body = JSON.stringify({ note: `Prüfung ✓ ${i}`, n: i });
      expect(await signWebhook(secret, `msg_${i}`, 1_700_000_000 + i, body)).toBe(reference(secret, `msg_${i}`, 1_700_000_000 + i, body));
    }
  });

  it('sends id, unix-seconds timestamp and signature headers', async () => {
    const secret = newWebhookSecret();
    const headers = await webhookHeaders(secret, 'msg_x', new Date('2026-03-01T12:00:00.900Z'), '{}');
    expect(headers).toEqual({ 'content-type': 'application/json', 'webhook-id': 'msg_x', 'webhook-timestamp': '1772366400', 'webhook-signature': reference(secret, 'msg_x', 1772366400, '{}') });
  });

  it('makes whsec_ secrets of 32 random bytes, different each time', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(secretBytes(a)).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(a);
  });

  it('encodes base64 as node does', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = randomBytes(n);
      expect(toBase64(bytes)).toBe(bytes.toString('base64'));
      expect(Buffer.from(fromBase64(bytes.toString('base64')))).toEqual(bytes);
    }
  });
});
