import { describe, expect, it } from 'vitest';
import type { ApprovalRecord } from '../contracts/record.ts';
import { judgeDeployment, type GateQuestion } from './deployment-gate.ts';
import { replayObligations } from './obligations-check.ts';

// The gate's rule over signed obligations (decision record 0111): what an obligation says comes
// from the signed payload, where it stands from the record's audit entries.

const channel = { dimension: 'channel', allow: ['card_not_present'] };
const signed = [
  { text: 'Card-not-present transactions only', ownerId: 'usr_owner', dueOn: '2027-03-01', scope: channel },
  { text: 'Monthly PSI report', ownerId: 'usr_owner', dueOn: '2026-12-20', scope: null },
];

function record(moves: { position: number; action: 'obligation.transitioned' | 'obligation.lapsed'; status: string }[] = []): ApprovalRecord {
  const opened = signed.map((o, position) => ({ seq: position, actorId: 'usr_approver', action: 'obligation.opened', after: { obligation: `obl_${position}`, decision: 'dec_1', position, owner: o.ownerId, dueOn: o.dueOn, scope: o.scope } }));
  // A lapse has no actor: only the sweep lapses an obligation.
  const moved = moves.map((m, index) => ({ seq: signed.length + index, actorId: m.action === 'obligation.lapsed' ? null : 'usr_owner', action: m.action, after: { obligation: `obl_${m.position}`, status: m.status } }));
  const conditions = { scope: 'Card-not-present transactions only', reReviewOn: '2027-12-01', text: 'Card-present stays on the rules engine.' };
  return {
    package: { modelKey: 'card-fraud-detection', versionLabel: '7.3.0', status: 'approved_with_conditions', approvedVersion: 1 },
    decisions: [{ id: 'dec_1', versionNumber: 1, conditions, signature: { payload: { obligations: signed } } }],
    audit: { entries: [...opened, ...moved] },
  } as unknown as ApprovalRecord;
}

const ask = (today: string, scope: GateQuestion['scope'] = [{ key: 'channel', value: 'card_not_present' }]): GateQuestion => ({ modelKey: 'card-fraud-detection', versionLabel: '7.3.0', scope, today });
// The statuses come from the verifier's own replay of the log, as in verifyRecordText.
const judge = (r: ApprovalRecord, q: GateQuestion) => judgeDeployment('valid', { record: r, obligationStatuses: replayObligations(r).statuses }, null, q);

describe('the deployment gate over signed obligations', () => {
  it('passes within the scope statement before any obligation falls due', () => {
    expect(judge(record(), ask('2026-12-05'))).toMatchObject({ pass: true });
    // The fixture's log is one the verifier accepts, so the statuses are the replay's own.
    expect(replayObligations(record()).check?.ok).toBe(true);
  });

  it('matches a scope statement by its exact values, and fails a gate that does not name its dimension', () => {
    // "card present" is within the words of "Card-not-present transactions only"; the statement is exact.
    expect(judge(record(), ask('2026-12-05', [{ key: 'channel', value: 'present' }]))).toEqual({ pass: false, line: 'OUT OF SCOPE: channel=present is not within channel ∈ {card_not_present}' });
    expect(judge(record(), ask('2026-12-05', [{ key: 'region', value: 'card_not_present' }])).line).toMatch(/^OUT OF SCOPE: approved only for channel ∈ \{card_not_present\}; name the deployment's channel/);
  });

  it('fails a rolled-back approval (docs/decisions/0135), whatever else holds', () => {
    const rolledBack = record();
    const entries = [...rolledBack.audit.entries, { action: 'package.rolled_back', at: '2026-12-06T09:00:00.000Z', actorName: 'Robert Castellano', after: {} }];
    const withRollback = { ...rolledBack, audit: { ...rolledBack.audit, entries } } as unknown as ApprovalRecord;
    expect(judge(withRollback, ask('2026-12-07'))).toEqual({ pass: false, line: 'ROLLED BACK: the approval of card-fraud-detection 7.3.0 was withdrawn on 2026-12-06 by Robert Castellano' });
  });

  it('fails once an open obligation is past its due date, even before the sweep marks it', () => {
    expect(judge(record(), ask('2026-12-21'))).toEqual({ pass: false, line: 'CONDITIONS LAPSED: "Monthly PSI report" was due on 2026-12-20 and is not fulfilled' });
  });

  it('fails on a lapse the record’s audit entries show, and passes again once its fulfilment is confirmed', () => {
    expect(judge(record([{ position: 1, action: 'obligation.lapsed', status: 'lapsed' }]), ask('2026-12-21')).line).toBe('CONDITIONS LAPSED: "Monthly PSI report" was due on 2026-12-20 and is lapsed');
    const confirmed = record([
      { position: 1, action: 'obligation.lapsed', status: 'lapsed' },
      { position: 1, action: 'obligation.transitioned', status: 'fulfilment_recorded' },
      { position: 1, action: 'obligation.transitioned', status: 'confirmed' },
    ]);
    expect(judge(confirmed, ask('2026-12-21'))).toMatchObject({ pass: true });
    // A fulfilment only recorded holds nothing once the date has passed: the approving role has not confirmed it.
    const recorded = record([{ position: 1, action: 'obligation.transitioned', status: 'fulfilment_recorded' }]);
    expect(judge(recorded, ask('2026-12-20'))).toMatchObject({ pass: true });
    expect(judge(recorded, ask('2026-12-21')).line).toBe('CONDITIONS LAPSED: "Monthly PSI report" was due on 2026-12-20 and is recorded as fulfilled but not confirmed');
  });
});
