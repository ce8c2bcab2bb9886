import { z } from 'zod';
import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import { fail, pass } from './check.ts';

// What the record says of each finding (its status and revision) must be where its history
// leads, and each step of that history must be in the record's audit entries about the
// package, which their inclusion proofs tie to the signed tree head: a finding shown as
// verified whose verification nobody logged fails here.

const label = 'Findings and their history';

/** What a finding entry's `after` says (a raising has no status or revision: open, 0). */
const loggedStep = z.object({ finding: z.string(), status: z.string().default('open'), revision: z.number().default(0) });

/** The check, or null for a record without findings. */
export function findingsCheck(record: ApprovalRecord): RecordCheck | null {
  const findings = record.findings ?? [];
  if (findings.length === 0) return null;
  const logged = new Set<string>();
  for (const entry of record.audit.entries) {
    if (entry.action !== 'finding.raised' && entry.action !== 'finding.transitioned') continue;
    const step = loggedStep.safeParse(entry.after);
    if (step.success) logged.add(`${step.data.finding}:${step.data.status}:${step.data.revision}`);
  }
  for (const [index, finding] of findings.entries()) {
    const last = finding.history.at(-1);
    if (!last || last.to !== finding.status || finding.history.length !== finding.revision + 1) {
      return fail(label, `/findings/${index} (${finding.id}) is ${finding.status} at revision ${finding.revision}, but its history of ${finding.history.length} step(s) ends ${last ? `at ${last.to}` : 'nowhere'}.`);
    }
    for (const [position, event] of finding.history.entries()) {
      if (!logged.has(`${finding.id}:${event.to}:${position}`)) return fail(label, `/findings/${index}/history/${position} (${finding.id} to ${event.to}) has no audit entry in /audit/entries.`);
    }
  }
  const open = findings.filter((f) => f.status === 'open' || f.status === 'remediation_proposed' || f.status === 'remediated').length;
  return pass(label, `${findings.length} finding${findings.length === 1 ? '' : 's'} (${open} not closed), each at the end of its history, every step in the audit log.`);
}
