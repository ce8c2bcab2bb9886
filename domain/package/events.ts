import type { DecisionKind } from '../contracts/decisions.ts';
import type { PackageStatus } from '../contracts/packages.ts';
import type { PackageEvent, PackageEventData } from '../contracts/package-events.ts';

// Which package events a decision or submission emits. Pure: the handlers call these inside
// their transactions and publish the result (api/events/).

/** A decision's events: each approval approves its step; the last one approves the package; a rejection rejects it. */
export function decisionEvents(decision: DecisionKind, statusAfter: PackageStatus, data: PackageEventData): PackageEvent[] {
  if (decision === 'reject') return [{ type: 'package.rejected', data }];
  // An emergency approval approves no step: deployable now, with the chain as its follow-up.
  if (decision === 'emergency_approve') return [{ type: 'package.emergency_approved', data }];
  if (decision !== 'approve' && decision !== 'approve_with_conditions') return [];
  const events: PackageEvent[] = [{ type: 'step.approved', data }];
  if (statusAfter === 'approved' || statusAfter === 'approved_with_conditions') events.push({ type: 'package.approved', data });
  return events;
}

export function submissionEvent(data: Omit<PackageEventData, 'step' | 'decision'>): PackageEvent {
  return { type: 'package.submitted', data: { ...data, step: null, decision: null } };
}
