import { describe, expect, it } from 'vitest';
import { raiseFindingRequestSchema } from './findings.ts';

const request = { versionNumber: 1, sectionKey: 'intended_use', title: 'Leakage', description: 'Test rows appear in training.', severity: 'high', type: 'limitation', ownerId: 'u1', dueDate: '2027-01-31' };

// The limits' messages are written when a text is refused (decision 0215): they still name the limit.
describe('a finding’s text limits', () => {
  it('names the limit, with thousands separated, when a text is too long', () => {
    const long = raiseFindingRequestSchema.safeParse({ ...request, title: 'x'.repeat(201), description: 'y'.repeat(20_001) });
    expect(long.success).toBe(false);
    expect(long.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['title', 'At most 200 characters'],
      ['description', 'At most 20,000 characters'],
    ]);
  });

  it('accepts a text at the limit, and asks for an empty one', () => {
    expect(raiseFindingRequestSchema.safeParse({ ...request, description: 'y'.repeat(20_000) }).success).toBe(true);
    expect(raiseFindingRequestSchema.safeParse({ ...request, title: ' ' }).error?.issues[0]?.message).toBe('Write a title');
  });
});
