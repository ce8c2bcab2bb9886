import { describe, expect, it } from 'vitest';
import { parseScopeText } from './scope-text.ts';
import { conditionsLapsed, isLapsing, obligationRefusal, signedObligationProblems } from './lifecycle.ts';

describe('a scope statement as typed', () => {
  it('is none when blank, a scope when it parses', () => {
    expect(parseScopeText('  ')).toEqual({ scope: null });
    expect(parseScopeText('{"dimension":"channel","allow":["card_not_present"]}')).toEqual({ scope: { dimension: 'channel', allow: ['card_not_present'] } });
  });
  it('names what is wrong otherwise: not JSON, an unknown member, no allowed value', () => {
    const problem = (text: string) => {
      const parsed = parseScopeText(text);
      return 'problem' in parsed ? parsed.problem : null;
    };
    expect(problem('channel=cnp')).toContain('not JSON');
    expect(problem('{"dimension":"channel","alow":["x"]}')).toContain('does not parse');
    expect(problem('{"dimension":"channel","allow":[]}')).toContain('allow');
  });
});

describe('the obligation lifecycle', () => {
  const team = new Set(['usr_owner']);
  const owner = { id: 'usr_owner', roles: ['model_owner' as const], delegatedRoles: [] };
  const risk = { id: 'usr_risk', roles: ['model_risk' as const], delegatedRoles: [] };
  const privacy = { id: 'usr_privacy', roles: ['privacy' as const], delegatedRoles: [] };
  it('lets the owner team record fulfilment and the approving role confirm or send it back, nobody else', () => {
    expect(obligationRefusal({ status: 'open', role: 'model_risk' }, 'fulfilment_recorded', owner, team)).toBeNull();
    expect(obligationRefusal({ status: 'lapsed', role: 'model_risk' }, 'fulfilment_recorded', owner, team)).toBeNull();
    expect(obligationRefusal({ status: 'open', role: 'model_risk' }, 'fulfilment_recorded', risk, team)?.kind).toBe('role');
    expect(obligationRefusal({ status: 'fulfilment_recorded', role: 'model_risk' }, 'confirmed', risk, team)).toBeNull();
    expect(obligationRefusal({ status: 'fulfilment_recorded', role: 'model_risk' }, 'open', risk, team)).toBeNull();
    expect(obligationRefusal({ status: 'fulfilment_recorded', role: 'model_risk' }, 'confirmed', owner, team)?.kind).toBe('role');
    expect(obligationRefusal({ status: 'fulfilment_recorded', role: 'model_risk' }, 'confirmed', privacy, team)?.kind).toBe('role');
    expect(obligationRefusal({ status: 'fulfilment_recorded', role: 'model_risk' }, 'confirmed', { ...privacy, delegatedRoles: ['model_risk'] }, team)).toBeNull();
    expect(obligationRefusal({ status: 'confirmed', role: 'model_risk' }, 'open', risk, team)?.kind).toBe('status');
  });
  it('lapses only an open obligation past its due day', () => {
    expect(isLapsing({ status: 'open', dueOn: '2026-12-04' }, '2026-12-05')).toBe(true);
    expect(isLapsing({ status: 'open', dueOn: '2026-12-05' }, '2026-12-05')).toBe(false);
    expect(isLapsing({ status: 'fulfilment_recorded', dueOn: '2026-12-01' }, '2026-12-05')).toBe(false);
    expect(conditionsLapsed([{ status: 'confirmed', dueOn: '2026-12-01' }, { status: 'lapsed', dueOn: '2027-01-01' }], '2026-12-05')).toBe(true);
    expect(conditionsLapsed([{ status: 'open', dueOn: '2026-12-05' }], '2026-12-05')).toBe(false);
    // Past due: only a confirmed fulfilment holds the conditions; one merely recorded does not.
    expect(conditionsLapsed([{ status: 'fulfilment_recorded', dueOn: '2026-12-04' }], '2026-12-05')).toBe(true);
    expect(conditionsLapsed([{ status: 'fulfilment_recorded', dueOn: '2026-12-05' }], '2026-12-05')).toBe(false);
    expect(conditionsLapsed([{ status: 'confirmed', dueOn: '2026-12-04' }], '2026-12-05')).toBe(false);
  });
  it('refuses an owner outside the team and a due date past or beyond five years', () => {
    const base = { text: 'x', scope: null };
    expect(signedObligationProblems([{ ...base, ownerId: 'usr_owner', dueOn: '2027-01-01' }], team, '2026-12-05')).toEqual([]);
    expect(signedObligationProblems([{ ...base, ownerId: 'usr_risk', dueOn: '2026-12-04' }, { ...base, ownerId: 'usr_owner', dueOn: '2031-12-06' }], team, '2026-12-05').map((p) => p.pointer)).toEqual(['/obligations/0/ownerId', '/obligations/0/dueOn', '/obligations/1/dueOn']);
  });
});
