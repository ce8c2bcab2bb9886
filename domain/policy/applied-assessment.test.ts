import { describe, expect, it } from 'vitest';
import { appliedAssessmentOf, type AssessmentTierFacts } from './applied-assessment.ts';

const method = { key: 'standard', version: 1 };
const a = (number: number, computedTier: number, opts: { proposal?: boolean; confirmed?: number } = {}): AssessmentTierFacts => ({ number, method, computedTier, effectiveTier: opts.confirmed ?? computedTier, proposal: opts.proposal ?? false });

describe('appliedAssessmentOf (0165)', () => {
  it("ignores the owner's proposals: none alone decides, and a later one does not replace a reviewer's", () => {
    expect(appliedAssessmentOf([a(1, 3, { proposal: true })])).toBeNull();
    expect(appliedAssessmentOf([a(1, 1), a(2, 4, { proposal: true })])).toEqual({ number: 1, method, tier: 1 });
  });

  it("lets a reviewer's later assessment decide, laxer or stricter", () => {
    expect(appliedAssessmentOf([a(1, 1), a(2, 4)])).toEqual({ number: 2, method, tier: 4 });
    expect(appliedAssessmentOf([a(1, 4), a(2, 1)])).toEqual({ number: 2, method, tier: 1 });
  });

  it('makes a proposal decide once an override on it is confirmed', () => {
    expect(appliedAssessmentOf([a(1, 1), a(2, 2, { proposal: true, confirmed: 3 })])).toEqual({ number: 2, method, tier: 3 });
  });

  it('carries the newest confirmed stricter override over a later laxer assessment, whoever records it', () => {
    expect(appliedAssessmentOf([a(1, 2, { proposal: true, confirmed: 1 }), a(2, 4, { proposal: true })])).toEqual({ number: 1, method, tier: 1 });
    expect(appliedAssessmentOf([a(1, 2, { proposal: true, confirmed: 1 }), a(2, 4)])).toEqual({ number: 2, method, tier: 1 });
    expect(appliedAssessmentOf([a(1, 3, { confirmed: 2 }), a(2, 1)])).toEqual({ number: 2, method, tier: 1 });
  });

  it('reads the items in number order, as listed or not', () => {
    expect(appliedAssessmentOf([a(2, 4, { proposal: true }), a(1, 1)])).toEqual({ number: 1, method, tier: 1 });
  });
});
