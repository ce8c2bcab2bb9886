import { describe, expect, it } from 'vitest';
import { defaultTemplates } from './default-templates.ts';
import { emergencyStepKey } from './emergency.ts';
import { delegationDutyProblems, segregationRefusal, type DecidedBy, type Decider, type PackageInFlight } from './segregation-of-duties.ts';

// The consumer-credit chain: data governance, model risk, fair lending, committee.
const credit = defaultTemplates[0];
if (credit?.key !== 'consumer-credit') throw new Error('the first default template is consumer-credit');
const relaxed = { ...credit, allowSameDeciderAcrossSteps: true };

const decided = (stepKey: string, actorId: string, delegatorId: string | null = null, decision: DecidedBy['decision'] = 'approve'): DecidedBy => ({ stepKey, versionNumber: 1, decision, actorId, delegatorId });
const decider = (stepKey: string, signerId: string, signerRoles: Decider['signerRoles'], delegatorId: string | null = null): Decider => ({ stepKey, versionNumber: 1, signerId, signerRoles, delegatorId });

describe('one person, one step of a package', () => {
  it('lets each step be decided by its own person', () => {
    expect(segregationRefusal(credit, decider('model_risk', 'elena', ['model_risk']), [decided('data_governance', 'marcus')])).toBeNull();
  });

  it('refuses the holder of two roles a second step, whatever they decided on the first', () => {
    const refusal = segregationRefusal(credit, decider('model_risk', 'marcus', ['data_governance', 'model_risk']), [decided('data_governance', 'marcus')], (id) => id.toUpperCase());
    expect(refusal).toBe('MARCUS already decided Data governance of this package (MARCUS, version 1): segregation of duties lets a person decide only one step of a package.');
    expect(segregationRefusal(credit, decider('model_risk', 'marcus', ['data_governance', 'model_risk']), [decided('data_governance', 'marcus', null, 'request_clarification')])).toMatch(/already decided Data governance/);
  });

  it('counts a delegate’s decision as the delegator’s, both ways', () => {
    // Marcus decided data governance as Dana's delegate; Dana may not decide another step.
    expect(segregationRefusal(credit, decider('fair_lending', 'dana', ['fair_lending']), [decided('data_governance', 'marcus', 'dana')])).toMatch(/^dana already decided Data governance of this package \(marcus \(for dana\), version 1\)/);
    // Nor may someone act for Elena on a step after Elena decided another one.
    expect(segregationRefusal(credit, decider('fair_lending', 'samuel', ['privacy'], 'elena'), [decided('model_risk', 'elena')])).toMatch(/^elena already decided Model risk management/);
  });

  it('counts the emergency approval as a step', () => {
    expect(segregationRefusal(credit, decider('committee', 'robert', ['committee']), [decided(emergencyStepKey, 'robert', null, 'emergency_approve')])).toMatch(/already decided the emergency approval/);
    expect(segregationRefusal(credit, decider(emergencyStepKey, 'robert', ['committee']), [decided('committee', 'robert', null, 'request_clarification')])).toMatch(/already decided AI governance committee/);
  });

  it('refuses a delegate who holds another step’s role of the chain', () => {
    expect(segregationRefusal(credit, decider('data_governance', 'elena', ['model_risk'], 'marcus'), [])).toMatch(/You hold the model risk management role of step Model risk management/);
    // Privacy is no step of the credit chain.
    expect(segregationRefusal(credit, decider('data_governance', 'samuel', ['privacy'], 'marcus'), [])).toBeNull();
  });

  it('may be relaxed by the template, explicitly', () => {
    expect(segregationRefusal(relaxed, decider('model_risk', 'marcus', ['data_governance', 'model_risk']), [decided('data_governance', 'marcus')])).toBeNull();
    expect(segregationRefusal(relaxed, decider('data_governance', 'elena', ['model_risk'], 'marcus'), [])).toBeNull();
    expect(segregationRefusal({ ...credit, allowSameDeciderAcrossSteps: false }, decider('model_risk', 'marcus', ['data_governance', 'model_risk']), [decided('data_governance', 'marcus')])).not.toBeNull();
  });
});

describe('a delegate and their delegator count as one', () => {
  it('on one step, in either order, even where the template relaxes the chain', () => {
    for (const template of [credit, relaxed]) {
      expect(segregationRefusal(template, decider('data_governance', 'marcus', ['data_governance']), [decided('data_governance', 'samuel', 'marcus')])).toMatch(/count as one approval/);
      expect(segregationRefusal(template, decider('data_governance', 'samuel', ['privacy'], 'marcus'), [decided('data_governance', 'marcus')])).toMatch(/count as one approval/);
    }
  });

  it('not against another holder of the role, nor after a clarification request', () => {
    expect(segregationRefusal(credit, decider('data_governance', 'samuel', ['privacy'], 'marcus'), [decided('data_governance', 'ines')])).toBeNull();
    expect(segregationRefusal(credit, decider('data_governance', 'marcus', ['data_governance']), [decided('data_governance', 'samuel', 'marcus', 'request_clarification')])).toBeNull();
  });
});

describe('delegating a role', () => {
  const inFlight = (openStepKeys: string[], decisions: DecidedBy[] = [], template = credit): PackageInFlight => ({ label: 'retail-credit-pd 4.3.0', template, openStepKeys, decisions });
  const elena = { id: 'elena', displayName: 'Elena Vasquez', roles: ['model_risk'] as const };
  const samuel = { id: 'samuel', displayName: 'Samuel Okafor', roles: ['privacy'] as const };

  it('is refused to someone holding another step’s role of a package still waiting for the role', () => {
    const found = delegationDutyProblems('data_governance', elena, [inFlight(['data_governance', 'model_risk'])]);
    expect(found).toHaveLength(1);
    expect(found[0]?.pointer).toBe('/delegateId');
    expect(found[0]?.message).toMatch(/^Elena Vasquez cannot act for the data governance role: .*retail-credit-pd 4\.3\.0 \(holds the model risk management role of its step Model risk management\)$/);
  });

  it('is refused to someone who decided another step of such a package', () => {
    const found = delegationDutyProblems('fair_lending', samuel, [inFlight(['fair_lending', 'committee'], [decided('data_governance', 'samuel', 'marcus')])]);
    expect(found[0]?.message).toMatch(/\(decided its step Data governance\)$/);
  });

  it('is allowed where the role’s step is done, where the template relaxes it, or to someone outside the chain', () => {
    expect(delegationDutyProblems('data_governance', elena, [inFlight(['model_risk', 'fair_lending'])])).toEqual([]);
    expect(delegationDutyProblems('data_governance', elena, [inFlight(['data_governance'], [], relaxed)])).toEqual([]);
    expect(delegationDutyProblems('data_governance', samuel, [inFlight(['data_governance'])])).toEqual([]);
  });

  it('names at most three packages', () => {
    const found = delegationDutyProblems('data_governance', elena, Array.from({ length: 5 }, () => inFlight(['data_governance'])));
    expect(found[0]?.message).toMatch(/; and 2 more$/);
  });
});
