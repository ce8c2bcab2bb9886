import type { ApprovalBlocker } from '../contracts/approval-gates.ts';
import type { Actor, ApprovalOverride, DecisionKind } from '../contracts/decisions.ts';
import type { ThreadKind, ThreadStatus } from '../contracts/threads.ts';
import { findingSeverityLabels, findingStatusLabels, type FindingSeverity, type FindingStatus } from '../contracts/findings.ts';
import { hasVisibleText } from '../text/visible-text.ts';
import { defaultBlockingSeverities, isAcceptanceExpired, isUnresolved } from '../findings/lifecycle.ts';

// The approval gates: what must be settled before a version may be approved, listed as
// blockers: open clarification requests, blocking findings not yet verified, and accepted
// risks past their expiry (decision record 0074), all in the same list, so the sign dialog's checklist, the server's refusal and the
// signed override cover every gate alike. A signer may approve over blockers only by
// overriding them with a reason, inside the signed payload, naming each blocker overridden.

export interface GateThread {
  id: string;
  kind: ThreadKind;
  status: ThreadStatus;
  versionNumber: number;
  sectionKey: string;
  createdBy: Actor;
}

/** The decisions the gates stand in front of. An emergency approval has its own justification and path. */
export function isGatedDecision(decision: DecisionKind): boolean {
  return decision === 'approve' || decision === 'approve_with_conditions';
}

/**
 * What blocks an approval of `versionNumber`: every clarification request on it, or carried
 * over to it from an earlier version (an unresolved thread follows the latest version,
 * decision record 0022), that is not resolved (unanswered, or answered but not yet accepted
 * by a reviewer resolving it), oldest first. `sectionTitle` names a section for a person
 * (the key when unknown).
 */
export function approvalBlockers(threads: readonly GateThread[], versionNumber: number, sectionTitle: (key: string) => string = (key) => key): ApprovalBlocker[] {
  return threads
    .filter((t) => t.kind === 'clarification' && t.status !== 'resolved' && t.versionNumber <= versionNumber)
    .map((t) => {
      const state = t.status === 'open' ? 'unanswered' : 'answered';
      const where = sectionTitle(t.sectionKey);
      const description = `Clarification request by ${t.createdBy.displayName} on ${where}: ${state === 'unanswered' ? 'not answered yet' : 'answered, not resolved'}`;
      return { kind: 'open_clarification', ref: t.id, sectionKey: t.sectionKey, state, askedBy: t.createdBy, description };
    });
}

export interface GateFinding {
  id: string;
  title: string;
  severity: FindingSeverity;
  status: FindingStatus;
  versionNumber: number;
  sectionKey: string;
  raisedBy: Actor;
  acceptance: { expiresOn: string } | null;
}

/**
 * What findings block an approval of `versionNumber` on `today`: every finding raised on it or
 * before (findings carry over) whose severity the template names (`blockingSeverities`, by
 * default critical and high) and that is not yet verified or accepted as a risk, and every
 * accepted risk whose acceptance has expired, whatever its severity.
 */
export function findingBlockers(findings: readonly GateFinding[], versionNumber: number, today: string, blockingSeverities: readonly FindingSeverity[] = defaultBlockingSeverities, sectionTitle: (key: string) => string = (key) => key): ApprovalBlocker[] {
  const blockers: ApprovalBlocker[] = [];
  for (const f of findings) {
    if (f.versionNumber > versionNumber) continue;
    const where = sectionTitle(f.sectionKey);
    const base = { ref: f.id, sectionKey: f.sectionKey, askedBy: f.raisedBy };
    const status = f.status;
    if (isUnresolved(status) && blockingSeverities.includes(f.severity)) {
      const description = `${findingSeverityLabels[f.severity]} finding by ${f.raisedBy.displayName} on ${where}, “${f.title}”: ${findingStatusLabels[f.status].toLowerCase()}, not verified`;
      blockers.push({ kind: 'open_finding', state: status, description, ...base });
    } else if (isAcceptanceExpired(f, today)) {
      const description = `Accepted risk on ${where}, “${f.title}”: the acceptance expired on ${f.acceptance?.expiresOn ?? ''}`;
      blockers.push({ kind: 'expired_risk_acceptance', state: 'risk_expired', description, ...base });
    }
  }
  return blockers;
}

