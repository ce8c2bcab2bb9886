import { describe, expect, it } from 'vitest';
import type { ApprovalRecord } from '../contracts/record.ts';
import { obligationsCheck } from './obligations-check.ts';

// The verifier holds the signed obligations to their history in the record's audit entries.

const scope = { dimension: 'channel', allow: ['card_not_present'] };
const signed = [
  { text: 'Card-not-present transactions only', ownerId: 'usr_owner', dueOn: '2027-03-01', scope },
  { text: 'Monthly PSI report', ownerId: 'usr_owner', dueOn: '2026-12-20', scope: null },
];
const openedEntries = () => signed.map((o, position) => ({ seq: 10 + position, actorId: 'usr_risk', action: 'obligation.opened', after: { obligation: `obl_${position}`, decision: 'dec_1', position, owner: o.ownerId, dueOn: o.dueOn, scope: o.scope } }));

function record(entries: { seq: number; action: string; after: unknown; actorId?: string | null }[], obligations: unknown[] = signed): ApprovalRecord {
  return { decisions: [{ id: 'dec_1', versionNumber: 1, signature: { payload: { obligations } } }], audit: { entries } } as unknown as ApprovalRecord;
}

describe('obligations check', () => {
  it('passes when every signed obligation was opened as signed, and says where each stands', () => {
    const confirmed = [...openedEntries(), { seq: 20, action: 'obligation.transitioned', after: { obligation: 'obl_0', status: 'fulfilment_recorded' } }, { seq: 21, action: 'obligation.transitioned', after: { obligation: 'obl_0', status: 'confirmed' } }];
    expect(obligationsCheck(record(confirmed))).toEqual({ label: 'Obligations and their history', ok: true, detail: '2 signed obligations, each opened in the audit log as signed; at export: 1 confirmed, 1 open.' });
  });

  it('has nothing to say about a record without obligations', () => {
    expect(obligationsCheck(record([], []))).toBeNull();
  });

  it('fails a signed obligation the log never opened, or opened with another due date', () => {
    const [first] = openedEntries();
    expect(obligationsCheck(record(first ? [first] : []))?.detail).toBe('/decisions/0/signature/payload/obligations/1 was signed but never opened in /audit/entries.');
    const moved = openedEntries().map((e) => (e.after.position === 1 ? { ...e, after: { ...e.after, dueOn: '2027-06-30' } } : e));
    expect(obligationsCheck(record(moved))).toMatchObject({ ok: false, detail: expect.stringContaining('another owner, due date or scope') as unknown });
  });

  it('fails an obligation opened in the log that no signature states, and a move of one never opened', () => {
    const extra = [...openedEntries(), { seq: 30, action: 'obligation.opened', after: { obligation: 'obl_x', decision: 'dec_1', position: 2, owner: 'usr_owner', dueOn: '2027-01-01', scope: null } }];
    expect(obligationsCheck(record(extra))?.ok).toBe(false);
    const ghost = [...openedEntries(), { seq: 31, action: 'obligation.transitioned', after: { obligation: 'obl_ghost', status: 'confirmed' } }];
    expect(obligationsCheck(record(ghost))?.detail).toBe('Audit entry 31 moves an obligation the log never opened, or to no status an obligation has.');
  });

  it('fails a status no obligation has, an opening logged twice, and a lapse written by a person', () => {
    const waived = [...openedEntries(), { seq: 32, action: 'obligation.transitioned', after: { obligation: 'obl_1', status: 'waived' } }];
    expect(obligationsCheck(record(waived))?.ok).toBe(false);
    const [first] = openedEntries();
    const twice = first ? [...openedEntries(), { ...first, seq: 33, after: { ...first.after, obligation: 'obl_again' } }] : [];
    expect(obligationsCheck(record(twice))?.detail).toBe('Audit entry 33 opens obligation 0 of decision dec_1 a second time.');
    const byHand = [...openedEntries(), { seq: 34, actorId: 'usr_owner', action: 'obligation.lapsed', after: { obligation: 'obl_1', status: 'lapsed' } }];
    expect(obligationsCheck(record(byHand))?.detail).toBe('Audit entry 34 lapses an obligation otherwise than the sweep does.');
    const bySweep = [...openedEntries(), { seq: 35, actorId: null, action: 'obligation.lapsed', after: { obligation: 'obl_1', status: 'lapsed' } }];
    expect(obligationsCheck(record(bySweep))?.ok).toBe(true);
  });
});
