import type { PackageEvent } from '../contracts/package-events.ts';
import type { WebhookPayload } from './contract.ts';

/** The body sent: the same bytes are signed and stored, so a retry sends exactly what was first sent. */
export function webhookPayload(event: PackageEvent, id: string, at: string): string {
  const payload: WebhookPayload = { type: event.type, id, timestamp: at, data: event.data };
  return JSON.stringify(payload);
}
