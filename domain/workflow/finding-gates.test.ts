import { describe, expect, it } from 'vitest';
import { findingBlockers, type GateFinding } from './approval-gates.ts';

const elena = { id: 'usr_model_risk', displayName: 'Elena Vasquez', title: 'Head of Model Risk Management' };
const finding = (id: string, change: Partial<GateFinding> = {}): GateFinding => ({ id, title: 'Night shifts', severity: 'high', status: 'open', versionNumber: 1, sectionKey: 'evaluation', raisedBy: elena, acceptance: null, ...change });
const today = '2026-12-05';

describe('findingBlockers', () => {
  it('blocks on unverified critical and high findings of the version or before, by default', () => {
    const findings = [
      finding('f_open'),
      finding('f_proposed', { status: 'remediation_proposed', severity: 'critical' }),
      finding('f_remediated', { status: 'remediated' }),
      finding('f_verified', { status: 'verified' }),
      finding('f_medium', { severity: 'medium' }),
      finding('f_later', { versionNumber: 3 }),
      finding('f_accepted', { status: 'risk_accepted', acceptance: { expiresOn: today } }),
    ];
    expect(findingBlockers(findings, 2, today).map((b) => [b.kind, b.ref, b.state])).toEqual([
      ['open_finding', 'f_open', 'open'],
      ['open_finding', 'f_proposed', 'remediation_proposed'],
      ['open_finding', 'f_remediated', 'remediated'],
    ]);
    expect(findingBlockers([finding('f_open')], 1, today, undefined, () => 'Evaluation')[0]?.description).toBe('High finding by Elena Vasquez on Evaluation, “Night shifts”: open, not verified');
  });

  it('follows the template’s severities, and blocks on an expired acceptance of any severity', () => {
    const findings = [finding('f_high'), finding('f_medium', { severity: 'medium' }), finding('f_expired', { severity: 'low', status: 'risk_accepted', acceptance: { expiresOn: '2026-12-04' } })];
    expect(findingBlockers(findings, 1, today, ['critical', 'high', 'medium']).map((b) => b.ref)).toEqual(['f_high', 'f_medium', 'f_expired']);
    expect(findingBlockers(findings, 1, today, []).map((b) => [b.ref, b.kind, b.state])).toEqual([['f_expired', 'expired_risk_acceptance', 'risk_expired']]);
  });
});
