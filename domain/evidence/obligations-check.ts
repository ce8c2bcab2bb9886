import { z } from 'zod';
import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import { obligationStatusSchema } from '../contracts/obligations.ts';
import { fail, pass } from './check.ts';

// The conditions signed as obligations (docs/decisions/0111) and their history in the record's
// audit entries: each signed obligation must have been opened in the log with what was signed
// (owner, due date, scope), no obligation may be opened in the log that no signature states,
// and where each stands at export is where its logged moves lead.

const label = 'Obligations and their history';

const opened = z.object({ obligation: z.string(), decision: z.string(), position: z.number(), owner: z.string(), dueOn: z.string(), scope: z.unknown().optional() });
const moved = z.object({ obligation: z.string(), status: obligationStatusSchema });

const sameScope = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The check, or null for a record whose decisions signed no obligations and whose log opened none. */
export function obligationsCheck(record: ApprovalRecord): RecordCheck | null {
  const openedByPlace = new Map<string, z.infer<typeof opened>>();
  const status = new Map<string, string>();
  for (const entry of record.audit.entries) {
    if (entry.action === 'obligation.opened') {
      const o = opened.safeParse(entry.after);
      if (!o.success) return fail(label, `Audit entry ${entry.seq} opens an obligation without saying which.`);
      const place = `${o.data.decision}#${o.data.position}`;
      if (openedByPlace.has(place) || status.has(o.data.obligation)) return fail(label, `Audit entry ${entry.seq} opens obligation ${o.data.position} of decision ${o.data.decision} a second time.`);
      openedByPlace.set(`${o.data.decision}#${o.data.position}`, o.data);
      status.set(o.data.obligation, 'open');
    } else if (entry.action === 'obligation.transitioned' || entry.action === 'obligation.lapsed') {
      const m = moved.safeParse(entry.after);
      if (!m.success || !status.has(m.data.obligation)) return fail(label, `Audit entry ${entry.seq} moves an obligation the log never opened, or to no status an obligation has.`);
      // Only the server's sweep lapses an obligation; a person's move never does.
      if ((entry.action === 'obligation.lapsed') !== (m.data.status === 'lapsed') || (entry.action === 'obligation.lapsed' && entry.actorId !== null)) return fail(label, `Audit entry ${entry.seq} lapses an obligation otherwise than the sweep does.`);
      status.set(m.data.obligation, m.data.status);
    }
  }
  const signed = record.decisions.flatMap((d, index) => (d.signature?.payload.obligations ?? []).map((o, position) => ({ decision: d.id, index, position, o })));
  if (signed.length === 0 && openedByPlace.size === 0) return null;
  for (const { decision, index, position, o } of signed) {
    const logged = openedByPlace.get(`${decision}#${position}`);
    const at = `/decisions/${index}/signature/payload/obligations/${position}`;
    if (!logged) return fail(label, `${at} was signed but never opened in /audit/entries.`);
    if (logged.owner !== o.ownerId || logged.dueOn !== o.dueOn || !sameScope(logged.scope, o.scope)) return fail(label, `${at} was opened in the log with another owner, due date or scope than the one signed.`);
    openedByPlace.delete(`${decision}#${position}`);
  }
  const stray = [...openedByPlace.values()][0];
  if (stray) return fail(label, `The log opens obligation ${stray.obligation} on decision ${stray.decision} that no signed decision of this record states.`);
  const counts = new Map<string, number>();
  for (const s of status.values()) counts.set(s, (counts.get(s) ?? 0) + 1);
  const where = [...counts].map(([s, n]) => `${n} ${s.replaceAll('_', ' ')}`).join(', ');
  return pass(label, `${signed.length} signed obligation${signed.length === 1 ? '' : 's'}, each opened in the audit log as signed; at export: ${where}.`);
}
