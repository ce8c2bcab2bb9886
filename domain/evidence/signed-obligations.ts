import type { ApprovalRecord } from '../contracts/record.ts';
import type { ObligationScope, ObligationStatus } from '../contracts/obligations.ts';
import type { ObligationStatuses } from './obligations-check.ts';

// The obligations an approval was signed with (decision record 0111), read from a verified
// record: what each says comes from the signed payload; where each stands comes from the
// statuses the verifier's obligations check replayed from the record's audit entries
// (obligations-check.ts), which it has already held to the hash chain and the log.

export interface RecordedObligation {
  text: string;
  dueOn: string;
  scope: ObligationScope | null;
  status: ObligationStatus;
}

/** The signed obligations of the decisions on `versionNumber`, with their status at export. */
export function signedObligationsOf(record: ApprovalRecord, versionNumber: number | null, statuses: ObligationStatuses): RecordedObligation[] {
  return record.decisions
    .filter((d) => d.versionNumber === versionNumber)
    .flatMap((d) => (d.signature?.payload.obligations ?? []).map((o, position) => ({ text: o.text, dueOn: o.dueOn, scope: o.scope ?? null, status: statuses[`${d.id}#${position}`] ?? 'open' })));
}

/** Lapsed, or past its due date without a confirmed fulfilment (as the server's conditionsLapsed judges). */
export const hasLapsed = (o: RecordedObligation, today: string): boolean => o.status === 'lapsed' || (o.status !== 'confirmed' && o.dueOn < today);

/** How a lapsed obligation stands, in the gate's words. */
export const lapseWords = (o: RecordedObligation): string => (o.status === 'lapsed' ? 'lapsed' : o.status === 'fulfilment_recorded' ? 'recorded as fulfilled but not confirmed' : 'not fulfilled');
