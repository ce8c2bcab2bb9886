import { describe, expect, it } from 'vitest';
import type { DecisionKind } from '../contracts/decisions.ts';
import { decisionStatement } from './attestation.ts';
import { sampleRecord } from '#tests/fixtures/sample-record.ts';

// The in-toto human-review/v0.1 `result` says what the review found: "pass" for an approval
// of any kind, "fail" for a rejection or a request for clarification (docs/decisions/0104).
// The statement is rebuilt from the decision by the verifier, so a record exported before
// says what this rule says for its decisions and still verifies.

describe('decisionStatement', () => {
  const cases: [DecisionKind, 'pass' | 'fail'][] = [
    ['approve', 'pass'],
    ['approve_with_conditions', 'pass'],
    ['emergency_approve', 'pass'],
    ['reject', 'fail'],
    ['request_clarification', 'fail'],
  ];
  it.each(cases)('a decision to %s has the result %s', async (kind, result) => {
    const { record } = await sampleRecord();
    const [decision] = record.decisions;
    if (!decision) throw new Error('the sample has a decision');
    const statement = decisionStatement(record, { ...decision, decision: kind });
    expect(statement).toMatchObject({ predicate: { result, decision: kind, timestamp: decision.decidedAt } });
  });
});
