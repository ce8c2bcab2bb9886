import { describe, expect, it } from 'vitest';
import { webhookPayloadSchema } from '../contracts/webhooks.ts';
import { decisionEvents, submissionEvent, webhookPayload } from './events.ts';

const data = { packageId: 'pkg_1', modelKey: 'retail-credit-pd', version: 2, versionLabel: '3.1.0', step: 'fair_lending', decision: 'approve', actor: { id: 'u', displayName: 'Dana', title: 'Fair Lending Officer' } };

describe('workflow events for webhooks', () => {
  it('an approval approves its step; the last approval also approves the package', () => {
    expect(decisionEvents('approve', 'in_review', data).map((e) => e.type)).toEqual(['step.approved']);
    expect(decisionEvents('approve_with_conditions', 'approved_with_conditions', data).map((e) => e.type)).toEqual(['step.approved', 'package.approved']);
  });

  it('a rejection rejects the package; a clarification request emits nothing', () => {
    expect(decisionEvents('reject', 'rejected', data).map((e) => e.type)).toEqual(['package.rejected']);
    expect(decisionEvents('request_clarification', 'clarification_requested', data)).toEqual([]);
  });

  it('the payload has type, id, timestamp and data, and parses', () => {
    const event = submissionEvent({ packageId: 'pkg_1', modelKey: 'm', version: 1, versionLabel: '1.0', actor: null });
    const body = JSON.parse(webhookPayload(event, 'msg_1', '2026-01-01T00:00:00.000Z')) as unknown;
    expect(webhookPayloadSchema.parse(body)).toEqual({ type: 'package.submitted', id: 'msg_1', timestamp: '2026-01-01T00:00:00.000Z', data: { packageId: 'pkg_1', modelKey: 'm', version: 1, versionLabel: '1.0', step: null, decision: null, actor: null } });
  });
});
