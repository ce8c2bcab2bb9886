import { expect } from 'vitest';
import { createMockApi, demoPassword } from '#mocks/handlers.ts';
import { server } from './mock-server.ts';

// The mock API the audit integrity tests run against (the real pipeline over an in-memory
// store), signed in as the committee. Tests only.

export const origin = 'http://localhost';

export async function signedInApi(now?: () => Date) {
  const api = createMockApi({ signedInAs: 'committee@example.com', ...(now ? { now } : {}) });
  server.resetHandlers(...api.handlers);
  await api.ready;
  return api;
}

/** One more entry in the log: another sign-in. */
export async function appendEntry(): Promise<void> {
  const response = await fetch(`${origin}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'committee@example.com', password: demoPassword }) });
  expect(response.status).toBe(200);
}
