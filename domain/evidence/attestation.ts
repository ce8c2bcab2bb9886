// The in-toto attestation of each decision (issue 17, docs/decisions/0104): a Statement v1
// whose subject is the decided version's content (name `<packageId>/versions/<n>`, digest its
// content hash) and whose predicate states the decision, in a DSSE envelope signed with the
// server's Ed25519 key, wrapped as a Sigstore bundle. The statement is derived from the record
// alone, so the verifier rebuilds it and compares bytes: a bundle that says anything else fails.
import {
  decisionPredicateType,
  inTotoPayloadType,
  inTotoStatementType,
  sigstoreBundleMediaType,
  type RecordAttestation,
  type SigstoreBundle,
} from '../contracts/attestation.ts';
import type { ApprovalRecordBody, RecordCheck } from '../contracts/record.ts';
import type { SignedDecision } from '../contracts/signatures.ts';
import { fromBase64, toBase64 } from '../audit/checkpoint.ts';
import { concatBytes, equalBytes, ownBytes } from '../crypto/bytes.ts';
import { subtleCrypto } from '../crypto/sha256.ts';
import { canonicalBytes } from '../json/canonicalize.ts';
import { fromBase64Url } from '../signing/base64url.ts';
import { errorMessage } from '../signing/error-message.ts';
import { fail, pass } from './check.ts';

const ED25519 = { name: 'Ed25519' } as const;
const passing = new Set(['approve', 'approve_with_conditions', 'emergency_approve']);

/** The statement of one decision of a record, as its attestation signs it. */
export function decisionStatement(record: Pick<ApprovalRecordBody, 'package'>, decision: SignedDecision): unknown {
  return {
    _type: inTotoStatementType,
    subject: [{ name: `${decision.packageId}/versions/${decision.versionNumber}`, digest: { sha256: decision.contentHash } }],
    predicateType: decisionPredicateType,
    predicate: {
      // in-toto human-review/v0.1: the review's result and when it was made.
      result: passing.has(decision.decision) ? 'pass' : 'fail',
      timestamp: decision.decidedAt,
      decisionId: decision.id,
      model: { key: record.package.modelKey, name: record.package.modelName, versionLabel: record.package.versionLabel },
      versionNumber: decision.versionNumber,
      step: decision.stepKey,
      role: decision.role,
      decision: decision.decision,
      meaning: decision.meaning,
      reason: decision.reason,
      conditions: decision.conditions,
      reReviewOn: decision.conditions?.reReviewOn ?? null,
      signer: decision.actor,
      onBehalfOf: decision.onBehalfOf,
      signingMethod: decision.signature?.signature.method ?? null,
      countersignature: decision.signature ? { keyId: decision.signature.countersignature.keyId, value: decision.signature.countersignature.value } : null,
    },
  };
}

/** DSSE v1 pre-authentication encoding: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in ASCII decimal bytes. */
export function dssePae(payloadType: string, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const type = new TextEncoder().encode(payloadType);
  return concatBytes(new TextEncoder().encode(`DSSEv1 ${type.length} `), type, new TextEncoder().encode(` ${payload.length} `), payload);
}

export async function attestDecision(privateKey: CryptoKey, keyId: string, record: Pick<ApprovalRecordBody, 'package'>, decision: SignedDecision): Promise<RecordAttestation> {
  const payload = canonicalBytes(decisionStatement(record, decision));
  const sig = new Uint8Array(await subtleCrypto().sign(ED25519, privateKey, dssePae(inTotoPayloadType, payload)));
  const bundle: SigstoreBundle = {
    mediaType: sigstoreBundleMediaType,
    verificationMaterial: { publicKey: { hint: keyId }, tlogEntries: [], timestampVerificationData: { rfc3161Timestamps: [] } },
    dsseEnvelope: { payload: toBase64(payload), payloadType: inTotoPayloadType, signatures: [{ sig: toBase64(sig), keyid: keyId }] },
  };
  return { decisionId: decision.id, bundle };
}

/** The record body with each decision's attestation (docs/decisions/0104), placed before `audit`. */
export async function withAttestations(privateKey: CryptoKey, keyId: string, body: ApprovalRecordBody): Promise<ApprovalRecordBody> {
  const attestations = await Promise.all(body.decisions.map((decision) => attestDecision(privateKey, keyId, body, decision)));
  const { audit, ...rest } = body;
  return { ...rest, attestations, audit };
}

async function attestationProblem(record: ApprovalRecordBody, decision: SignedDecision, attestation: RecordAttestation): Promise<string | null> {
  const { bundle } = attestation;
  const [signature] = bundle.dsseEnvelope.signatures;
  if (!signature) return 'the envelope has no signature';
  if (signature.keyid !== bundle.verificationMaterial.publicKey.hint) return `the signature names key ${signature.keyid}, the bundle ${bundle.verificationMaterial.publicKey.hint}`;
  const key = record.serverKeys.find((k) => k.keyId === signature.keyid);
  if (!key) return `it is signed by key ${signature.keyid}, which is not in /serverKeys`;
  let payload: Uint8Array;
  try {
    payload = fromBase64(bundle.dsseEnvelope.payload);
    const publicKey = await subtleCrypto().importKey('raw', fromBase64Url(key.publicKey), ED25519, false, ['verify']);
    if (!(await subtleCrypto().verify(ED25519, publicKey, fromBase64(signature.sig), ownBytes(dssePae(bundle.dsseEnvelope.payloadType, payload))))) {
      return `the DSSE signature does not verify with server key ${key.keyId}`;
    }
  } catch (error) {
    return `the envelope cannot be read: ${errorMessage(error)}`;
  }
  if (!equalBytes(payload, canonicalBytes(decisionStatement(record, decision)))) return 'its statement is not the one the decision gives (RFC 8785 form of docs/verification.md)';
  return null;
}

/** One attestation per decision, each signed by a server key and stating exactly that decision. */
export async function attestationChecks(record: ApprovalRecordBody): Promise<RecordCheck[]> {
  const { attestations } = record;
  if (!attestations) return [];
  const checks: RecordCheck[] = [];
  for (const [index, decision] of record.decisions.entries()) {
    const label = `Attestation of decision ${decision.id}`;
    const at = attestations.findIndex((a) => a.decisionId === decision.id);
    const attestation = attestations[at];
    if (!attestation) {
      checks.push(fail(label, `/attestations has no in-toto attestation of /decisions/${index}.`));
      continue;
    }
    const problem = await attestationProblem(record, decision, attestation);
    checks.push(
      problem
        ? fail(label, `/attestations/${at}: ${problem}.`)
        : pass(label, `An in-toto statement (${decisionPredicateType}) on ${decision.packageId}/versions/${decision.versionNumber}, sha256 ${decision.contentHash.slice(0, 12)}…, in a DSSE envelope signed by server key ${attestation.bundle.verificationMaterial.publicKey.hint}.`),
    );
  }
  const decided = new Set(record.decisions.map((d) => d.id));
  const stray = attestations.findIndex((a) => !decided.has(a.decisionId));
  if (stray !== -1) checks.push(fail('Attestations', `/attestations/${stray} attests decision ${attestations[stray]?.decisionId ?? '?'}, which /decisions does not hold.`));
  return checks;
}
