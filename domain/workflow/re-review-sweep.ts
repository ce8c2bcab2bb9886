import type { Decision } from '../contracts/decisions.ts';
import type { Role } from '../contracts/roles.ts';
import type { WorkflowTemplate } from '../contracts/workflow-template.ts';
import { deriveWorkflowState, type VersionFacts } from './derive-state.ts';
import type { ChainMove } from './kept-decisions.ts';

// Which approvals with conditions have reached their re-review date. Pure: the server's
// sweep (and a test, with any `now`) asks this, then records each answer once.

export interface SweepPackage {
  id: string;
  template: WorkflowTemplate;
  versions: readonly VersionFacts[];
  decisions: readonly Decision[];
  /** The chain's moves after a decision (0193); none when it never moved. */
  chainMoves?: readonly ChainMove[];
  /** Decision id to the holder a delegate signed it for (0193 amendment); read for a moved chain only. */
  delegators?: ReadonlyMap<string, string>;
}

export interface DueReReview {
  packageId: string;
  /** The approval with conditions that is due: one notice per decision, ever. */
  decisionId: string;
  stepKey: string;
  role: Role;
  versionNumber: number;
  reReviewOn: string;
}

/**
 * Every standing approval with conditions whose re-review date is today or earlier (UTC),
 * by the same rule as `deriveWorkflowState` (so a package shows "re-review due" exactly when
 * one is listed here). A stale approval is not listed: it must be given again anyway.
 * Those in `alreadyNoticed` (decision ids) are left out. Ordered by date, then package.
 */
export function dueReReviews(packages: readonly SweepPackage[], now: Date, alreadyNoticed: ReadonlySet<string> = new Set()): DueReReview[] {
  const today = now.toISOString().slice(0, 10);
  const due: DueReReview[] = [];
  for (const pkg of packages) {
    if (pkg.versions.length === 0) continue;
    const state = deriveWorkflowState(pkg.template, pkg.versions, pkg.decisions, now, pkg.chainMoves, pkg.delegators);
    for (const step of state.steps) {
      for (const approval of step.approvals) {
        if (approval.reReviewOn === null || approval.reReviewOn > today) continue;
        // The step lists approvals without their ids; the decision is the one it came from.
        const decision = pkg.decisions.find((d) => d.stepKey === step.key && d.actor.id === approval.actor.id && d.versionNumber === approval.versionNumber && d.decidedAt === approval.decidedAt);
        if (!decision || alreadyNoticed.has(decision.id)) continue;
        due.push({ packageId: pkg.id, decisionId: decision.id, stepKey: step.key, role: step.role, versionNumber: decision.versionNumber, reReviewOn: approval.reReviewOn });
      }
    }
  }
  return due.sort((a, b) => a.reReviewOn.localeCompare(b.reReviewOn) || a.packageId.localeCompare(b.packageId) || a.decisionId.localeCompare(b.decisionId));
}
