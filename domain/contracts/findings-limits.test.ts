import { describe, expect, it } from 'vitest';
import { findingTransitionRequestSchema, raiseFindingRequestSchema } from './findings.ts';

// The limits' messages are written when a text is refused, not as the module is evaluated
// (docs/decisions/0219); what a refused text is told stays the same.

const finding = { versionNumber: 1, sectionKey: 'validation_findings', title: 'Stale holdout', description: 'The holdout predates the change.', severity: 'high', type: 'validation_finding', ownerId: 'user_owner', dueDate: '2027-01-31' };

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe('the findings contract’s text limits', () => {
  it('names the limit, with its thousands grouped, when a text is too long', () => {
    expect(messages(raiseFindingRequestSchema.safeParse({ ...finding, title: 'x'.repeat(201) }))).toEqual(['At most 200 characters']);
    expect(messages(raiseFindingRequestSchema.safeParse({ ...finding, description: 'x'.repeat(20_001) }))).toEqual(['At most 20,000 characters']);
    expect(messages(findingTransitionRequestSchema.safeParse({ to: 'verified', revision: 0, note: 'x'.repeat(20_001) }))).toEqual(['At most 20,000 characters']);
  });

  it('takes a text at its limit, and still asks for an empty one', () => {
    expect(raiseFindingRequestSchema.safeParse({ ...finding, title: 'x'.repeat(200), description: 'x'.repeat(20_000) }).success).toBe(true);
    expect(messages(raiseFindingRequestSchema.safeParse({ ...finding, title: '  ' }))).toEqual(['Write a title']);
  });
});
