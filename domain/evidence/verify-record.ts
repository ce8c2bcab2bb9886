// The offline verifier of an approval record, shared by `npm run verify` and the /verify page:
// it needs nothing but the file and, to pin the signer, the server's public key. Every
// check is reported, passed or failed, and every failure is collected, not just the first,
// so one run tells the whole story of a tampered record. A record carries its signer's key,
// so without a pinned key passing every check shows only that the file is consistent with
// itself: anyone can build and sign such a file. It is then not `valid` (see recordOutcome).
import type { SignedObligation } from '../contracts/obligations.ts';
import type { ApprovalRecord, RecordCheck, RecordVerdict } from '../contracts/record.ts';
import type { ApprovalOverride } from '../contracts/decisions.ts';
import type { ServerKey, SignedDecision } from '../contracts/signatures.ts';
import { contentHash } from '../package/content-hash.ts';
import { fromBase64Url } from '../signing/base64url.ts';
import { serverKeyId } from '../signing/countersign.ts';
import { errorMessage } from '../signing/error-message.ts';
import { verifyDecisionSignature } from '../signing/verify-decision.ts';
import { auditChecks } from './audit-checks.ts';
import { stepsCheck } from './decision-consistency.ts';
import { emergencyCheck } from './emergency-check.ts';
import { findingsCheck } from './findings-check.ts';
import { replayObligations, type ObligationStatuses, type ObligationsReplay } from './obligations-check.ts';
import { fail, pass, short } from './check.ts';
import { isPinned, keyFingerprint, type KeyPin } from './key-pin.ts';
import { readRecord } from './read-record.ts';
import { relyingPartyCheck } from './relying-party-check.ts';
import { logCompletenessChecks, type HeldTree } from './log-completeness-check.ts';
import { openCheckpoint } from '../audit/checkpoint.ts';
import { templateCheck } from './template-check.ts';
import { keptDecisionsCheck } from './kept-decisions-check.ts';
import { attestationChecks } from './attestation.ts';
import { policyResultsChecks } from './policy-results-check.ts';
import { keyHistoryChecks, pinnedThroughHistory } from './key-history-check.ts';
import { verifyRecordSignatureValue } from './record-signature.ts';
import { witnessQuorumCheck, type HeldCheckpoint, type WitnessPolicy } from '../audit/witness-policy.ts';

export type RecordVerification = RecordVerdict & {
  record: ApprovalRecord | null;
  /** Where each signed obligation stands at export, as the obligations check replayed it; with every record read. */
  obligationStatuses?: ObligationStatuses;
};

export interface VerifyRecordOptions {
  /**
   * The server public keys (or their fingerprints) the reader trusts, obtained apart from the
   * record; when given, the record must be signed by one of them. Without any, it is never valid.
   */
  trustedKeys?: readonly KeyPin[];
  /** The WebAuthn origin the reader expects the record's passkey assertions were made for. */
  expectedOrigin?: string;
  /**
   * A trust policy (docs/decisions/0120): its log key pins the server key, and the checkpoint
   * (`held`, or the record's own) must be cosigned by its witness quorum.
   */
  witnessPolicy?: { policy: WitnessPolicy; held?: HeldCheckpoint };
  /**
   * The audit log as GET /api/audit/chain exports it (NDJSON), at least the record's tree size:
   * its root must be the signed head's, and every entry about the package up to that size must
   * be in the record (docs/decisions/0180). A record alone cannot show it carries the last ones.
   */
  auditLog?: string;
}

/** The verdict every reader shows, in this order of precedence. */
export type RecordOutcome = 'valid' | 'demonstration' | 'unpinned' | 'invalid';

/** The verdict's words, the same in the terminal and in the browser. */
export const recordOutcomeHeadlines: Record<RecordOutcome, string> = {
  valid: 'VALID',
  demonstration: 'DEMONSTRATION DATA, not evidence',
  unpinned: 'CONSISTENT BUT UNPINNED, not evidence of who signed',
  invalid: 'INVALID',
};

