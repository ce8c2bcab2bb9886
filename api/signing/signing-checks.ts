import { decisionMeanings, emergencyDetailsProblems } from '#domain/contracts/decisions.ts';
import type { FieldProblem } from '#domain/contracts/problem.ts';
import type { PackageContent } from '#domain/contracts/package-content.ts';
import type { SigningPayload } from '#domain/contracts/signatures.ts';
import type { StoredUser } from '../store.ts';
import { emergencyStepKey } from '#domain/workflow/emergency.ts';

// What a signing payload must say before anything is verified: each problem with the JSON
// Pointer of its field, so the sign dialog shows it next to that field.

export function payloadProblems(payload: SigningPayload, packageId: string, user: StoredUser, content: PackageContent | null): FieldProblem[] {
  const out: FieldProblem[] = [];
  const at = (pointer: string, message: string) => out.push({ pointer: `/payload${pointer}`, message });
  if (payload.packageId !== packageId) at('/packageId', `This payload was made for package ${payload.packageId}, not ${packageId}`);
  if (payload.signer.id !== user.id) at('/signer/id', 'You can only sign as yourself');
  if (payload.signer.displayName !== user.displayName || payload.signer.title !== user.title) at('/signer', 'The printed name and title must be your own, as recorded in your account');
  if (payload.meaning !== decisionMeanings[payload.decision]) at('/meaning', `The meaning of "${payload.decision}" is "${decisionMeanings[payload.decision]}"`);
  const emergency = payload.decision === 'emergency_approve';
  const needsReason = payload.decision !== 'approve' && !emergency;
  if (needsReason && payload.reason.trim() === '') at('/reason', 'Give the reason for this decision');
  if (emergency) emergencyPayloadProblems(payload, at);
  else if (payload.emergency) at('/emergency', 'Only an emergency approval carries a justification and an incident reference');
  if (payload.decision === 'approve_with_conditions' && !payload.conditions) at('/conditions', 'State the conditions of the approval');
  if (payload.decision !== 'approve_with_conditions' && payload.conditions) at('/conditions', 'Only an approval with conditions has conditions');
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

export const maxSigningFailures = 5;
export const signingLockMs = 15 * 60_000;

type Attempt = { at: string; ok: boolean };

/** Failed re-authentications since the last successful one, oldest first. */
function failuresSinceSuccess(attempts: readonly Attempt[]): Attempt[] {
  const lastSuccess = attempts.map((a) => a.ok).lastIndexOf(true);
  return attempts.slice(lastSuccess + 1);
}

/**
 * When signing is locked until, or null: five failed re-authentications since the last
 * success lock it for fifteen minutes from the fifth.
 */
export function signingLockedUntil(attempts: readonly Attempt[], now: Date): Date | null {
  const fifth = failuresSinceSuccess(attempts)[maxSigningFailures - 1];
  if (!fifth) return null;
  const until = new Date(Date.parse(fifth.at) + signingLockMs);
  return until > now ? until : null;
}

/** Failures left before the lock, counted like signingLockedUntil. */
export function attemptsLeft(attempts: readonly Attempt[]): number {
  return Math.max(0, maxSigningFailures - failuresSinceSuccess(attempts).length);
}
