import type { DecisionKind } from '../contracts/decisions.ts';
import type { PackageStatus } from '../contracts/packages.ts';
import type { WebhookEventType, WebhookPayload } from '../contracts/webhooks.ts';

// Which workflow events a decision or submission emits, and the JSON each receiver gets.
// Pure: the handlers call these inside their transactions and hand the result to the outbox.

export type WebhookEventData = WebhookPayload['data'];

export interface WebhookEvent {
  type: WebhookEventType;
  data: WebhookEventData;
}

/** A decision's events: each approval approves its step; the last one approves the package; a rejection rejects it. */
export function decisionEvents(decision: DecisionKind, statusAfter: PackageStatus, data: WebhookEventData): WebhookEvent[] {
  if (decision === 'reject') return [{ type: 'package.rejected', data }];
  // An emergency approval approves no step: deployable now, with the chain as its follow-up.
  if (decision === 'emergency_approve') return [{ type: 'package.emergency_approved', data }];
  if (decision !== 'approve' && decision !== 'approve_with_conditions') return [];
  const events: WebhookEvent[] = [{ type: 'step.approved', data }];
  if (statusAfter === 'approved' || statusAfter === 'approved_with_conditions') events.push({ type: 'package.approved', data });
  return events;
}

export function submissionEvent(data: Omit<WebhookEventData, 'step' | 'decision'>): WebhookEvent {
  return { type: 'package.submitted', data: { ...data, step: null, decision: null } };
}

/** The body sent: the same bytes are signed and stored, so a retry sends exactly what was first sent. */
export function webhookPayload(event: WebhookEvent, id: string, at: string): string {
  const payload: WebhookPayload = { type: event.type, id, timestamp: at, data: event.data };
  return JSON.stringify(payload);
}

