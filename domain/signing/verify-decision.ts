// The verdict shown wherever a decision is displayed: VALID, or INVALID with every reason
// found, written for a compliance officer rather than a cryptographer. All reasons are
// collected (not just the first) so one look tells the whole story of a tampered record.
import { decisionMeanings, type Decision } from '../contracts/decisions.ts';
import type { CountersignedRecord, DecisionSignature, DecisionVerdict, ServerKey, SignatureMaterial, SigningPayload } from '../contracts/signatures.ts';
import { canonicalize } from '../json/canonicalize.ts';
import { signingChallenge } from './challenge.ts';
import { verifyCountersignature } from './countersign.ts';
import { verifyPasskeyAssertion } from './verify-passkey.ts';
import { errorMessage } from './error-message.ts';

export type DecisionSignatureCheck = {
  decision: Decision;
  signature: DecisionSignature | null;
  /** SHA-256 of the stored version's canonical content, recomputed by the verifier; null if that version is missing. */
  recomputedContentHash: string | null;
  serverKeys: readonly ServerKey[];
  /** null: do not check (an offline verifier may not know where the app was served). */
  expectedOrigin: string | null;
  expectedRpId: string | null;
};

export async function verifyDecisionSignature(input: DecisionSignatureCheck): Promise<DecisionVerdict> {
  const { decision, signature } = input;
  if (signature === null) return verdict(decision.id, ['No electronic signature is recorded for this decision.'], false);
  const demonstration = signature.signature.method === 'demo';
  let reasons: string[];
  try {
    reasons = await findProblems(input, signature);
  } catch (error) {
    // A safety net: the checks catch what they expect, but a verifier must show a verdict, not crash.
    reasons = [`The signature could not be checked: ${errorMessage(error)}`];
  }
  // Checked like any other so a tampered demo record still shows what was changed; the
  // demonstration reason comes first because it alone decides that this is not evidence.
  return verdict(decision.id, demonstration ? [demonstrationReason, ...reasons] : reasons, demonstration);
}

export const demonstrationReason = 'Demonstration data: seeded when the demo started, not signed by anyone. It is not evidence.';

async function findProblems(input: DecisionSignatureCheck, signature: DecisionSignature): Promise<string[]> {
  const { decision } = input;
  const { payload } = signature;
  const reasons: string[] = [];

  if (input.recomputedContentHash === null) {
    reasons.push('The signed version could not be found.');
  } else if (input.recomputedContentHash !== payload.contentHash) {
    reasons.push(
      `Content changed after signing: the stored version hashes to ${shortHash(input.recomputedContentHash)}, the signature covers ${shortHash(payload.contentHash)}.`,
    );
  }

  const differing = differingFields(decision, payload);
  if (differing.length > 0) reasons.push(`The decision record differs from what was signed: ${differing.join(', ')}.`);

  const expectedMeaning = Object.hasOwn(decisionMeanings, payload.decision) ? decisionMeanings[payload.decision] : undefined;
  if (payload.meaning !== expectedMeaning) {
    reasons.push(
      `The signed meaning ${JSON.stringify(payload.meaning)} is not the meaning of the decision made (${expectedMeaning === undefined ? 'an unknown decision' : JSON.stringify(expectedMeaning)}).`,
    );
  }

  if (signature.signature.method === 'passkey') {
    const problem = await passkeyProblem(signature.signature, payload, input);
    if (problem !== null) reasons.push(`Passkey signature invalid: ${problem}`);
  }

  const { countersignature } = signature;
  const serverKey = input.serverKeys.find((key) => key.keyId === countersignature.keyId);
  if (serverKey === undefined) {
    reasons.push(`Countersigned with an unknown server key ${countersignature.keyId}.`);
  } else {
    // The record's id and time come from the decision as stored, so changing either breaks this.
    const record: CountersignedRecord = {
      type: 'model-approval-countersignature/1',
      decisionId: decision.id,
      decidedAt: decision.decidedAt,
      payload,
      signature: signature.signature,
    };
    if (!(await verifyCountersignature(serverKey.publicKey, record, countersignature))) {
      reasons.push('The server countersignature does not verify.');
    }
  }
  return reasons;
}

type PasskeyMaterial = Extract<SignatureMaterial, { method: 'passkey' }>;

async function passkeyProblem(material: PasskeyMaterial, payload: SigningPayload, input: DecisionSignatureCheck): Promise<string | null> {
  let expectedChallenge: Uint8Array;
  try {
    expectedChallenge = await signingChallenge(payload);
  } catch (error) {
    return `the signed payload has no canonical form (${errorMessage(error)}).`;
  }
  const assertion = await verifyPasskeyAssertion({
    publicKeyJwk: material.publicKeyJwk,
    authenticatorData: material.authenticatorData,
    clientDataJSON: material.clientDataJSON,
    signature: material.signature,
    expectedChallenge,
    expectedOrigin: input.expectedOrigin,
    expectedRpId: input.expectedRpId,
  });
  return assertion.ok ? null : assertion.reason;
}

// Plain names, in the order the sign dialog shows them.
const comparedFields = [
  ['package', (d: Decision) => d.packageId, (p: SigningPayload) => p.packageId],
  ['version', (d: Decision) => d.versionNumber, (p: SigningPayload) => p.versionNumber],
  ['content hash', (d: Decision) => d.contentHash, (p: SigningPayload) => p.contentHash],
  ['step', (d: Decision) => d.stepKey, (p: SigningPayload) => p.stepKey],
  ['role', (d: Decision) => d.role, (p: SigningPayload) => p.role],
  ['decision', (d: Decision) => d.decision, (p: SigningPayload) => p.decision],
  ['meaning', (d: Decision) => d.meaning, (p: SigningPayload) => p.meaning],
  ['reason', (d: Decision) => d.reason, (p: SigningPayload) => p.reason],
  ['conditions', (d: Decision) => d.conditions, (p: SigningPayload) => p.conditions],
  ['concerns', (d: Decision) => d.concerns, (p: SigningPayload) => p.concerns],
  // An emergency approval's justification and incident; absent on both for any other decision.
  ['emergency details', (d: Decision) => d.emergency ?? null, (p: SigningPayload) => p.emergency ?? null],
  // An approval's override of open blockers and its reason; absent on both for any other decision.
  ['override', (d: Decision) => d.override ?? null, (p: SigningPayload) => p.override ?? null],
  // The signer's identity; the printed name may be stored as it was then, so only the id is compared.
  ['signer', (d: Decision) => d.actor.id, (p: SigningPayload) => p.signer.id],
] as const;

function differingFields(decision: Decision, payload: SigningPayload): string[] {
  return comparedFields.filter(([, fromDecision, fromPayload]) => !sameJson(fromDecision(decision), fromPayload(payload))).map(([name]) => name);
}

// Canonical forms, so key order in conditions or concerns is not mistaken for a change.
function sameJson(a: unknown, b: unknown): boolean {
  try {
    return canonicalize(a) === canonicalize(b);
  } catch {
    return false;
  }
}

function shortHash(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}

function verdict(decisionId: string, reasons: string[], demonstration: boolean): DecisionVerdict {
  return { decisionId, valid: reasons.length === 0, demonstration, reasons };
}
