// The record's audit part, checked without the app: the tree head's signature, every entry's
// hash recomputed from its content, one inclusion proof per entry against the signed head,
// and every version and decision of the record present in the audit entries.
import { auditEntryHashSync } from '../audit/entry-hash-sync.ts';
import { verifyInclusionProof } from '../audit/proofs.ts';
import { verifyTreeHeadSignature } from '../audit/tree-head.ts';
import type { AuditEntryView } from '../contracts/audit.ts';
import type { ApprovalRecord, RecordCheck } from '../contracts/record.ts';
import { errorMessage } from '../signing/error-message.ts';
import { fail, pass, short } from './check.ts';
import { auditDifferences } from './decision-consistency.ts';
import { checkpointChecks } from './checkpoint-check.ts';
import { subjectLinksCheck } from './subject-links-check.ts';
import { threadAuditChecks } from './thread-audit-check.ts';

export async function auditChecks(record: ApprovalRecord): Promise<RecordCheck[]> {
  const { entries, proofs, treeHead } = record.audit;
  const checks: RecordCheck[] = [];

  const headLabel = 'Tree head signature';
  checks.push(
    (await verifyTreeHeadSignature(treeHead, record.serverKeys))
      ? pass(headLabel, `The log of ${treeHead.treeSize} entries with Merkle root ${short(treeHead.rootHash)} at ${treeHead.timestamp}, signed by server key ${treeHead.keyId}.`)
      : fail(headLabel, `/audit/treeHead: the signature does not verify with server key ${treeHead.keyId} of /serverKeys; this head was not signed by the server as it stands.`),
  );

  const outOfOrder = entries.findIndex((entry, index) => index > 0 && entry.seq <= (entries[index - 1]?.seq ?? 0));
  if (outOfOrder !== -1) checks.push(fail('Audit entry order', `/audit/entries/${outOfOrder} (#${entries[outOfOrder]?.seq ?? '?'}) does not come after the entry before it; entries are listed oldest first, each once.`));

  for (const [index, entry] of entries.entries()) {
    checks.push(entryCheck(record, entry, index));
    checks.push(proofCheck(record, entry, index));
  }
  checks.push(subjectLinksCheck(record));
  checks.push(...(await checkpointChecks(record)));
  checks.push(...(await threadAuditChecks(record)));
  if (proofs.length > entries.length) {
    checks.push(fail('Inclusion proofs', `/audit/proofs holds ${proofs.length} proofs for ${entries.length} entries: one per entry, in the same order.`));
  }

  for (const version of record.versions) checks.push(versionAudited(record, version.number, version.contentHash));
  for (const [index, decision] of record.decisions.entries()) {
    const label = `Audit trail of decision ${decision.id}`;
    const found = entries.find((entry) => entry.action === 'decision.signed' && member(entry.after, 'decision') === decision.id);
    const differences = found ? auditDifferences(found, decision) : [];
    checks.push(
      !found
        ? fail(label, `No decision.signed audit entry names /decisions/${index} (${decision.id}): the decision is not in the audit log the record proves.`)
        : differences.length > 0
          ? fail(label, `Audit entry #${found.seq} does not say what /decisions/${index} says: ${differences.join('; ')}.`)
          : pass(label, `Recorded as audit entry #${found.seq} (decision.signed at ${found.at}), step, role, kind, version, content hash and signer alike.`),
    );
  }
  return checks;
}

function entryCheck(record: ApprovalRecord, entry: AuditEntryView, index: number): RecordCheck {
  const label = `Audit entry #${entry.seq}`;
  let recomputed: string;
  try {
    recomputed = auditEntryHashSync(entry);
  } catch (error) {
    return fail(label, `/audit/entries/${index} has no canonical form: ${errorMessage(error)}`);
  }
  if (recomputed !== entry.entryHash) {
    return fail(label, `/audit/entries/${index} (${entry.action}) was changed: its content hashes to ${short(recomputed)}, its entryHash says ${short(entry.entryHash)}.`);
  }
  if (entry.subject !== record.package.id) return fail(label, `/audit/entries/${index} (${entry.action}) is about ${entry.subject}, not about package ${record.package.id}.`);
  return pass(label, `${entry.action} at ${entry.at}: its content hashes to its entryHash ${short(entry.entryHash)}.`);
}

function proofCheck(record: ApprovalRecord, entry: AuditEntryView, index: number): RecordCheck {
  const label = `Inclusion proof of audit entry #${entry.seq}`;
  const { treeHead } = record.audit;
  const proof = record.audit.proofs[index];
  const at = `/audit/proofs/${index}`;
  if (!proof) return fail(label, `${at} is missing: every entry needs a proof, in the same order.`);
  if (proof.seq !== entry.seq) return fail(label, `${at} is the proof of entry #${proof.seq}, not of entry #${entry.seq} (/audit/entries/${index}).`);
  if (proof.entryHash !== entry.entryHash) return fail(label, `${at} proves the hash ${short(proof.entryHash)}, but entry #${entry.seq} has ${short(entry.entryHash)}.`);
  if (proof.leafIndex !== entry.seq - 1) return fail(label, `${at} proves leaf ${proof.leafIndex}; entry #${entry.seq} is leaf ${entry.seq - 1}.`);
  if (proof.treeSize !== treeHead.treeSize) return fail(label, `${at} is for a tree of ${proof.treeSize} entries; the signed tree head has ${treeHead.treeSize}.`);
  if (!verifyInclusionProof(proof, treeHead)) {
    return fail(label, `${at} does not lead from entry #${entry.seq} to the signed root ${short(treeHead.rootHash)}: the entry is not in the log the tree head signs.`);
  }
  return pass(label, `Entry #${entry.seq} is leaf ${proof.leafIndex} of the signed tree of ${treeHead.treeSize} entries (${proof.path.length} hashes on its path).`);
}

function versionAudited(record: ApprovalRecord, number: number, contentHash: string): RecordCheck {
  const label = `Audit trail of version ${number}`;
  const found = record.audit.entries.find(
    (entry) => (entry.action === 'package.submitted' || entry.action === 'package.version_submitted') && member(entry.after, 'version') === number && member(entry.after, 'contentHash') === contentHash,
  );
  return found
    ? pass(label, `Submitted in audit entry #${found.seq} (${found.action} at ${found.at}) with content hash ${short(contentHash)}.`)
    : fail(label, `No package.submitted or package.version_submitted audit entry records version ${number} with content hash ${short(contentHash)}.`);
}

/** A member of an audit value that is an object, or undefined (before/after are unparsed JSON). */
function member(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
