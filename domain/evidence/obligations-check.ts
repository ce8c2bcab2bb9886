import { z } from 'zod';
import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import { obligationStatusSchema, type ObligationStatus } from '../contracts/obligations.ts';
import { canonicalize } from '../json/canonicalize.ts';
import { fail, pass } from './check.ts';

// The conditions signed as obligations (docs/decisions/0111) and their history in the record's
// audit entries: each signed obligation must have been opened in the log with what was signed
// (owner, due date, scope), no obligation may be opened in the log that no signature states,
// and where each stands at export is where its logged moves lead.

const label = 'Obligations and their history';

const opened = z.object({ obligation: z.string(), decision: z.string(), position: z.number(), owner: z.string(), dueOn: z.string(), scope: z.unknown().optional() });
const moved = z.object({ obligation: z.string(), status: obligationStatusSchema });

// By canonical form: the log keeps its states in RFC 8785 order (0160), the payload in the signer's.
const sameScope = (a: unknown, b: unknown) => canonicalize(a ?? null) === canonicalize(b ?? null);

/** Where each obligation the log opened stands at export, by its place: `<decision id>#<position in the signed payload>`. */
export type ObligationStatuses = Readonly<Record<string, ObligationStatus>>;

export interface ObligationsReplay {
  /** The check, or null for a record whose decisions signed no obligations and whose log opened none. */
  check: RecordCheck | null;
  /** Complete only when the check passed (or is null); the deployment gate reads these. */
  statuses: ObligationStatuses;
}

/** One pass over the record's audit entries: the check, and the statuses the log leads to. */
export function replayObligations(record: ApprovalRecord): ObligationsReplay {
  const openedByPlace = new Map<string, z.infer<typeof opened>>();
  const status = new Map<string, ObligationStatus>();
  const statuses: Record<string, ObligationStatus> = {};
  const placeOf = new Map<string, string>();
  const failed = (detail: string): ObligationsReplay => ({ check: fail(label, detail), statuses });
  for (const entry of record.audit.entries) {
    if (entry.action === 'obligation.opened') {
      const o = opened.safeParse(entry.after);
      if (!o.success) return failed(`Audit entry ${entry.seq} opens an obligation without saying which.`);
      const place = `${o.data.decision}#${o.data.position}`;
      if (openedByPlace.has(place) || status.has(o.data.obligation)) return failed(`Audit entry ${entry.seq} opens obligation ${o.data.position} of decision ${o.data.decision} a second time.`);
      openedByPlace.set(place, o.data);
      placeOf.set(o.data.obligation, place);
      status.set(o.data.obligation, 'open');
      statuses[place] = 'open';
    } else if (entry.action === 'obligation.transitioned' || entry.action === 'obligation.lapsed') {
      const m = moved.safeParse(entry.after);
      const place = m.success ? placeOf.get(m.data.obligation) : undefined;
      if (!m.success || place === undefined) return failed(`Audit entry ${entry.seq} moves an obligation the log never opened, or to no status an obligation has.`);
      // Only the server's sweep lapses an obligation; a person's move never does.
      if ((entry.action === 'obligation.lapsed') !== (m.data.status === 'lapsed') || (entry.action === 'obligation.lapsed' && entry.actorId !== null)) return failed(`Audit entry ${entry.seq} lapses an obligation otherwise than the sweep does.`);
      status.set(m.data.obligation, m.data.status);
      statuses[place] = m.data.status;
    }
  }
  const signed = record.decisions.flatMap((d, index) => (d.signature?.payload.obligations ?? []).map((o, position) => ({ decision: d.id, index, position, o })));
  if (signed.length === 0 && openedByPlace.size === 0) return { check: null, statuses };
  for (const { decision, index, position, o } of signed) {
    const logged = openedByPlace.get(`${decision}#${position}`);
    const at = `/decisions/${index}/signature/payload/obligations/${position}`;
    if (!logged) return failed(`${at} was signed but never opened in /audit/entries.`);
    if (logged.owner !== o.ownerId || logged.dueOn !== o.dueOn || !sameScope(logged.scope, o.scope)) return failed(`${at} was opened in the log with another owner, due date or scope than the one signed.`);
    openedByPlace.delete(`${decision}#${position}`);
  }
  const stray = [...openedByPlace.values()][0];
  if (stray) return failed(`The log opens obligation ${stray.obligation} on decision ${stray.decision} that no signed decision of this record states.`);
  const counts = new Map<string, number>();
  for (const s of status.values()) counts.set(s, (counts.get(s) ?? 0) + 1);
  const where = [...counts].map(([s, n]) => `${n} ${s.replaceAll('_', ' ')}`).join(', ');
  return { check: pass(label, `${signed.length} signed obligation${signed.length === 1 ? '' : 's'}, each opened in the audit log as signed; at export: ${where}.`), statuses };
}

/** The check alone (see replayObligations). */
export const obligationsCheck = (record: ApprovalRecord): RecordCheck | null => replayObligations(record).check;
