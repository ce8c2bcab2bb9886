import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address.ts';

// X-Forwarded-For is believed only behind a proxy the operator trusts, and then only its last
// entry (the one that proxy appended); a client cannot pick its own address by sending one.

function app(trustProxy: boolean): Hono {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddressOf(c, trustProxy) ?? 'unknown'));
  return app;
}

const socket = { incoming: { socket: { remoteAddress: '10.0.0.2' } } };
const forwarded = { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' };

describe('the client address', () => {
  it('is the socket’s when no proxy is trusted, whatever X-Forwarded-For says', async () => {
    expect(await (await app(false).request('/', { headers: forwarded }, socket)).text()).toBe('10.0.0.2');
  });

  it('is the last X-Forwarded-For entry behind a trusted proxy', async () => {
    expect(await (await app(true).request('/', { headers: forwarded }, socket)).text()).toBe('203.0.113.9');
    expect(await (await app(true).request('/', {}, socket)).text()).toBe('10.0.0.2');
  });

  it('is unknown in-process', async () => {
    expect(await (await app(false).request('/')).text()).toBe('unknown');
  });
});
