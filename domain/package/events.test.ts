import { describe, expect, it } from 'vitest';
import { decisionEvents } from './events.ts';

const data = { packageId: 'pkg_1', modelKey: 'retail-credit-pd', version: 2, versionLabel: '3.1.0', step: 'fair_lending', decision: 'approve', actor: { id: 'u', displayName: 'Dana', title: 'Fair Lending Officer' } };

describe('package events of a decision', () => {
  it('an approval approves its step; the last approval also approves the package', () => {
    expect(decisionEvents('approve', 'in_review', data).map((e) => e.type)).toEqual(['step.approved']);
    expect(decisionEvents('approve_with_conditions', 'approved_with_conditions', data).map((e) => e.type)).toEqual(['step.approved', 'package.approved']);
  });

  it('a rejection rejects the package; a clarification request emits nothing', () => {
    expect(decisionEvents('reject', 'rejected', data).map((e) => e.type)).toEqual(['package.rejected']);
    expect(decisionEvents('request_clarification', 'clarification_requested', data)).toEqual([]);
  });
});
