// Verdicts on packages that mix the demo's seeded decisions with decisions signed in the test:
// a seeded one must be demonstration data and nothing else wrong with it, every other one VALID.
import { expect } from 'vitest';
import type { RecordVerification } from '#domain/evidence/verify-record.ts';
import { demonstrationReason } from '#domain/signing/verify-decision.ts';

interface DecisionVerdictShape {
  valid: boolean;
  demonstration: boolean;
  reasons: string[];
}

export function expectValidOrDemonstration(verdicts: readonly DecisionVerdictShape[]): void {
  expect(verdicts.some((verdict) => verdict.valid), 'a decision signed in the test').toBe(true);
  for (const verdict of verdicts) {
    const expected = verdict.demonstration ? { valid: false, reasons: [demonstrationReason] } : { valid: true, reasons: [] };
    expect(verdict, JSON.stringify(verdict)).toMatchObject(expected);
  }
}

/** A record whose only failed checks are its seeded demo decisions, each for that reason alone. */
export function expectRecordValidBesidesDemonstration(verdict: RecordVerification): void {
  const seeded = verdict.record?.decisions.filter((decision) => decision.signature?.signature.method === 'demo') ?? [];
  const failed = verdict.checks.filter((check) => !check.ok);
  expect(failed.map((check) => check.detail.replace(/^\/decisions\/\d+: /, ''))).toEqual(seeded.map(() => demonstrationReason));
  expect(verdict.demonstration).toBe(seeded.length > 0);
  expect(verdict.valid).toBe(seeded.length === 0);
}
