import { describe, expect, it } from 'vitest';
import { submissionEvent } from '../package/events.ts';
import { webhookPayloadSchema } from './contract.ts';
import { webhookPayload } from './events.ts';

describe('webhook payloads of package events', () => {
  it('the payload has type, id, timestamp and data, and parses', () => {
    const event = submissionEvent({ packageId: 'pkg_1', modelKey: 'm', version: 1, versionLabel: '1.0', actor: null });
    const body = JSON.parse(webhookPayload(event, 'msg_1', '2026-01-01T00:00:00.000Z')) as unknown;
    expect(webhookPayloadSchema.parse(body)).toEqual({ type: 'package.submitted', id: 'msg_1', timestamp: '2026-01-01T00:00:00.000Z', data: { packageId: 'pkg_1', modelKey: 'm', version: 1, versionLabel: '1.0', step: null, decision: null, actor: null } });
  });
});
