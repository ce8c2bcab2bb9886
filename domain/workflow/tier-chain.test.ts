import { describe, expect, it } from 'vitest';
import { defaultTemplates } from './default-templates.ts';
import { chainChange, movesChain } from './tier-chain.ts';

const template = (key: string) => {
  const found = defaultTemplates.find((t) => t.key === key);
  if (!found) throw new Error(key);
  return found;
};

describe('movesChain', () => {
  it('follows the tier either way while no one has decided', () => {
    expect(movesChain({ currentTier: 3, tier: 1, decided: false, approved: false })).toBe(true);
    expect(movesChain({ currentTier: 1, tier: 3, decided: false, approved: false })).toBe(true);
    expect(movesChain({ currentTier: 2, tier: 2, decided: false, approved: false })).toBe(false);
  });
  it('after a decision, moves to a stricter tier and never to a laxer one', () => {
    expect(movesChain({ currentTier: 3, tier: 1, decided: true, approved: false })).toBe(true);
    expect(movesChain({ currentTier: 3, tier: 2, decided: true, approved: false })).toBe(true);
    expect(movesChain({ currentTier: 1, tier: 3, decided: true, approved: false })).toBe(false);
    expect(movesChain({ currentTier: 2, tier: 4, decided: true, approved: false })).toBe(false);
  });
  it('leaves a completed chain alone', () => {
    expect(movesChain({ currentTier: 3, tier: 1, decided: true, approved: true })).toBe(false);
  });
});

describe('chainChange', () => {
  it('keeps the steps both chains have in the same role, adds the stricter chain’s others and drops the rest', () => {
    expect(chainChange(template('tier-2-3'), template('consumer-credit'))).toEqual({ kept: ['data_governance', 'model_risk'], added: ['fair_lending', 'committee'], dropped: ['security'] });
  });
  it('treats a step of the same key in another role as a new step', () => {
    const from = { steps: [{ key: 'review', role: 'privacy' as const }] };
    const to = { steps: [{ key: 'review', role: 'committee' as const }] };
    expect(chainChange(from, to)).toEqual({ kept: [], added: ['review'], dropped: ['review'] });
  });
});