/**
 * valid: every check passed against a pinned key. demonstration: seeded demo decisions, never
 * evidence. unpinned: every check passed, but the signer's key came from the record itself.
 */
export function recordOutcome(verdict: RecordVerdict): RecordOutcome {
  if (verdict.valid) return 'valid';
  if (verdict.demonstration) return 'demonstration';
  return verdict.checks.every((check) => check.ok) && !verdict.pinned ? 'unpinned' : 'invalid';
}

/** Never throws: a file that cannot be checked is an invalid record with the reason. */
export async function verifyRecordText(input: string | Uint8Array, options: VerifyRecordOptions = {}): Promise<RecordVerification> {
  let record: ApprovalRecord | null = null;
  try {
    const read = readRecord(input);
    if (!read.ok) return { valid: false, pinned: false, demonstration: false, checks: read.checks, record: null };
    record = read.record;
    const pins = [...(options.trustedKeys ?? []), ...(options.witnessPolicy ? [{ publicKey: options.witnessPolicy.policy.log.publicKey }] : [])];
    const trusted = pins.length ? pins : null;
    const signature = await signatureCheck(read.raw, read.record, trusted);
    const obligations = replayObligations(read.record);
    const checks = [...read.checks, signature, ...(await recordChecks(read.record, obligations))];
    if (options.expectedOrigin !== undefined) checks.push(relyingPartyCheck(read.record, options.expectedOrigin));
    if (options.witnessPolicy) checks.push(await policyCheck(read.record, options.witnessPolicy));
    if (options.auditLog !== undefined) checks.push(...logCompletenessChecks(read.record, options.auditLog, await heldTree(options.witnessPolicy)));
    const demonstration = read.record.decisions.some((decision) => decision.signature?.signature.method === 'demo');
    const pinned = trusted !== null && signature.ok;
    return { valid: pinned && checks.every((check) => check.ok), pinned, demonstration, checks, record, obligationStatuses: obligations.statuses };
  } catch (error) {
    // A safety net: each check handles what it expects, but a verifier must answer, not crash.
    return { valid: false, pinned: false, demonstration: false, checks: [fail('Verification', `The record could not be checked: ${errorMessage(error)}`)], record };
  }
}

/**
 * The later tree a held checkpoint states, signed by the policy's log key: the log export is
 * then judged up to it (0180). Whether witnesses vouch for it is the policy check's to say.
 */
async function heldTree(witnessPolicy: VerifyRecordOptions['witnessPolicy']): Promise<HeldTree | undefined> {
  if (witnessPolicy?.held === undefined) return undefined;
  try {
    const { treeSize, rootHash } = await openCheckpoint(witnessPolicy.held.checkpoint, witnessPolicy.policy.log.publicKey);
    return { treeSize, rootHash };
  } catch {
    return undefined;
  }
}

async function policyCheck(record: ApprovalRecord, { policy, held }: NonNullable<VerifyRecordOptions['witnessPolicy']>): Promise<RecordCheck> {
  const checkpoint = held?.checkpoint ?? record.audit.checkpoint;
  if (!checkpoint) return fail('Witness quorum (trust policy)', 'The record carries no checkpoint (/audit/checkpoint) and none was given.');
  return witnessQuorumCheck(policy, record.audit.treeHead, { ...held, checkpoint });
}

