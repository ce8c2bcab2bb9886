// Business lines an administrator adds before a scenario files under them. Apart from
// business-line-scenarios.ts, which lists scenarios that use it (a cycle otherwise, 0195).
import type { Client } from './client.ts';
import { expectStatus } from './signing-scenarios.ts';

/** Adds lines to the organisation's list (as an administrator) for a scenario of its own. */
export async function addBusinessLines(admin: Client, ...labels: string[]): Promise<void> {
  for (const label of labels) expectStatus(await admin.post('/api/business-lines', { label }), 201);
}
