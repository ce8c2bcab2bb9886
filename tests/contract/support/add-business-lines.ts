// Business lines an administrator adds before a scenario files under them. Apart from
// business-line-scenarios.ts, which lists scenarios that use it (a cycle otherwise, 0195).
// With two administrators a line is added by proposal and approval (0182).
import type { Target } from './client.ts';
import { changeAsDirect } from './catalogue-proposals.ts';
import { expectStatus } from './signing-scenarios.ts';

/** Adds lines to the organisation's list (as an administrator) for a scenario of its own. */
export async function addBusinessLines(target: Target, ...labels: string[]): Promise<void> {
  for (const label of labels) expectStatus(await changeAsDirect(target, '/api/business-lines', { label }), 201);
}