/** The override a signer signs for these blockers. */
export function overrideOf(blockers: readonly Pick<ApprovalBlocker, 'kind' | 'ref'>[], reason: string): ApprovalOverride {
  return { reason: reason.trim(), blockers: blockers.map(({ kind, ref }) => ({ kind, ref })) };
}

/** What is wrong with an override as written, by the JSON Pointer under the payload (the dialog and the server say the same). */
export function overrideProblems(decision: DecisionKind, override: ApprovalOverride | undefined): Record<string, string> {
  if (!override) return {};
  if (!isGatedDecision(decision)) return { '/override': 'Only an approval overrides what blocks it' };
  if (override.blockers.length === 0) return { '/override/blockers': 'Name the blockers you override' };
  // Invisible format characters (a zero-width space) are no reason either.
  if (!hasVisibleText(override.reason)) return { '/override/reason': 'Give the reason for approving over the open questions' };
  if (new Set(override.blockers.map((b) => `${b.kind}:${b.ref}`)).size !== override.blockers.length) return { '/override/blockers': 'Name each blocker once' };
  return {};
}

export type GateRefusal =
  /** Blockers stand and the signer did not override them. */
  | { kind: 'blocked'; blockers: ApprovalBlocker[] }
  /** The override names other blockers than stand now (one was opened, answered or resolved meanwhile). */
  | { kind: 'override_outdated'; blockers: ApprovalBlocker[]; notOverridden: ApprovalBlocker[]; noLongerBlocking: string[] };

const key = (b: { kind: string; ref: string }) => `${b.kind}:${b.ref}`;

/**
 * Why this decision may not be signed over the blockers that stand now, or null if it may: a
 * gated decision with blockers needs an override naming exactly those blockers, so the record
 * says precisely what the signer approved over.
 */
export function approvalGateRefusal(decision: DecisionKind, blockers: readonly ApprovalBlocker[], override: ApprovalOverride | undefined): GateRefusal | null {
  if (!isGatedDecision(decision)) return null;
  if (!override) return blockers.length === 0 ? null : { kind: 'blocked', blockers: [...blockers] };
  const named = new Set(override.blockers.map(key));
  const standing = new Set(blockers.map(key));
  const notOverridden = blockers.filter((b) => !named.has(key(b)));
  const noLongerBlocking = override.blockers.filter((b) => !standing.has(key(b))).map((b) => b.ref);
  if (notOverridden.length === 0 && noLongerBlocking.length === 0) return null;
  return { kind: 'override_outdated', blockers: [...blockers], notOverridden, noLongerBlocking };
}

/** The refusal as one sentence: what blocks, and how to go on. */
export function describeGateRefusal(refusal: GateRefusal): string {
  if (refusal.kind === 'blocked') {
    const n = refusal.blockers.length;
    return `${n === 1 ? 'An open question blocks' : `${n} open questions block`} this approval: ${refusal.blockers.map((b) => b.description).join('; ')}. Resolve ${n === 1 ? 'it' : 'them'} first, or override with a reason that is signed with the decision.`;
  }
  const parts = [
    ...(refusal.notOverridden.length > 0 ? [`not overridden: ${refusal.notOverridden.map((b) => b.description).join('; ')}`] : []),
    ...(refusal.noLongerBlocking.length > 0 ? [`no longer blocking: ${refusal.noLongerBlocking.join(', ')}`] : []),
  ];
  return `What blocks this approval changed since you opened the dialog (${parts.join('; ')}). Review the list and sign again.`;
}
