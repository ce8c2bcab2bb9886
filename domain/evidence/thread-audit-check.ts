// Thread texts and resubmission answers held to the audit log (issue 17, docs/decisions/0102).
// The thread entries carry each text verbatim (thread.opened, thread.message_added,
// thread.message_edited, thread.message_retracted), and a resubmission's entry carries the
// SHA-256 of its answers (`answersHash`); the log is hash-chained and Merkle-proved, so an
// operator who rewrites a text in the threads or answers table (without re-signing the log)
// makes the record disagree with its own audit entries, and one who drops a message from the
// record leaves an entry that names it.
import type { AuditEntryView } from '../contracts/audit.ts';
import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import type { Thread } from '../contracts/threads.ts';
import { canonicalSha256Hex } from '../crypto/canonical-sha256.ts';
import { fail, pass, short } from './check.ts';

type Entries = readonly AuditEntryView[];

/** Enough of a text to tell two apart in a message. */
function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** A member of an audit value that is an object, or undefined (before/after are unparsed JSON). */
function member(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** The text a message has now, by its audit entries: its first text, each edit, a retraction. */
function auditedText(entries: Entries, messageId: string, first: string): { text: string; retracted: boolean } {
  let text = first;
  let retracted = false;
  for (const entry of entries) {
    if (entry.action === 'thread.message_edited' && member(entry.before, 'message') === messageId) text = String(member(entry.after, 'body'));
    if (entry.action === 'thread.message_retracted' && member(entry.before, 'message') === messageId) retracted = true;
  }
  return { text: retracted ? '' : text, retracted };
}

function threadReasons(thread: Thread, entries: Entries): string[] {
  const opened = entries.find((entry) => entry.action === 'thread.opened' && member(entry.after, 'thread') === thread.id);
  if (!opened) return [`no thread.opened audit entry names it`];
  const reasons: string[] = [];
  for (const [index, message] of thread.messages.entries()) {
    // The opening message's first text is in thread.opened; each reply's in its thread.message_added.
    const added = index === 0 ? opened : entries.find((entry) => entry.action === 'thread.message_added' && member(entry.after, 'message') === message.id);
    const first = member(added?.after, 'body');
    if (!added || typeof first !== 'string') {
      reasons.push(`message ${message.id} has no audit entry holding its text`);
      continue;
    }
    const audited = auditedText(entries, message.id, first);
    if (audited.text !== message.body) reasons.push(`message ${message.id} reads ${quote(message.body)}, its audit entries say ${quote(audited.text)}`);
  }
  const listed = new Set(thread.messages.map((m) => m.id));
  for (const entry of entries) {
    if (entry.action !== 'thread.message_added' || member(entry.after, 'thread') !== thread.id) continue;
    const id = String(member(entry.after, 'message'));
    if (!listed.has(id)) reasons.push(`audit entry #${entry.seq} adds message ${id}, which the record leaves out`);
  }
  return reasons;
}

export async function threadAuditChecks(record: ApprovalRecord): Promise<RecordCheck[]> {
  const { entries } = record.audit;
  const checks: RecordCheck[] = [];
  for (const [index, thread] of record.threads.entries()) {
    const label = `Audit trail of thread ${thread.id}`;
    const reasons = threadReasons(thread, entries);
    checks.push(
      reasons.length === 0
        ? pass(label, `${thread.messages.length} message${thread.messages.length === 1 ? '' : 's'}, each text as its audit entries say.`)
        : fail(label, `/threads/${index}: ${reasons.join('; ')}.`),
    );
  }
  const recorded = new Set(record.threads.map((t) => t.id));
  for (const entry of entries) {
    const id = member(entry.after, 'thread');
    if (entry.action === 'thread.opened' && typeof id === 'string' && !recorded.has(id)) {
      checks.push(fail(`Audit trail of thread ${id}`, `Audit entry #${entry.seq} opens thread ${id}, which /threads leaves out.`));
    }
  }
  for (const [index, version] of record.versions.entries()) {
    const entry = entries.find((e) => e.action === 'package.version_submitted' && member(e.after, 'version') === version.number);
    const stated = member(entry?.after, 'answersHash');
    if (!entry || typeof stated !== 'string') continue;
    const label = `Answers of version ${version.number}`;
    const recomputed = await answersHash(version.answers);
    checks.push(
      recomputed === stated
        ? pass(label, `${version.answers.length} answer${version.answers.length === 1 ? '' : 's'}, hashing to ${short(stated)} as audit entry #${entry.seq} says.`)
        : fail(label, `/versions/${index}/answers hash to ${short(recomputed)}; audit entry #${entry.seq} says ${short(stated)}: the answers were changed after they were submitted.`),
    );
  }
  return checks;
}

/** Hex SHA-256 of the RFC 8785 form of a version's answers, as its package.version_submitted entry states it. */
export function answersHash(answers: unknown): Promise<string> {
  return canonicalSha256Hex(answers);
}
