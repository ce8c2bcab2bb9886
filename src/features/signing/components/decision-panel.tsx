import { useId, useState } from 'react';
import type { Actor, DecisionKind } from '#domain/contracts/decisions.ts';
import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { nextAction } from '#domain/workflow/next-action.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { EmergencyApprovalAction } from './emergency-approval-action.tsx';
import { SignDialog } from './sign-dialog.tsx';

/** The decisions on a step, in the order offered. An emergency approval is none of them: it has its own, quieter action. */
type StepDecisionKind = Exclude<DecisionKind, 'emergency_approve'>;
const stepDecisions: readonly StepDecisionKind[] = ['approve', 'approve_with_conditions', 'reject', 'request_clarification'];
const actionLabels: Record<StepDecisionKind, string> = {
  approve: 'Approve',
  approve_with_conditions: 'Approve with conditions',
  reject: 'Reject',
  request_clarification: 'Request clarification',
};

export interface DecisionPanelProps {
  pkg: PackageDetail;
  version: PackageVersion;
  reviewed: number;
  total: number;
  /** Roles the viewer holds now by delegation, with whose they are (filled in by the route: delegations). */
  actingFor?: readonly { id: string; role: Role; delegator: Actor }[];
}

/**
 * The decisions a reviewer whose step is active can sign: quiet while sections remain to be
 * reviewed, prominent once every one is. Each opens the sign dialog. Below, apart, the
 * emergency approval path for those allowed to use it.
 */
export function DecisionPanel(props: DecisionPanelProps) {
  return (
    <>
      <StepDecisionPanel {...props} />
      <EmergencyApprovalAction pkg={props.pkg} version={props.version} />
    </>
  );
}

function StepDecisionPanel({ pkg, version, reviewed, total, actingFor = [] }: DecisionPanelProps) {
  const titleId = useId();
  const stateId = useId();
  const viewer = useViewer();
  const [signing, setSigning] = useState<StepDecisionKind | null>(null);
  if (!viewer || version.number !== pkg.latestVersion) return null;
  // A delegate decides the steps of a delegated role as a holder would; the dialog says for whom.
  const action = nextAction(pkg, { id: viewer.id, roles: [...viewer.roles, ...actingFor.map((d) => d.role)] });
  if (action.kind !== 'decide') return null;
  const delegation = viewer.roles.includes(action.step.role) ? undefined : actingFor.find((d) => d.role === action.step.role);
  const onBehalfOf = delegation ? { delegationId: delegation.id, delegator: delegation.delegator } : undefined;
  const ready = reviewed === total;
  return (
    <section aria-labelledby={titleId} className={`space-y-3 rounded-md p-5 ${ready ? 'border-2 border-blue-800 bg-blue-50' : 'border border-slate-300 bg-white'}`}>
      <h2 id={titleId} className="text-lg font-bold">
        Your decision on {action.step.name}
      </h2>
      <p id={stateId}>
        {ready
          ? 'You have reviewed every section of this version. Choose your decision; you will sign it with your identity and the content hash of this version.'
          : `Review every section before deciding: ${reviewed} of ${total} reviewed. You can still decide now.`}
      </p>
      <div className="flex flex-wrap gap-3">
        {stepDecisions.map((kind) => (
          <button key={kind} type="button" aria-describedby={stateId} className={ready ? buttonClasses.primary : buttonClasses.secondary} onClick={() => setSigning(kind)}>
            {actionLabels[kind]}
          </button>
        ))}
      </div>
      {signing && <SignDialog pkg={pkg} version={version} step={action.step} signer={viewer} decision={signing} onBehalfOf={onBehalfOf} onClose={() => setSigning(null)} />}
    </section>
  );
}
