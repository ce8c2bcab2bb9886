import type { ApprovalRecord } from '../contracts/record.ts';
import type { ObligationScope, ObligationStatus } from '../contracts/obligations.ts';

// The obligations an approval was signed with (decision record 0111), read from a verified
// record: what each says comes from the signed payload; where each stands comes from the
// record's audit entries (obligation.opened names the decision and the position, later
// obligation.transitioned and obligation.lapsed entries move it). The verifier has already
// held those entries to the hash chain and the log.

export interface RecordedObligation {
  text: string;
  dueOn: string;
  scope: ObligationScope | null;
  status: ObligationStatus;
}

const asRecord = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** The signed obligations of the decisions on `versionNumber`, with their status at export. */
export function signedObligationsOf(record: ApprovalRecord, versionNumber: number | null): RecordedObligation[] {
  const statusById = new Map<string, ObligationStatus>();
  const idByPlace = new Map<string, string>();
  for (const entry of record.audit.entries) {
    const after = asRecord(entry.after);
    const id = typeof after.obligation === 'string' ? after.obligation : null;
    if (!id) continue;
    if (entry.action === 'obligation.opened') {
      idByPlace.set(`${String(after.decision)}#${String(after.position)}`, id);
      statusById.set(id, 'open');
    } else if ((entry.action === 'obligation.transitioned' || entry.action === 'obligation.lapsed') && typeof after.status === 'string') {
      statusById.set(id, after.status as ObligationStatus);
    }
  }
  return record.decisions
    .filter((d) => d.versionNumber === versionNumber)
    .flatMap((d) =>
      (d.signature?.payload.obligations ?? []).map((o, position) => {
        const id = idByPlace.get(`${d.id}#${position}`);
        return { text: o.text, dueOn: o.dueOn, scope: o.scope ?? null, status: (id ? statusById.get(id) : undefined) ?? 'open' };
      }),
    );
}

/** Lapsed, or past its due date without a confirmed fulfilment (as the server's conditionsLapsed judges). */
export const hasLapsed = (o: RecordedObligation, today: string): boolean => o.status === 'lapsed' || (o.status !== 'confirmed' && o.dueOn < today);

/** How a lapsed obligation stands, in the gate's words. */
export const lapseWords = (o: RecordedObligation): string => (o.status === 'lapsed' ? 'lapsed' : o.status === 'fulfilment_recorded' ? 'recorded as fulfilled but not confirmed' : 'not fulfilled');
