import { describe, expect, it } from 'vitest';
import { setTheTier, tierSettersOf, type AssessmentPeopleFacts } from './tier-setters.ts';

const method = { key: 'standard', version: 1 };
const a = (number: number, computedTier: number, assessedBy: string, opts: { proposal?: boolean; confirmed?: { tier: number; by: string } } = {}): AssessmentPeopleFacts => ({
  number,
  method,
  computedTier,
  effectiveTier: opts.confirmed?.tier ?? computedTier,
  proposal: opts.proposal ?? false,
  assessedBy,
  overrideConfirmedBy: opts.confirmed?.by ?? null,
});

describe('tierSettersOf (0174)', () => {
  it('names nobody while no assessment decides the tier', () => {
    expect(tierSettersOf([])).toEqual([]);
    expect(tierSettersOf([a(1, 4, 'owner', { proposal: true })])).toEqual([]);
  });

  it("names model risk's assessor of the applied assessment, not earlier assessors or a later proposal's owner", () => {
    expect(tierSettersOf([a(1, 1, 'elena'), a(2, 4, 'tomas')])).toEqual(['tomas']);
    expect(tierSettersOf([a(1, 4, 'elena'), a(2, 3, 'owner', { proposal: true })])).toEqual(['elena']);
  });

  it('names the confirmer of the applied assessment’s override beside its assessor', () => {
    expect(tierSettersOf([a(1, 2, 'tomas', { confirmed: { tier: 4, by: 'elena' } })])).toEqual(['tomas', 'elena']);
  });

  it('names the confirmer of a stricter override carried over a later laxer score', () => {
    expect(tierSettersOf([a(1, 3, 'tomas', { confirmed: { tier: 1, by: 'elena' } }), a(2, 4, 'tomas')])).toEqual(['tomas', 'elena']);
    // Not carried when the later score is as strict: the later assessor alone set it.
    expect(tierSettersOf([a(1, 3, 'tomas', { confirmed: { tier: 2, by: 'elena' } }), a(2, 1, 'nadia')])).toEqual(['nadia']);
  });
});

describe('setTheTier', () => {
  it('holds for the setter and for a delegate signing for them', () => {
    expect(setTheTier(['elena'], { signerId: 'elena', delegatorId: null })).toBe(true);
    expect(setTheTier(['elena'], { signerId: 'sam', delegatorId: 'elena' })).toBe(true);
    expect(setTheTier(['elena'], { signerId: 'sam', delegatorId: null })).toBe(false);
  });
});
