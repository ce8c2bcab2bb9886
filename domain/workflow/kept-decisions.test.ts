import { describe, expect, it } from 'vitest';
import type { Decision } from '../contracts/decisions.ts';
import { defaultTemplates } from './default-templates.ts';
import { deriveWorkflowState, type VersionFacts } from './derive-state.ts';
import { keptDecisionCounts, templateSignedUnder, type ChainMove } from './kept-decisions.ts';
import { dataGovernanceStep, modelRiskStep, testChain } from './test-chain.fixture.ts';

// A decision kept when the chain moves to a stricter template satisfies a step only if the step
// it was signed under covered every section the new step requires (docs/decisions/0193).

const lax = testChain({ key: 'lax', riskTiers: [3] });
/** The stricter chain's model risk step also answers for the limitations section. */
const strict = testChain({ key: 'strict', steps: [dataGovernanceStep, { ...modelRiskStep, sections: ['metrics', 'limitations'] }] });
const v1: VersionFacts = { number: 1, submittedAt: '2026-01-01T09:00:00.000Z', sectionDigests: { data: 'd', metrics: 'm', limitations: 'l' } };

function approval(id: string, stepKey: 'dg' | 'mrm', decidedAt: string): Decision {
  return {
    id,
    packageId: 'p',
    versionNumber: 1,
    stepKey,
    role: stepKey === 'dg' ? 'data_governance' : 'model_risk',
    decision: 'approve',
    meaning: 'Approved',
    reason: '',
    conditions: null,
    concerns: [],
    actor: { id: `u-${id}`, displayName: id, title: '' },
    contentHash: 'a'.repeat(64),
    decidedAt,
  };
}

const dg = approval('dg1', 'dg', '2026-01-02T10:00:00.000Z');
const mrm = approval('mrm1', 'mrm', '2026-01-03T10:00:00.000Z');
const move: ChainMove = { seq: 7, at: '2026-01-04T10:00:00.000Z', from: lax, decided: [dg.id, mrm.id] };
const now = new Date('2026-01-05T00:00:00Z');

describe('a decision kept under a stricter chain (0193)', () => {
  it('reopens a step whose new sections the kept decision’s step did not cover; the covered step stands', () => {
    const state = deriveWorkflowState(strict, [v1], [dg, mrm], now, [move]);
    expect(state.steps.map((s) => [s.key, s.status])).toEqual([['dg', 'approved'], ['mrm', 'active']]);
    expect(state.steps[1]).toMatchObject({ approvals: [], staleApprovals: [{ actor: { id: 'u-mrm1' } }] });
    expect(state.status).toBe('in_review');
    // Without the chain's history (the old derivation), the kept approval completed the chain.
    expect(deriveWorkflowState(strict, [v1], [dg, mrm], now).status).toBe('approved');
  });

  it('counts an approval signed after the move on the new step', () => {
    const again = approval('mrm2', 'mrm', '2026-01-04T11:00:00.000Z');
    expect(deriveWorkflowState(strict, [v1], [dg, mrm, again], now, [move]).status).toBe('approved');
  });

  it('places a decision by the ids the move lists, not by the clocks', () => {
    // Signed after the move by the entry's list, though its time is earlier (another instance's clock).
    const skewed = approval('mrm3', 'mrm', '2026-01-04T09:00:00.000Z');
    expect(templateSignedUnder(skewed, [move], strict)).toBe(strict);
    expect(keptDecisionCounts(skewed, strict.steps[1] ?? modelRiskStep, [move], strict)).toBe(true);
    // An entry written before 0193 lists none: the decision's time then places it.
    const legacy: ChainMove = { seq: 7, at: move.at, from: lax };
    expect(templateSignedUnder(skewed, [legacy], strict)).toBe(lax);
    expect(keptDecisionCounts(skewed, strict.steps[1] ?? modelRiskStep, [legacy], strict)).toBe(false);
  });

  it('judges a decision by the template it was signed under, through two moves', () => {
    const middle = testChain({ key: 'middle', steps: [dataGovernanceStep, { ...modelRiskStep, sections: ['metrics', 'limitations', 'data'] }] });
    const later = approval('mrm4', 'mrm', '2026-01-04T12:00:00.000Z');
    const second: ChainMove = { seq: 9, at: '2026-01-04T13:00:00.000Z', from: middle, decided: [dg.id, mrm.id, later.id] };
    // Signed under the middle chain, whose step covered the strict one's sections: it counts.
    expect(keptDecisionCounts(later, strict.steps[1] ?? modelRiskStep, [second, move], strict)).toBe(true);
    // Signed under the lax chain (the first move's), it does not, whatever the middle chain had.
    expect(keptDecisionCounts(mrm, strict.steps[1] ?? modelRiskStep, [second, move], strict)).toBe(false);
  });

  it('keeps the default templates as they were: each kept step covers the stricter one', () => {
    const byKey = new Map(defaultTemplates.map((t) => [t.key, t]));
    for (const [fromKey, toKey] of [['tier-2-3', 'consumer-credit'], ['tier-2-3', 'tier-1'], ['tier-4', 'tier-2-3'], ['tier-4', 'tier-1'], ['tier-4', 'consumer-credit']] as const) {
      const from = byKey.get(fromKey);
      const to = byKey.get(toKey);
      if (!from || !to) throw new Error('default templates');
      for (const step of to.steps) {
        const signed = { ...approval(`${fromKey}-${step.key}`, 'mrm', '2026-01-02T10:00:00.000Z'), stepKey: step.key, role: step.role };
        const kept = from.steps.some((s) => s.key === step.key && s.role === step.role);
        if (kept) expect(keptDecisionCounts(signed, step, [{ seq: 1, at: '2026-01-03T00:00:00.000Z', from, decided: [signed.id] }], to), `${fromKey} → ${toKey}: ${step.key}`).toBe(true);
      }
    }
  });
});
