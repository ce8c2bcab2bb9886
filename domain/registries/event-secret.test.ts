import { describe, expect, it } from 'vitest';
import { verifyEventSecret } from './event-secret.ts';

describe('EventBridge event secret', () => {
  const secret = 'eventbridge-connection-secret-0123';
  it('accepts exactly the configured secret', async () => {
    expect(await verifyEventSecret(secret, secret)).toEqual({ ok: true });
  });
  it('refuses a missing, empty, shorter, longer or different one', async () => {
    expect(await verifyEventSecret(secret, null)).toEqual({ ok: false, reason: 'unsigned' });
    expect(await verifyEventSecret(secret, '')).toEqual({ ok: false, reason: 'unsigned' });
    for (const guess of [secret.slice(0, -1), `${secret}x`, secret.toUpperCase(), 'x'.repeat(secret.length)]) expect(await verifyEventSecret(secret, guess)).toEqual({ ok: false, reason: 'mismatch' });
  });
});
