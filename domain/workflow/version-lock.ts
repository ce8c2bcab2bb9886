import type { Decision } from '../contracts/decisions.ts';
import type { PackageStatus } from '../contracts/packages.ts';

export interface LockFacts {
  status: PackageStatus;
  latestVersion: number;
  decisions: readonly Pick<Decision, 'versionNumber' | 'decision' | 'actor' | 'decidedAt'>[];
}

/**
 * Why a version's annotations and review marks can no longer change, or null while they can:
 * a rejected version is part of the record, as is the latest version once approved. The
 * server refuses with this sentence; the browser says it before anyone tries.
 */
export function versionLock(facts: LockFacts, versionNumber: number): string | null {
  const rejection = facts.decisions.find((d) => d.versionNumber === versionNumber && d.decision === 'reject');
  if (rejection) {
    return `Version ${versionNumber} was rejected by ${rejection.actor.displayName} on ${rejection.decidedAt.slice(0, 10)}; its annotations and review marks can no longer change.`;
  }
  if (versionNumber === facts.latestVersion && (facts.status === 'approved' || facts.status === 'approved_with_conditions')) {
    return `Version ${versionNumber} was approved; its annotations and review marks can no longer change.`;
  }
  return null;
}

/** Why no new thread may be opened on a version, or null: only the latest, undecided one. */
export function annotationLock(facts: LockFacts, versionNumber: number): string | null {
  const decided = versionLock(facts, versionNumber);
  if (decided || versionNumber >= facts.latestVersion) return decided;
  return `Version ${versionNumber} has been superseded by version ${facts.latestVersion}; annotate the latest version.`;
}

/**
 * Why the conversation of a thread (replies, edits, resolution) can no longer change, or
 * null. An unresolved thread from an earlier version is carried over to the latest, as in
 * code review tools, so every conversation follows the latest version's lock: after a
 * resubmission the reviewer can still answer, and resolve, what they raised on the rejected
 * version; once the latest version is decided, every conversation is part of the record.
 */
export function conversationLock(facts: LockFacts): string | null {
  return versionLock(facts, facts.latestVersion);
}
