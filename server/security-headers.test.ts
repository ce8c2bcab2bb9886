import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders, securityHeadersFor } from './security-headers.ts';
import { createApp } from './app.ts';
import type { ApiDeps } from '#api/index.ts';

// Every response carries the security headers, whichever way it was made: set in place on a
// response that allows it, through a rebuilt response on one whose headers are immutable.

function app(): Hono {
  const app = new Hono();
  app.use('*', securityHeaders);
  app.get('/text', () => new Response('{"a":1}', { status: 201, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } }));
  app.get('/json', (c) => c.json({ ok: true }));
  app.get('/redirect', () => Response.redirect('https://example.com/elsewhere', 302));
  return app;
}

const expected = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

describe('security headers', () => {
  it('are added to a response built by hand, which keeps its own status, headers and body', async () => {
    const response = await app().request('http://localhost/text');
    expect(response.status).toBe(201);
    expect(Object.fromEntries(response.headers)).toMatchObject({ ...expected, 'content-type': 'application/json', 'cache-control': 'no-store' });
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(await response.text()).toBe('{"a":1}');
  });

  it('are added to a response whose headers are immutable', async () => {
    const response = await app().request('http://localhost/redirect');
    expect(response.status).toBe(302);
    expect(Object.fromEntries(response.headers)).toMatchObject({ ...expected, location: 'https://example.com/elsewhere' });
  });

  it('include HSTS when the public origin is https, though the proxy forwarded plain http', async () => {
    const behindProxy = new Hono();
    behindProxy.use('*', securityHeadersFor('https://approvals.example.com'));
    behindProxy.get('/json', (c) => c.json({ ok: true }));
    expect((await behindProxy.request('http://10.0.0.5:3000/json')).headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    const plain = new Hono();
    plain.use('*', securityHeadersFor('http://localhost:3000'));
    plain.get('/json', (c) => c.json({ ok: true }));
    expect((await plain.request('https://localhost/json')).headers.get('strict-transport-security')).toBeNull();
  });

  it('include HSTS over HTTPS only', async () => {
    const response = await app().request('https://localhost/json');
    expect(Object.fromEntries(response.headers)).toMatchObject({ ...expected, 'strict-transport-security': 'max-age=63072000; includeSubDomains' });
    expect(await response.json()).toEqual({ ok: true });
  });

  it('are on the API’s answers, made with them in place (0161), chosen as for any other response', async () => {
    // A route the table does not have: the pipeline answers 404 before anything reads the store.
    const deps = (publicOrigin?: string) => ({ publicOrigin, logError: () => undefined }) as unknown as ApiDeps;
    for (const [publicOrigin, url, hsts] of [
      ['https://approvals.example.com', 'http://10.0.0.5:3000/api/no-such-route', true],
      [undefined, 'https://localhost/api/no-such-route', true],
      [undefined, 'http://localhost/api/no-such-route', false],
    ] as const) {
      const response = await createApp(deps(publicOrigin)).request(url);
      expect(response.status).toBe(404);
      expect(Object.fromEntries(response.headers)).toMatchObject({ ...expected, 'content-type': 'application/problem+json', 'cache-control': 'no-store' });
      expect(response.headers.get('strict-transport-security')).toBe(hsts ? 'max-age=63072000; includeSubDomains' : null);
      expect(((await response.json()) as { status: number }).status).toBe(404);
    }
  });
});
