import { parseAllowList, type AllowEntry } from '#domain/webhooks/address.ts';

/**
 * The allow-list of tests whose webhook receivers listen on this machine: loopback addresses
 * are refused otherwise (domain/webhooks/address.ts), so these servers name them, as an
 * operator would with WEBHOOK_ALLOWED_HOSTS.
 */
export function allowListOf(text: string): readonly AllowEntry[] {
  const parsed = parseAllowList(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.entries;
}

export const localWebhookReceivers = allowListOf('127.0.0.1, localhost');
