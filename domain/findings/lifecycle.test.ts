import { describe, expect, it } from 'vitest';
import { dueStage, futureDateProblem, isAcceptanceExpired, isOverdue, nextStatuses, transitionRefusal } from './lifecycle.ts';

const team = new Set(['usr_owner', 'usr_submitter']);
const owner = { id: 'usr_owner', roles: ['model_owner'] as const, delegatedRoles: [] };
const elena = { id: 'usr_model_risk', roles: ['model_risk'] as const, delegatedRoles: [] };
const dana = { id: 'usr_fair_lending', roles: ['fair_lending'] as const, delegatedRoles: [] };
const deputy = { id: 'usr_deputy', roles: ['fair_lending'] as const, delegatedRoles: ['model_risk'] as const };
const finding = (status: 'open' | 'remediation_proposed' | 'remediated' | 'verified' | 'risk_accepted') => ({ status, raisedRole: 'model_risk' as const });

describe('finding lifecycle', () => {
  it('moves open → remediation proposed → remediated → verified, with risk acceptance and reopening by the raising role', () => {
    expect(nextStatuses('open')).toEqual(['remediation_proposed', 'risk_accepted']);
    expect(nextStatuses('remediation_proposed')).toEqual(['remediated', 'open', 'risk_accepted']);
    expect(nextStatuses('remediated')).toEqual(['verified', 'open']);
    expect(nextStatuses('risk_accepted')).toEqual(['open']);
    expect(nextStatuses('verified')).toEqual([]);
  });

  it('lets the owner team remediate and the raising role (held or delegated) verify or accept, nobody else', () => {
    expect(transitionRefusal(finding('open'), 'remediation_proposed', owner, team)).toBeNull();
    expect(transitionRefusal(finding('open'), 'remediation_proposed', { ...owner, id: 'usr_submitter' }, team)).toBeNull();
    expect(transitionRefusal(finding('open'), 'remediation_proposed', elena, team)?.kind).toBe('role');
    expect(transitionRefusal(finding('remediated'), 'verified', elena, team)).toBeNull();
    expect(transitionRefusal(finding('remediated'), 'verified', deputy, team)).toBeNull();
    expect(transitionRefusal(finding('remediated'), 'verified', dana, team)?.message).toMatch(/model risk management reviewer/);
    expect(transitionRefusal(finding('remediated'), 'verified', owner, team)?.kind).toBe('role');
    // A member of the owner team holding the raising role still cannot close their own finding.
    expect(transitionRefusal(finding('open'), 'risk_accepted', { id: 'usr_submitter', roles: ['model_risk'], delegatedRoles: [] }, team)?.kind).toBe('role');
  });

  it('refuses a move that does not start from the current status, before asking who moves', () => {
    expect(transitionRefusal(finding('open'), 'verified', elena, team)).toEqual({ kind: 'status', message: 'A finding that is open cannot become verified and closed' });
    expect(transitionRefusal(finding('verified'), 'open', dana, team)?.kind).toBe('status');
  });

  it('takes due and expiry dates from today to five years ahead', () => {
    expect(futureDateProblem('2026-12-05', '2026-12-05', 'due date')).toBeNull();
    expect(futureDateProblem('2026-12-04', '2026-12-05', 'due date')).toBe('The due date is in the past');
    expect(futureDateProblem('2031-12-05', '2026-12-05', 'due date')).toBeNull();
    expect(futureDateProblem('2031-12-06', '2026-12-05', 'due date')).toBe('The due date is more than 5 years ahead');
  });

  it('is overdue when unresolved past its due date; an acceptance expires after its date', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-12-04' }, '2026-12-05')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-12-05' }, '2026-12-05')).toBe(false);
    expect(isOverdue({ status: 'verified', dueDate: '2026-01-01' }, '2026-12-05')).toBe(false);
    expect(isAcceptanceExpired({ status: 'risk_accepted', acceptance: { expiresOn: '2026-12-04' } }, '2026-12-05')).toBe(true);
    expect(isAcceptanceExpired({ status: 'risk_accepted', acceptance: { expiresOn: '2026-12-05' } }, '2026-12-05')).toBe(false);
  });

  it('owes the owner a reminder a week before the due date, another once overdue, none once closed', () => {
    expect(dueStage({ status: 'open', dueDate: '2026-12-13' }, '2026-12-05')).toBeNull();
    expect(dueStage({ status: 'open', dueDate: '2026-12-12' }, '2026-12-05')).toBe('due_soon');
    expect(dueStage({ status: 'remediated', dueDate: '2026-12-05' }, '2026-12-05')).toBe('due_soon');
    expect(dueStage({ status: 'remediation_proposed', dueDate: '2026-12-04' }, '2026-12-05')).toBe('overdue');
    expect(dueStage({ status: 'risk_accepted', dueDate: '2026-12-04' }, '2026-12-05')).toBeNull();
    expect(dueStage({ status: 'verified', dueDate: '2026-12-06' }, '2026-12-05')).toBeNull();
  });
});
