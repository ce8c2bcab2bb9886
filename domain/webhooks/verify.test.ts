import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook } from './sign.ts';
import { verifyStandardWebhook } from './verify.ts';

// The example inputs of the Standard Webhooks specification; the expected signature is computed
// independently with node:crypto by the reference construction (key: base64 after "whsec_").
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const reference = `v1,${createHmac('sha256', Buffer.from(secret.slice(6), 'base64')).update('msg_p5ku2bh7lh8J2eYX.1614265330.{"test": 2432232314}').digest('base64')}`;
const spec = { secret, id: 'msg_p5ku2bh7lh8J2eYX', timestamp: '1614265330', body: '{"test": 2432232314}', signature: reference };
const at = new Date(1614265330 * 1000);

describe('verifyStandardWebhook', () => {
  it('accepts the specification’s example, also among other signatures', async () => {
    expect(await verifyStandardWebhook(spec.secret, spec, at)).toEqual({ ok: true });
    expect(await verifyStandardWebhook(spec.secret, { ...spec, signature: `v1,AAAA ${spec.signature}` }, at)).toEqual({ ok: true });
  });

  it('refuses a changed body, id or timestamp, or another secret', async () => {
    expect(await verifyStandardWebhook(spec.secret, { ...spec, body: '{"test": 2432232315}' }, at)).toEqual({ ok: false, reason: 'mismatch' });
    expect(await verifyStandardWebhook(spec.secret, { ...spec, id: 'msg_other' }, at)).toEqual({ ok: false, reason: 'mismatch' });
    expect(await verifyStandardWebhook(spec.secret, { ...spec, timestamp: '1614265331' }, at)).toEqual({ ok: false, reason: 'mismatch' });
    expect(await verifyStandardWebhook(newWebhookSecret(), spec, at)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a timestamp more than five minutes away, and missing or malformed headers', async () => {
    expect(await verifyStandardWebhook(spec.secret, spec, new Date(at.getTime() + 301_000))).toEqual({ ok: false, reason: 'stale' });
    expect(await verifyStandardWebhook(spec.secret, spec, new Date(at.getTime() - 301_000))).toEqual({ ok: false, reason: 'stale' });
    expect(await verifyStandardWebhook(spec.secret, spec, new Date(at.getTime() + 299_000))).toEqual({ ok: true });
    expect(await verifyStandardWebhook(spec.secret, { ...spec, signature: null }, at)).toEqual({ ok: false, reason: 'unsigned' });
    expect(await verifyStandardWebhook(spec.secret, { ...spec, timestamp: '16e8' }, at)).toEqual({ ok: false, reason: 'malformed' });
    expect(await verifyStandardWebhook(spec.secret, { ...spec, signature: 'v2,abc' }, at)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses, before any HMAC, an id longer than 200 characters or not visible ASCII, and more than 8 signatures (0165)', async () => {
    const longId = `msg_${'x'.repeat(197)}`;
    const signed = { ...spec, id: longId, signature: await signWebhook(spec.secret, longId, Number(spec.timestamp), spec.body) };
    expect(await verifyStandardWebhook(spec.secret, signed, at)).toMatchObject({ ok: false, reason: 'malformed', detail: expect.stringMatching(/1 to 200 visible ASCII/) as unknown });
    const fits = `msg_${'x'.repeat(196)}`;
    expect(await verifyStandardWebhook(spec.secret, { ...spec, id: fits, signature: await signWebhook(spec.secret, fits, Number(spec.timestamp), spec.body) }, at)).toEqual({ ok: true });
    expect(await verifyStandardWebhook(spec.secret, { ...spec, id: 'msg 1' }, at)).toMatchObject({ ok: false, reason: 'malformed' });
    const eight = `${Array.from({ length: 7 }, () => 'v1,AAAA').join(' ')} ${spec.signature}`;
    expect(await verifyStandardWebhook(spec.secret, { ...spec, signature: eight }, at)).toEqual({ ok: true });
    const nine = `v1,AAAA ${eight}`;
    expect(await verifyStandardWebhook(spec.secret, { ...spec, signature: nine }, at)).toMatchObject({ ok: false, reason: 'malformed', detail: expect.stringMatching(/holds 9 signatures; at most 8/) as unknown });
  });

  it('accepts what signWebhook signs', async () => {
    const secret = newWebhookSecret();
    const signature = await signWebhook(secret, 'msg_1', 1_800_000_000, '{"a":1}');
    expect(await verifyStandardWebhook(secret, { id: 'msg_1', timestamp: '1800000000', signature, body: '{"a":1}' }, new Date(1_800_000_000_000))).toEqual({ ok: true });
  });
});
