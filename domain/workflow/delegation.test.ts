import { describe, expect, it } from 'vitest';
import { actingCapacity, delegationCycle, delegationProblems, delegationStatus, isActiveAt, needsAcceptance, type DelegationFacts } from './delegation.ts';

const base: DelegationFacts = { id: 'd1', role: 'model_risk', delegatorId: 'elena', delegateId: 'samuel', startsAt: '2026-03-01T00:00:00.000Z', endsAt: '2026-03-10T00:00:00.000Z', revokedAt: null, createdBy: 'elena', acceptedAt: null };
const at = (iso: string) => new Date(iso);

describe('a delegation window', () => {
  it('is active from its start up to, not including, its end', () => {
    expect(isActiveAt(base, at('2026-02-28T23:59:59.000Z'))).toBe(false);
    expect(isActiveAt(base, at('2026-03-01T00:00:00.000Z'))).toBe(true);
    expect(isActiveAt(base, at('2026-03-09T23:59:59.000Z'))).toBe(true);
    expect(isActiveAt(base, at('2026-03-10T00:00:00.000Z'))).toBe(false);
  });

  it('ends at its revocation', () => {
    const revoked = { ...base, revokedAt: '2026-03-05T00:00:00.000Z' };
    expect(isActiveAt(revoked, at('2026-03-04T00:00:00.000Z'))).toBe(true);
    expect(isActiveAt(revoked, at('2026-03-05T00:00:00.000Z'))).toBe(false);
    expect(delegationStatus(revoked, at('2026-03-06T00:00:00.000Z'))).toBe('revoked');
    expect(delegationStatus(revoked, at('2026-03-04T00:00:00.000Z'))).toBe('active');
  });

  it('is scheduled before, ended after', () => {
    expect(delegationStatus(base, at('2026-02-01T00:00:00.000Z'))).toBe('scheduled');
    expect(delegationStatus(base, at('2026-04-01T00:00:00.000Z'))).toBe('ended');
  });
});

describe('a delegation an administrator made', () => {
  const made = { ...base, createdBy: 'admin' };

  it('is pending, and does not act, until the delegator accepts it', () => {
    expect(needsAcceptance(made)).toBe(true);
    expect(needsAcceptance(base)).toBe(false);
    expect(delegationStatus(made, at('2026-03-02T00:00:00.000Z'))).toBe('pending');
    expect(isActiveAt(made, at('2026-03-02T00:00:00.000Z'))).toBe(false);
    expect(actingCapacity({ id: 'samuel', roles: ['privacy'] }, 'model_risk', [made], at('2026-03-02T00:00:00.000Z'))).toBeNull();
  });

  it('acts from its acceptance on, within its window', () => {
    const accepted = { ...made, acceptedAt: '2026-03-04T00:00:00.000Z' };
    expect(isActiveAt(accepted, at('2026-03-03T00:00:00.000Z'))).toBe(false);
    expect(isActiveAt(accepted, at('2026-03-04T00:00:00.000Z'))).toBe(true);
    expect(delegationStatus(accepted, at('2026-03-05T00:00:00.000Z'))).toBe('active');
    expect(delegationStatus({ ...made, acceptedAt: '2026-02-01T00:00:00.000Z' }, at('2026-02-15T00:00:00.000Z'))).toBe('scheduled');
    expect(delegationStatus(accepted, at('2026-03-10T00:00:00.000Z'))).toBe('ended');
  });

  it('ends or is revoked whether or not it was accepted', () => {
    expect(delegationStatus(made, at('2026-03-11T00:00:00.000Z'))).toBe('ended');
    expect(delegationStatus({ ...made, revokedAt: '2026-03-02T00:00:00.000Z' }, at('2026-03-03T00:00:00.000Z'))).toBe('revoked');
  });
});

