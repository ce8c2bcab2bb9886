// The offline verifier of an approval record, shared by `npm run verify` and the /verify page:
// it needs nothing but the file (and, to pin the signer, the server's public key). Every
// check is reported, passed or failed, and every failure is collected, not just the first,
// so one run tells the whole story of a tampered record.
import type { ApprovalRecord, RecordCheck, RecordVerdict } from '../contracts/record.ts';
import type { ServerKey } from '../contracts/signatures.ts';
import type { ApprovalOverride } from '../contracts/decisions.ts';
import { contentHash } from '../package/content-hash.ts';
import { fromBase64Url } from '../signing/base64url.ts';
import { serverKeyId } from '../signing/countersign.ts';
import { errorMessage } from '../signing/error-message.ts';
import { verifyDecisionSignature } from '../signing/verify-decision.ts';
import { auditChecks } from './audit-checks.ts';
import { emergencyCheck } from './emergency-check.ts';
import { fail, pass, short } from './check.ts';
import { readRecord } from './read-record.ts';
import { verifyRecordSignatureValue } from './record-signature.ts';

export type RecordVerification = RecordVerdict & { record: ApprovalRecord | null };

export interface VerifyRecordOptions {
  /** The server public keys the reader trusts; when given, the record must be signed by one of them. */
  trustedKeys?: readonly Pick<ServerKey, 'publicKey'>[];
}

/** Never throws: a file that cannot be checked is an invalid record with the reason. */
export async function verifyRecordText(input: string | Uint8Array, options: VerifyRecordOptions = {}): Promise<RecordVerification> {
  let record: ApprovalRecord | null = null;
  try {
    const read = readRecord(input);
    if (!read.ok) return { valid: false, demonstration: false, checks: read.checks, record: null };
    record = read.record;
    const checks = [...read.checks, ...(await recordChecks(read.raw, read.record, options))];
    const demonstration = read.record.decisions.some((decision) => decision.signature?.signature.method === 'demo');
    return { valid: checks.every((check) => check.ok), demonstration, checks, record };
  } catch (error) {
    // A safety net: each check handles what it expects, but a verifier must answer, not crash.
    return { valid: false, demonstration: false, checks: [fail('Verification', `The record could not be checked: ${errorMessage(error)}`)], record };
  }
}

async function recordChecks(raw: unknown, record: ApprovalRecord, options: VerifyRecordOptions): Promise<RecordCheck[]> {
  const checks: RecordCheck[] = [await signatureCheck(raw, record, options.trustedKeys)];
  for (const [index, key] of record.serverKeys.entries()) checks.push(await serverKeyCheck(key, index));

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

  for (const [index, decision] of record.decisions.entries()) {
    const label = `Decision ${decision.id}: ${decision.meaning} by ${decision.actor.displayName} (step ${decision.stepKey}, version ${decision.versionNumber})`;
    const verdict = await verifyDecisionSignature({
      decision,
      signature: decision.signature,
      recomputedContentHash: hashes.get(decision.versionNumber) ?? null,
      serverKeys: record.serverKeys,
      expectedOrigin: null,
      expectedRpId: null,
    });
    const reasons = [...verdict.reasons];
    if (decision.packageId !== record.package.id) reasons.push(`It is a decision on package ${decision.packageId}, not on ${record.package.id}.`);
    const method = decision.signature?.signature.method === 'passkey' ? 'passkey' : 'password re-entry';
    checks.push(
      reasons.length === 0
        ? pass(label, `Signed by ${method} on content ${short(decision.contentHash)} at ${decision.decidedAt}, countersigned with server key ${decision.signature?.countersignature.keyId ?? '?'}.${overrideNote(decision.signature?.payload.override)}`)
        : fail(label, `/decisions/${index}: ${reasons.join(' ')}`),
    );
  }

  const emergency = emergencyCheck(record);
  if (emergency) checks.push(emergency);
  checks.push(...(await auditChecks(record)));
  return checks;
}

/** An approval signed over open blockers says so, with the signed reason, wherever the record is verified. */
function overrideNote(override: ApprovalOverride | undefined): string {
  if (!override) return '';
  const n = override.blockers.length;
  return ` Approved over ${n} open question${n === 1 ? '' : 's'} (${override.blockers.map((b) => `${b.kind.replaceAll('_', ' ')} ${b.ref}`).join(', ')}), overridden with the signed reason: ${JSON.stringify(override.reason)}.`;
}

async function signatureCheck(raw: unknown, record: ApprovalRecord, trusted: VerifyRecordOptions['trustedKeys']): Promise<RecordCheck> {
  const label = 'Server signature over the record';
  const { keyId, value } = record.signature;
  const key = record.serverKeys.find((candidate) => candidate.keyId === keyId);
  if (!key) return fail(label, `/signature/keyId names server key ${keyId}, which is not in /serverKeys.`);
  if (trusted && !trusted.some((candidate) => candidate.publicKey === key.publicKey)) {
    return fail(label, `Signed with server key ${keyId} (public key ${key.publicKey}), which is not one of the ${trusted.length} trusted key${trusted.length === 1 ? '' : 's'} given.`);
  }
  if (!(await verifyRecordSignatureValue(raw, key.publicKey, value))) {
    return fail(label, `/signature/value does not verify with server key ${keyId} over the record's RFC 8785 form: the record was changed after the server signed it.`);
  }
  const trust = trusted ? 'a trusted key' : 'not compared with a key you trust (give the server’s public key to pin the signer)';
  return pass(label, `Ed25519 by server key ${keyId} (public key ${key.publicKey}), ${trust}.`);
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
