import type { ReactNode } from 'react';
import type { Actor, Decision } from '#domain/contracts/decisions.ts';
import type { StepState, StepStatus } from '#domain/contracts/packages.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { dueStatus, formatDate, formatDateTime } from '#src/lib/format.ts';

const statusText: Record<StepStatus, string> = {
  approved: 'Approved',
  active: 'In review',
  clarification: 'Clarification requested',
  rejected: 'Rejected',
  waiting: 'Waiting for earlier steps',
};

// A shape beside the words, so the chain can be scanned without relying on colour.
const markers: Record<StepStatus, { symbol: string; classes: string }> = {
  approved: { symbol: '✓', classes: 'border-emerald-700 bg-emerald-700 text-white' },
  active: { symbol: '●', classes: 'border-blue-800 bg-white text-blue-800' },
  clarification: { symbol: '?', classes: 'border-amber-700 bg-amber-50 text-amber-900' },
  rejected: { symbol: '✕', classes: 'border-red-700 bg-red-700 text-white' },
  waiting: { symbol: '', classes: 'border-slate-400 bg-white text-slate-500' },
};

interface Props {
  steps: readonly StepState[];
  /** With `onBehalfOf` when a delegate signed (delegations). */
  decisions: readonly (Decision & { onBehalfOf?: { delegator: Actor } | null })[];
  now: Date;
  renderSignatureState?: ((decisionId: string) => ReactNode) | undefined;
  /** The package's latest version: decisions on earlier ones are folded behind a summary. */
  latestVersion?: number | undefined;
}

/**
 * Why an approval no longer stands: the reason the server derived (0193 amendment), else, in a
 * record made before it, on the latest version only a move to a step answering for more sections.
 */
function staleReason(stated: string | undefined, versionNumber: number, latestVersion: number | undefined): string {
  if (stated !== undefined) return stated;
  return latestVersion !== undefined && versionNumber >= latestVersion ? 'the chain moved to a step that answers for sections its step did not' : "a later version changed this step's sections";
}

/** The workflow in order, each step with who acted on it, on which version, and when. */
export function StepChain({ steps, decisions, now, renderSignatureState, latestVersion }: Props) {
  return (
    // Side by side where there is room: the chain is a compact band above the document.
    <ol className="grid gap-3 sm:grid-cols-[repeat(auto-fit,minmax(16rem,1fr))]">
      {steps.map((step, index) => {
        const acted = decisions.filter((decision) => decision.stepKey === step.key);
        const stale = new Map(step.staleApprovals.map((approval) => [`${approval.actor.id}@${approval.decidedAt}`, approval.staleReason]));
        const marker = markers[step.status];
        const current = acted.filter((decision) => latestVersion === undefined || decision.versionNumber >= latestVersion);
        const earlier = acted.filter((decision) => latestVersion !== undefined && decision.versionNumber < latestVersion);
        const renderDecision = (decision: (typeof acted)[number]) => (
          <li key={decision.id}>
            <span className="font-semibold text-slate-900">{decision.meaning}</span> by {decision.actor.displayName}
            {decision.actor.title && `, ${decision.actor.title}`}
            {decision.onBehalfOf && ` on behalf of ${decision.onBehalfOf.delegator.displayName}`} · version {decision.versionNumber} ·{' '}
            <time dateTime={decision.decidedAt}>{formatDateTime(decision.decidedAt)}</time>
            {stale.has(`${decision.actor.id}@${decision.decidedAt}`) && <span className="font-semibold"> · no longer stands: {staleReason(stale.get(`${decision.actor.id}@${decision.decidedAt}`), decision.versionNumber, latestVersion)}</span>}
            {decision.conditions && (
              <span className="mt-1 block border-l-4 border-amber-600 pl-3 text-slate-800">
                <span className="font-semibold">Conditions:</span> limited to {decision.conditions.scope}; re-review by {formatDate(`${decision.conditions.reReviewOn}T12:00:00Z`)}
                {decision.conditions.text.trim() !== '' && <span className="block whitespace-pre-wrap">{decision.conditions.text}</span>}
              </span>
            )}
            {decision.override && (
              <span className="block">
                Approved over {decision.override.blockers.length === 1 ? 'an open question' : `${decision.override.blockers.length} open questions`}; signed reason: “{decision.override.reason}”
              </span>
            )}
            {renderSignatureState?.(decision.id)}
          </li>
        );
        return (
          <li key={step.key} className="flex gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
            <span aria-hidden="true" className={`flex size-7 shrink-0 items-center justify-center rounded-full border-2 text-sm font-bold ${marker.classes}`}>
              {marker.symbol}
            </span>
            <div className="min-w-0 flex-1 space-y-2">
              <h3 className="text-base font-semibold">
                <span className="sr-only">Step {index + 1}: </span>
                {step.name}
                {roleLabels[step.role] !== step.name && <span className="font-normal text-slate-600"> · {roleLabels[step.role]}</span>}
              </h3>
              <p>
                <span className="font-medium">{step.status === 'approved' && step.approvals.some((approval) => approval.withConditions) ? 'Approved with conditions' : statusText[step.status]}</span>
                {step.approvalsRequired > 1 && (
                  <span className="text-slate-600">
                    {' '}
                    ({step.approvals.length} of {step.approvalsRequired} approvals)
                  </span>
                )}
                {step.dueAt && (step.status === 'active' || step.status === 'clarification') && (
                  <span className={step.overdue ? 'font-semibold text-red-800' : 'text-slate-600'}>
                    {' '}
                    · due {formatDate(step.dueAt)} ({dueStatus(step.dueAt, step.overdue, now).text.toLowerCase()})
                  </span>
                )}
              </p>
              {step.reReviewDue && (
                <p className="font-semibold text-amber-900">
                  <span aria-hidden="true">⟳ </span>Re-review due: the conditions of this approval set a re-review date that has come (
                  {step.approvals
                    .flatMap((approval) => (approval.reReviewOn ? [approval.reReviewOn] : []))
                    .sort()
                    .map((date) => formatDate(`${date}T12:00:00Z`))
                    .join(', ')}
                  ).
                </p>
              )}
              {current.length > 0 && <ul className="space-y-1 text-slate-700">{current.map(renderDecision)}</ul>}
              {earlier.length > 0 && (
                // Decisions on earlier versions: the history, folded so the chain stays a band.
                <details className="text-slate-700">
                  <summary className="cursor-pointer text-slate-800">
                    {earlier.length === 1 ? '1 decision' : `${earlier.length} decisions`} on earlier versions
                  </summary>
                  <ul className="mt-1 space-y-1">{earlier.map(renderDecision)}</ul>
                </details>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
