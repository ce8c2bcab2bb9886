import { describe, expect, it } from 'vitest';
import { resubmissionOpen } from './resubmission-window.ts';

describe('resubmissionOpen', () => {
  it('opens after a rejection or while a clarification is requested', () => {
    expect(resubmissionOpen('rejected', [])).toBe(true);
    expect(resubmissionOpen('clarification_requested', [{ status: 'clarification' }])).toBe(true);
  });

  it('opens under an emergency approval only while its follow-up waits for a clarification', () => {
    expect(resubmissionOpen('emergency_approved', [{ status: 'approved' }, { status: 'clarification' }])).toBe(true);
    expect(resubmissionOpen('emergency_approved', [{ status: 'approved' }, { status: 'active' }])).toBe(false);
  });

  it('stays closed while the review runs or after approval', () => {
    expect(resubmissionOpen('in_review', [{ status: 'active' }])).toBe(false);
    expect(resubmissionOpen('approved', [{ status: 'approved' }])).toBe(false);
  });
});