async function recordChecks(record: ApprovalRecord, obligations: ObligationsReplay): Promise<RecordCheck[]> {
  const checks: RecordCheck[] = [];
  for (const [index, key] of record.serverKeys.entries()) checks.push(await serverKeyCheck(key, index));
  checks.push(...(await keyHistoryChecks(record)));

  const hashes = new Map<number, string>();
  for (const [index, version] of record.versions.entries()) {
    const label = `Content hash of version ${version.number}`;
    const recomputed = await contentHash(version.content);
    hashes.set(version.number, recomputed);
    checks.push(
      recomputed === version.contentHash
        ? pass(label, `The RFC 8785 SHA-256 of /versions/${index}/content is ${version.contentHash}.`)
        : fail(label, `/versions/${index}/content was changed: it hashes to ${short(recomputed)}, /versions/${index}/contentHash says ${short(version.contentHash)}.`),
    );
  }
  checks.push(numberingCheck(record));
  checks.push(approvedVersionCheck(record));
  checks.push(stepsCheck(record));
  const template = await templateCheck(record);
  if (template) checks.push(template);
  const kept = await keptDecisionsCheck(record);
  if (kept) checks.push(kept);

  for (const [index, decision] of record.decisions.entries()) {
    const label = `Decision ${decision.id}: ${decision.meaning} by ${decision.actor.displayName} (step ${decision.stepKey}, version ${decision.versionNumber})`;
    const verdict = await verifyDecisionSignature({
      decision,
      signature: decision.signature,
      recomputedContentHash: hashes.get(decision.versionNumber) ?? null,
      serverKeys: record.serverKeys,
      // The relying party the record states: each passkey assertion must be made for it.
      expectedOrigin: record.relyingParty?.origin ?? null,
      expectedRpId: record.relyingParty?.rpId ?? null,
    });
    const reasons = [...verdict.reasons];
    if (decision.packageId !== record.package.id) reasons.push(`It is a decision on package ${decision.packageId}, not on ${record.package.id}.`);
    reasons.push(...delegationReasons(decision));
    const method = decision.signature?.signature.method === 'passkey' ? 'passkey' : 'password re-entry';
    checks.push(
      reasons.length === 0
        ? pass(label, `Signed by ${method} on content ${short(decision.contentHash)} at ${decision.decidedAt}, countersigned with server key ${decision.signature?.countersignature.keyId ?? '?'}.${overrideNote(decision.signature?.payload.override)}${obligationsNote(decision.signature?.payload.obligations)}`)
        : fail(label, `/decisions/${index}: ${reasons.join(' ')}`),
    );
  }

  const emergency = emergencyCheck(record);
  if (emergency) checks.push(emergency);
  checks.push(...(await policyResultsChecks(record)));
  const findings = findingsCheck(record);
  if (findings) checks.push(findings);
  if (obligations.check) checks.push(obligations.check);
  checks.push(...(await auditChecks(record)));
  checks.push(...(await attestationChecks(record)));
  return checks;
}

/**
 * A delegate's decision: what the signer signed about whose place they took (payload
 * onBehalfOf, docs/decisions/0082) must be what the record says. A payload signed before
 * 0082 carries none; the record's statement then rests on the server's signatures alone.
 */
function delegationReasons(decision: SignedDecision): string[] {
  const signed = decision.signature?.payload.onBehalfOf;
  const stated = decision.onBehalfOf;
  if (!signed) return [];
  if (!stated) return [`The signer signed as delegate under delegation ${signed.delegationId} of ${signed.delegator.displayName}, but the record says they decided in their own right.`];
  if (signed.delegationId !== stated.delegationId || signed.delegator.id !== stated.delegator.id) {
    return [`The record says on behalf of ${stated.delegator.displayName} (delegation ${stated.delegationId}); the signer signed on behalf of ${signed.delegator.displayName} (delegation ${signed.delegationId}).`];
  }
  return [];
}

/** An approval signed over open blockers says so, with the signed reason, wherever the record is verified. */
/** The conditions signed as obligations (docs/decisions/0111): covered by the signature like every other payload member. */
function obligationsNote(obligations: readonly SignedObligation[] | undefined): string {
  if (!obligations || obligations.length === 0) return '';
  const scoped = obligations.filter((o) => o.scope !== null).map((o) => `${o.scope?.dimension ?? ''} ∈ {${o.scope?.allow.join(', ') ?? ''}}`);
  return ` Signed with ${obligations.length} obligation${obligations.length === 1 ? '' : 's'} (due ${obligations.map((o) => o.dueOn).join(', ')}${scoped.length > 0 ? `; scope ${scoped.join('; ')}` : ''}).`;
}

