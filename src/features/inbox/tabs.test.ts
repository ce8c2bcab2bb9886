import { describe, expect, it } from 'vitest';
import type { PackageStatus, PackageSummary } from '#domain/contracts/packages.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { countIn, defaultTab, headlineTab, inTab, parseTab, tabsFor } from './tabs.ts';

function turnOf(status: PackageStatus, stepRole: Role | null): PackageSummary['turn'] {
  if (status === 'clarification_requested') return { party: 'owner', stepKey: 'k', reason: 'clarification_asked', unanswered: 1 };
  if (status === 'rejected') return { party: 'owner', stepKey: 'k', reason: 'rejected', unanswered: 0 };
  if (!stepRole) return { party: 'nobody', stepKey: null, reason: 'decided', unanswered: 0 };
  return { party: 'reviewer', stepKey: 'k', reason: 'step_active', unanswered: 0 };
}

function pkg(status: PackageStatus, stepRole: Role | null, openClarifications = 0): PackageSummary {
  return {
    id: `${status}-${stepRole ?? 'none'}`,
    modelKey: 'm',
    modelName: 'M',
    versionLabel: '1.0.0',
    riskTier: 2,
    businessLine: 'Retail',
    ownerTeam: 'Team',
    status,
    latestVersion: 1,
    currentStep: stepRole ? { key: 'k', name: 'Step', role: stepRole, dueAt: null, overdue: false } : null,
    turn: turnOf(status, stepRole),
    openThreads: openClarifications,
    openClarifications,
    reReviewDue: false,
    submittedAt: '2025-03-01T00:00:00.000Z',
    updatedAt: '2025-03-01T00:00:00.000Z',
  };
}

/** Someone acting in `roles`, holding them all (no delegation). */
const as = (roles: Role[], id = 'usr_me') => ({ id, roles, delegatedFrom: [] });

describe('inbox tabs', () => {
  it('puts a package under my decision only while my step is in review', () => {
    expect(inTab('awaiting', pkg('in_review', 'model_risk'), as(['model_risk']))).toBe(true);
    expect(inTab('awaiting', pkg('clarification_requested', 'model_risk'), as(['model_risk']))).toBe(false);
    expect(inTab('waiting', pkg('clarification_requested', 'model_risk'), as(['model_risk']))).toBe(true);
    expect(inTab('waiting', pkg('in_review', 'model_risk'), as(['model_risk']))).toBe(false);
    expect(inTab('waiting', pkg('in_review', 'privacy'), as(['model_risk']))).toBe(true);
    expect(inTab('waiting', pkg('approved', null), as(['model_risk']))).toBe(false);
    expect(inTab('done', pkg('rejected', null), as(['model_risk']))).toBe(true);
  });

  it('does not await the decision of whoever set the tier, who may not approve it (0174): it waits on another reviewer', () => {
    const assessed = { ...pkg('in_review', 'model_risk'), tierSetBy: ['usr_elena'] };
    expect(inTab('awaiting', assessed, as(['model_risk'], 'usr_elena'))).toBe(false);
    expect(inTab('waiting', assessed, as(['model_risk'], 'usr_elena'))).toBe(true);
    expect(inTab('awaiting', assessed, as(['model_risk'], 'usr_tomas'))).toBe(true);
    expect(inTab('waiting', assessed, as(['model_risk'], 'usr_tomas'))).toBe(false);
    expect(countIn('awaiting', [assessed], as(['model_risk'], 'usr_elena'))).toBe(0);
  });

  it("does not await a delegate acting for the tier's setter, whose signature the server refuses (0186); a holder of the role keeps it", () => {
    const assessed = { ...pkg('in_review', 'model_risk'), tierSetBy: ['usr_elena'] };
    const forElena = { id: 'usr_dana', roles: ['fair_lending', 'model_risk'], delegatedFrom: [{ role: 'model_risk', delegatorId: 'usr_elena' }] };
    expect(inTab('awaiting', assessed, forElena)).toBe(false);
    expect(inTab('waiting', assessed, forElena)).toBe(true);
    // Acting for someone who did not set the tier: awaited as before.
    const forTomas = { ...forElena, delegatedFrom: [{ role: 'model_risk', delegatorId: 'usr_tomas' }] };
    expect(inTab('awaiting', assessed, forTomas)).toBe(true);
    // A delegation of another role from the setter changes nothing on this step.
    const privacyFromElena = { id: 'usr_dana', roles: ['model_risk', 'privacy'], delegatedFrom: [{ role: 'privacy', delegatorId: 'usr_elena' }] };
    expect(inTab('awaiting', assessed, privacyFromElena)).toBe(true);
    expect(countIn('awaiting', [assessed], forElena)).toBe(0);
  });

  it('gives clarifications to model owners only', () => {
    const asked = pkg('clarification_requested', 'model_risk', 1);
    expect(inTab('clarifications', asked, as(['model_owner']))).toBe(true);
    expect(inTab('clarifications', asked, as(['model_risk']))).toBe(false);
    expect(tabsFor(['model_risk']).map((tab) => tab.id)).toEqual(['awaiting', 'waiting', 'done', 'all']);
    expect(tabsFor(['model_owner']).map((tab) => tab.id)).toContain('clarifications');
    expect(parseTab('clarifications', ['model_risk'])).toBeNull();
    expect(parseTab('done', ['model_risk'])).toBe('done');
  });

  it('opens on what asks something of the user', () => {
    const items = [pkg('in_review', 'privacy'), pkg('clarification_requested', 'model_risk', 1)];
    // The second argument is the server's count of the owner's open clarification requests.
    expect(defaultTab(['privacy'], 1)).toBe('awaiting');
    expect(defaultTab(['model_owner'], 1)).toBe('clarifications');
    expect(defaultTab(['model_owner'], 0)).toBe('waiting');
    expect(defaultTab(['admin'], 1)).toBe('waiting');
    expect(headlineTab(['admin'])).toBeNull();
    expect(countIn('awaiting', items, as(['privacy']))).toBe(1);
  });
});
