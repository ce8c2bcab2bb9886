import { decisionMeanings, emergencyDetailsProblems, reReviewDateProblem } from '#domain/contracts/decisions.ts';
import type { FieldProblem } from '#domain/contracts/problem.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { SigningPayload } from '#domain/contracts/signatures.ts';
import type { StoredUser } from '../store/store.ts';
import { emergencyStepKey } from '#domain/workflow/emergency.ts';
import { overrideProblems } from '#domain/workflow/approval-gates.ts';
import { hasVisibleText } from '#domain/text/visible-text.ts';
import { DeniedError } from '../denials/denials.ts';
import { problems } from '../kernel/problems.ts';

// What a signing payload must say before anything is verified: each problem with the JSON
// Pointer of its field, so the sign dialog shows it next to that field.

export function payloadProblems(payload: SigningPayload, packageId: string, user: StoredUser, content: PackageContent | null, now: Date): FieldProblem[] {
  const out: FieldProblem[] = [];
  const at = (pointer: string, message: string) => out.push({ pointer: `/payload${pointer}`, message });
  if (payload.packageId !== packageId) at('/packageId', `This payload was made for package ${payload.packageId}, not ${packageId}`);
  if (payload.signer.id !== user.id) at('/signer/id', 'You can only sign as yourself');
  if (payload.signer.displayName !== user.displayName || payload.signer.title !== user.title) at('/signer', 'The printed name and title must be your own, as recorded in your account');
  if (payload.meaning !== decisionMeanings[payload.decision]) at('/meaning', `The meaning of "${payload.decision}" is "${decisionMeanings[payload.decision]}"`);
  const emergency = payload.decision === 'emergency_approve';
  const needsReason = payload.decision !== 'approve' && !emergency;
  if (needsReason && !hasVisibleText(payload.reason)) at('/reason', 'Give the reason for this decision');
  if (emergency) emergencyPayloadProblems(payload, at);
  else if (payload.emergency) at('/emergency', 'Only an emergency approval carries a justification and an incident reference');
  for (const [pointer, message] of Object.entries(overrideProblems(payload.decision, payload.override))) at(pointer, message);
  if (payload.decision === 'approve_with_conditions' && !payload.conditions) at('/conditions', 'State the conditions of the approval');
  if (payload.decision !== 'approve_with_conditions' && payload.conditions) at('/conditions', 'Only an approval with conditions has conditions');
  if (payload.decision !== 'approve_with_conditions' && payload.obligations) at('/obligations', 'Only an approval with conditions has obligations');
  const reReview = payload.conditions ? reReviewDateProblem(payload.conditions.reReviewOn, now) : null;
  if (reReview) at('/conditions/reReviewOn', reReview);
  if (payload.decision === 'reject' && payload.concerns.length === 0) at('/concerns', 'A rejection names at least one concern: the section, what is wrong, and what must change');
  if (payload.decision !== 'reject' && payload.concerns.length > 0) at('/concerns', 'Only a rejection lists concerns');
  if (content) {
    const keys = new Set(content.sections.map((section) => section.key));
    payload.concerns.forEach((concern, index) => {
      if (!keys.has(concern.sectionKey)) at(`/concerns/${index}/sectionKey`, `Version ${payload.versionNumber} has no section "${concern.sectionKey}"`);
    });
  }
  return out;
}

/**
 * The 422 for a payload's problems. One that names another signer is an attempt to sign as
 * someone else: a DeniedError, so it is audited (after the signing transaction rolled back).
 */
export function payloadRefusal(found: readonly FieldProblem[]): Error {
  const error = problems.validation([...found]);
  return found.some((p) => p.pointer.startsWith('/payload/signer')) ? new DeniedError(error, 'signing refused: the payload names another signer') : error;
}

/** An emergency approval decides no step, states its reasons as a justification, and names its incident. */
function emergencyPayloadProblems(payload: SigningPayload, at: (pointer: string, message: string) => void): void {
  if (payload.stepKey !== emergencyStepKey) at('/stepKey', `An emergency approval decides no step of the chain: its stepKey is "${emergencyStepKey}"`);
  if (payload.reason !== '') at('/reason', 'An emergency approval gives its reasons as its justification (emergency.justification): leave reason empty');
  if (!payload.emergency) {
    at('/emergency', 'An emergency approval needs a justification and an incident reference');
    return;
  }
  const problems = emergencyDetailsProblems(payload.emergency);
  if (problems.justification) at('/emergency/justification', problems.justification);
  if (problems.incidentRef) at('/emergency/incidentRef', problems.incidentRef);
}