function overrideNote(override: ApprovalOverride | undefined): string {
  if (!override) return '';
  const n = override.blockers.length;
  return ` Approved over ${n} open question${n === 1 ? '' : 's'} (${override.blockers.map((b) => `${b.kind.replaceAll('_', ' ')} ${b.ref}`).join(', ')}), overridden with the signed reason: ${JSON.stringify(override.reason)}.`;
}

async function signatureCheck(raw: unknown, record: ApprovalRecord, trusted: readonly KeyPin[] | null): Promise<RecordCheck> {
  const label = 'Server signature over the record';
  const { keyId, value } = record.signature;
  const key = record.serverKeys.find((candidate) => candidate.keyId === keyId);
  if (!key) return fail(label, `/signature/keyId names server key ${keyId}, which is not in /serverKeys.`);
  let fingerprint: string;
  try {
    fingerprint = await keyFingerprint(key.publicKey);
  } catch (error) {
    return fail(label, `Server key ${keyId} is not a key: ${errorMessage(error)}`);
  }
  const signer = `server key ${keyId} (public key ${key.publicKey}, fingerprint ${fingerprint})`;
  // Pinned directly, or through the signed key history: a pinned older key announced this one.
  const through = trusted && !(await isPinned(key.publicKey, trusted)) ? await pinnedThroughHistory(record, key.publicKey, trusted) : null;
  if (trusted && !(await isPinned(key.publicKey, trusted)) && !through) {
    return fail(label, `Signed with ${signer}, which is not one of the ${trusted.length} trusted key${trusted.length === 1 ? '' : 's'} given, nor linked to one by the record's signed key history.`);
  }
  if (!(await verifyRecordSignatureValue(raw, key.publicKey, value))) {
    return fail(label, `/signature/value does not verify with server key ${keyId} over the record's RFC 8785 form: the record was changed after the server signed it.`);
  }
  const trust = through ? `trusted through the signed key history from the pinned key ${through.keyId}` : trusted ? 'a trusted key' : 'NOT PINNED: the key comes from the record itself (give the server’s public key or its fingerprint, obtained apart from the record)';
  return pass(label, `Ed25519 by ${signer}, ${trust}.`);
}

/** A key id is derived from its key, so one id can never name two keys. */
async function serverKeyCheck(key: ServerKey, index: number): Promise<RecordCheck> {
  const label = `Server key ${key.keyId}`;
  let derived: string;
  try {
    derived = await serverKeyId(fromBase64Url(key.publicKey));
  } catch (error) {
    return fail(label, `/serverKeys/${index}/publicKey is not a key: ${errorMessage(error)}`);
  }
  return derived === key.keyId
    ? pass(label, `Ed25519 public key ${key.publicKey}, published ${key.createdAt}; its id is derived from the key.`)
    : fail(label, `/serverKeys/${index}: the key's id would be ${derived}, not ${key.keyId}.`);
}

function numberingCheck(record: ApprovalRecord): RecordCheck {
  const label = 'Version history';
  const wrong = record.versions.findIndex((version, index) => version.number !== index + 1);
  return wrong === -1
    ? pass(label, `${record.versions.length} version${record.versions.length === 1 ? '' : 's'}, numbered from 1 with none missing.`)
    : fail(label, `/versions/${wrong} is version ${record.versions[wrong]?.number ?? '?'}; versions are listed from 1 with none missing.`);
}

function approvedVersionCheck(record: ApprovalRecord): RecordCheck {
  const label = 'Approved version';
  const { approvedVersion, status } = record.package;
  const latest = record.versions.at(-1)?.number ?? 0;
  const approved = status === 'approved' || status === 'approved_with_conditions';
  if (approved && approvedVersion !== latest) return fail(label, `/package/approvedVersion is ${String(approvedVersion)}, but the package is ${status} at version ${latest}.`);
  if (!approved && approvedVersion !== null) return fail(label, `/package/approvedVersion is ${approvedVersion}, but the package is ${status}, not approved.`);
  return approved ? pass(label, `Version ${latest} is ${status.replaceAll('_', ' ')}.`) : pass(label, `None: the package is ${status.replaceAll('_', ' ')}.`);
}
