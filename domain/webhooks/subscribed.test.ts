import { describe, expect, it } from 'vitest';
import { isSubscribed } from './subscribed.ts';

describe('which endpoints are sent an event', () => {
  it('sends an event to endpoints that listed it', () => {
    expect(isSubscribed(['package.submitted'], 'package.submitted')).toBe(true);
    expect(isSubscribed(['package.submitted'], 'package.rejected')).toBe(false);
  });

  it('tells an endpoint that acts on an approval when the approval ends, even if it did not list the end', () => {
    expect(isSubscribed(['package.emergency_approved'], 'package.approval_ended')).toBe(true);
    expect(isSubscribed(['package.approved'], 'package.approval_ended')).toBe(true);
  });

  it('does not send the end of an approval to endpoints that follow no approval', () => {
    expect(isSubscribed(['package.submitted', 'step.approved', 'package.rejected'], 'package.approval_ended')).toBe(false);
  });
});
