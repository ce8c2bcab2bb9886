// @vitest-environment jsdom
import { http, HttpResponse } from 'msw';
import { z } from 'zod';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupServer } from 'msw/node';
import { apiFetch, prefetchEarly } from './api-client.ts';
import { ApiProblem } from './api-problem.ts';

let counted = 0;
const server = setupServer(
  http.get('*/api/counted', () => HttpResponse.json({ request: ++counted })),
  http.get('*/api/ok', () => HttpResponse.json({ name: 'x' })),
  http.get('*/api/wrong-shape', () => HttpResponse.json({ name: 1 })),
  http.post('*/api/invalid', () =>
    HttpResponse.json(
      { type: 'https://model-approval.example/problems/validation', title: 'Invalid request', status: 422, errors: [{ pointer: '/email', message: 'Enter a valid email address' }] },
      { status: 422, headers: { 'content-type': 'application/problem+json' } },
    ),
  ),
  http.delete('*/api/bodyless', async ({ request }) => HttpResponse.json({ type: request.headers.get('content-type'), body: await request.text() })),
  // Written as text: an object literal here would build the objects before the reader does.
  http.get('*/api/escaped-keys', () => new HttpResponse('{"one":{"first-api-client":1,"\\\\":0},"two":{"first-api-client":1,"\\"":2}}', { headers: { 'content-type': 'application/json' } })),
  http.get('*/api/proxy-error', () => new HttpResponse('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } })),
);

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('apiFetch', () => {
  it('parses a success body with its contract', async () => {
    await expect(apiFetch('/api/ok', { schema: z.object({ name: z.string() }) })).resolves.toEqual({ name: 'x' });
  });

  // V8's JSON.parse (Node 24, Chromium 150) reads the second object's "\"" key as "\" after
  // the first object taught it "\" in that place (docs/decisions/0237); Response#json is JSON.parse.
  it('reads every key of the answer as it was sent', async () => {
    const answer = await apiFetch('/api/escaped-keys', { schema: z.record(z.string(), z.record(z.string(), z.number())) });
    expect(Object.keys(answer.one ?? {})).toEqual(['first-api-client', '\\']);
    expect(Object.keys(answer.two ?? {})).toEqual(['first-api-client', '"']);
  });

  it('refuses a body the contract does not describe', async () => {
    await expect(apiFetch('/api/wrong-shape', { schema: z.object({ name: z.string() }) })).rejects.toThrow(/unexpected shape/);
  });

  it('throws the problem with its field errors', async () => {
    const error: unknown = await apiFetch('/api/invalid', { method: 'POST', body: { email: '' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    if (!(error instanceof ApiProblem)) return;
    expect(error.status).toBe(422);
    expect(error.fieldError('/email')).toBe('Enter a valid email address');
  });

  it('sends a write without a body as JSON too, as the API requires', async () => {
    await expect(apiFetch('/api/bodyless', { method: 'DELETE', schema: z.object({ type: z.string().nullable(), body: z.string() }) })).resolves.toEqual({ type: 'application/json', body: '' });
  });

  it('makes a problem of an answer that is not problem+json', async () => {
    const error: unknown = await apiFetch('/api/proxy-error').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    if (!(error instanceof ApiProblem)) return;
    expect(error.problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
  });

  it('takes the answer to a GET asked for early, once, and asks again afterwards', async () => {
    counted = 0;
    const schema = z.object({ request: z.number() });
    prefetchEarly('/api/counted?limit=1');
    await expect(apiFetch('/api/counted?limit=1', { schema })).resolves.toEqual({ request: 1 });
    expect(counted).toBe(1);
    await expect(apiFetch('/api/counted?limit=1', { schema })).resolves.toEqual({ request: 2 });
  });

  it('gives an early answer only to the same path', async () => {
    counted = 0;
    const schema = z.object({ request: z.number() });
    prefetchEarly('/api/counted?limit=1');
    await vi.waitFor(() => expect(counted).toBe(1));
    await expect(apiFetch('/api/counted?limit=2', { schema })).resolves.toEqual({ request: 2 });
    await expect(apiFetch('/api/counted?limit=1', { schema })).resolves.toEqual({ request: 1 });
  });

  // The first administrator's setup signs them in, as a sign-in does; so may any write change
  // what a GET answers. An answer asked for before it (a refusal, with no session) is not the
  // page's answer after it, whichever write it was and however it was answered.
  it.each([
    ['a write answered 2xx', '/api/bodyless', 'DELETE'],
    ['a refused write', '/api/invalid', 'POST'],
  ] as const)('drops every answer asked for early once %s', async (_case, path, method) => {
    counted = 0;
    const schema = z.object({ request: z.number() });
    prefetchEarly('/api/counted?limit=1');
    await vi.waitFor(() => expect(counted).toBe(1));
    await apiFetch(path, { method, body: { email: '' } }).catch(() => undefined);
    await expect(apiFetch('/api/counted?limit=1', { schema })).resolves.toEqual({ request: 2 });
  });
});
