import { expect } from 'vitest';
import { handleApiRequest } from '#api/index.ts';
import type { ApiDeps } from '#api/kernel/context.ts';
import { readCookie, sessionCookieName } from '#api/kernel/cookies.ts';
import { demoPassword } from '#mocks/handlers.ts';

// Requests straight into the API (no MSW, no server) for tests that hold a port open, such as a
// password check caught mid-flight: a same-origin request and a demo account's session cookie.

export const mockOrigin = 'http://mock.local';

export function apiRequest(method: string, path: string, body: unknown, cookie?: string): Request {
  return new Request(`${mockOrigin}${path}`, { method, headers: { 'content-type': 'application/json', origin: mockOrigin, ...(cookie ? { cookie } : {}) }, ...(body === null ? {} : { body: JSON.stringify(body) }) });
}

/** Signs a demo account in and answers its session cookie, as a browser would send it back. */
export async function demoSessionCookie(deps: ApiDeps, email: string): Promise<string> {
  const response = await handleApiRequest(apiRequest('POST', '/api/session', { email, password: demoPassword }), deps);
  expect(response.status).toBe(200);
  return `${sessionCookieName}=${readCookie(response.headers.get('set-cookie'), sessionCookieName) ?? ''}`;
}