describe('acting for a role', () => {
  it('a holder acts as holder, a delegate only within the window and only for that role', () => {
    expect(actingCapacity({ id: 'elena', roles: ['model_risk'] }, 'model_risk', [base], at('2026-03-02T00:00:00.000Z'))).toEqual({ kind: 'holder' });
    expect(actingCapacity({ id: 'samuel', roles: ['privacy'] }, 'model_risk', [base], at('2026-03-02T00:00:00.000Z'))).toEqual({ kind: 'delegate', delegation: base });
    expect(actingCapacity({ id: 'samuel', roles: ['privacy'] }, 'model_risk', [base], at('2026-03-11T00:00:00.000Z'))).toBeNull();
    expect(actingCapacity({ id: 'samuel', roles: ['privacy'] }, 'fair_lending', [base], at('2026-03-02T00:00:00.000Z'))).toBeNull();
    expect(actingCapacity({ id: 'dana', roles: ['fair_lending'] }, 'model_risk', [base], at('2026-03-02T00:00:00.000Z'))).toBeNull();
  });
});

describe('delegation problems', () => {
  const now = at('2026-02-20T00:00:00.000Z');
  const draft = { role: 'model_risk' as const, delegatorId: 'elena', delegateId: 'samuel', startsAt: base.startsAt, endsAt: base.endsAt };

  it('accepts a bounded delegation to a colleague', () => {
    expect(delegationProblems(draft, [], now)).toEqual([]);
  });

  it('refuses delegating to oneself', () => {
    expect(delegationProblems({ ...draft, delegateId: 'elena' }, [], now).map((p) => p.pointer)).toContain('/delegateId');
  });

  it('refuses an end before the start, a window over 90 days and an end already past', () => {
    expect(delegationProblems({ ...draft, endsAt: draft.startsAt }, [], now)).toEqual([{ pointer: '/endsAt', message: 'The end must come after the start' }]);
    expect(delegationProblems({ ...draft, endsAt: '2026-06-01T00:00:00.000Z' }, [], now)[0]?.message).toMatch(/at most 90 days/);
    expect(delegationProblems({ ...draft, startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2026-01-02T00:00:00.000Z' }, [], now)[0]?.message).toMatch(/already past/);
  });

  it('refuses a start more than a day back, or more than a year ahead, at /startsAt', () => {
    const back = delegationProblems({ ...draft, startsAt: '2025-11-23T00:00:00.000Z', endsAt: '2026-02-21T00:00:00.000Z' }, [], now);
    expect(back).toEqual([{ pointer: '/startsAt', message: 'The start may be at most 24 hours ago; a delegation acts from when it is made' }]);
    expect(delegationProblems({ ...draft, startsAt: '2026-02-19T01:00:00.000Z', endsAt: '2026-02-25T00:00:00.000Z' }, [], now)).toEqual([]);
    expect(delegationProblems({ ...draft, startsAt: '2027-03-01T00:00:00.000Z', endsAt: '2027-03-02T00:00:00.000Z' }, [], now).map((p) => p.pointer)).toEqual(['/startsAt']);
  });

  it('refuses A→B when B→A overlaps, and longer chains back to A', () => {
    const back = { ...base, id: 'd2', delegatorId: 'samuel', delegateId: 'elena' };
    expect(delegationProblems(draft, [back], now)[0]?.message).toMatch(/circle \(elena → samuel → elena\)/);
    const chain = [
      { ...base, id: 'd2', delegatorId: 'samuel', delegateId: 'dana' },
      { ...base, id: 'd3', delegatorId: 'dana', delegateId: 'elena' },
    ];
    expect(delegationCycle(draft, chain)).toEqual(['elena', 'samuel', 'dana', 'elena']);
  });

  it('allows B→A when the windows do not overlap, for another role, or once revoked', () => {
    const later = { ...base, id: 'd2', delegatorId: 'samuel', delegateId: 'elena', startsAt: '2026-03-10T00:00:00.000Z', endsAt: '2026-03-20T00:00:00.000Z' };
    expect(delegationCycle(draft, [later])).toBeNull();
    expect(delegationCycle(draft, [{ ...later, startsAt: base.startsAt, role: 'privacy' }])).toBeNull();
    expect(delegationCycle(draft, [{ ...later, startsAt: base.startsAt, revokedAt: '2026-02-15T00:00:00.000Z' }])).toBeNull();
  });

  it('needs the whole chain to share a moment', () => {
    const chain = [
      { ...base, id: 'd2', delegatorId: 'samuel', delegateId: 'dana', endsAt: '2026-03-05T00:00:00.000Z' },
      { ...base, id: 'd3', delegatorId: 'dana', delegateId: 'elena', startsAt: '2026-03-05T00:00:00.000Z' },
    ];
    expect(delegationCycle(draft, chain)).toBeNull();
  });
});
