import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import { canonicalize } from '../json/canonicalize.ts';
import { recordEmergencyApprovals } from './build-record.ts';
import { fail, pass } from './check.ts';

// An emergency approval is signed like any decision (its justification and incident are in
// the signed payload, so the decision's own check covers them); what the record says about
// its follow-up review is derived, so the verifier derives it again from the decisions, the
// steps and the status, and a record that claims a follow-up done when it is not fails here.

const label = 'Emergency approvals and their follow-up';

/** The check, or null for a record without any emergency approval (none claimed, none made). */
export function emergencyCheck(record: ApprovalRecord): RecordCheck | null {
  const expected = recordEmergencyApprovals(record.decisions, record.package.status, record.steps);
  const stated = record.emergencyApprovals ?? [];
  if (expected.length === 0 && stated.length === 0) return null;
  if (canonicalize(expected) !== canonicalize(stated)) {
    const says = stated.map((e) => `${e.decisionId} ${e.followUp.state}`).join(', ') || 'none';
    const derived = expected.map((e) => `${e.decisionId} ${e.followUp.state}`).join(', ') || 'none';
    return fail(label, `/emergencyApprovals says ${says}; the decisions, steps and status of the record give ${derived}.`);
  }
  const described = expected.map((e) => `${e.incidentRef}: follow-up ${e.followUp.state === 'open' ? 'open' : `${e.followUp.state} ${e.followUp.at ?? ''}`.trim()}`);
  return pass(label, `${expected.length} emergency approval${expected.length === 1 ? '' : 's'} (${described.join('; ')}), as the decisions, steps and status give.`);
}
