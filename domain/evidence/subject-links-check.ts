// A record carries only its package's audit entries, each proven to be in the signed tree; that
// alone does not show it carries all of them. Entries written since docs/decisions/0180 name the
// previous entry about the same subject (subjectPrev, covered by their hash), so the carried
// entries must form one unbroken back-linked chain: an entry left out between two carried ones
// (or before the first linked one) shows here, from the record alone. Entries left out after
// the last carried one do not: only the log shows those (log-completeness-check.ts).
import { genesisHash } from '../audit/hash-entry.ts';
import type { AuditEntryView } from '../contracts/audit.ts';
import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import { fail, pass, short } from './check.ts';

const label = 'Audit entries about the package (subject links)';

export function subjectLinksCheck(record: ApprovalRecord): RecordCheck {
  const entries = record.audit.entries;
  const problems: string[] = [];
  let firstLinked: AuditEntryView | null = null;
  for (const [index, entry] of entries.entries()) {
    const before = entries[index - 1];
    if (entry.subjectPrev === undefined) {
      // The server links every entry it writes since 0180: an unlinked one after a linked one was not written so.
      if (firstLinked !== null) problems.push(`/audit/entries/${index} (#${entry.seq}) has no subjectPrev, yet it comes after #${firstLinked.seq}, which has one: every entry written since subject links existed has one`);
      continue;
    }
    firstLinked ??= entry;
    const expected = before?.entryHash ?? genesisHash;
    if (entry.subjectPrev === expected) continue;
    problems.push(
      before === undefined
        ? `/audit/entries/${index} (#${entry.seq}) links to an earlier entry about ${entry.subject} (${short(entry.subjectPrev)}), but it is the first the record carries: the entries before it were left out`
        : entry.subjectPrev === genesisHash
          ? `/audit/entries/${index} (#${entry.seq}) says it is the first entry about ${entry.subject}, yet the record carries #${before.seq} before it`
          : `/audit/entries/${index} (#${entry.seq}) links to ${short(entry.subjectPrev)} as the previous entry about ${entry.subject}, not to #${before.seq} (${short(before.entryHash)}), the entry before it in the record: entries about the package between them were left out`,
    );
  }
  if (problems.length > 0) return fail(label, `${problems.join('; ')}.`);
  if (firstLinked === null) {
    return pass(label, `None of the ${entries.length} entries carries a subject link (all were written before links existed): whether entries were left out shows only against the log (npm run verify -- --log).`);
  }
  const unlinked = entries.indexOf(firstLinked);
  const from = unlinked === 0 ? 'from the package’s first entry' : `from #${firstLinked.seq}, which links to #${entries[unlinked - 1]?.seq ?? '?'} (the ${unlinked} entries before it were written before links existed)`;
  return pass(label, `Each of the ${entries.length - unlinked} linked entries names the entry before it in the record ${from}: none was left out between them. Entries after #${entries.at(-1)?.seq ?? '?'} show only against the log (npm run verify -- --log).`);
}
