import { useId, useState } from 'react';
import type { Actor, DecisionKind } from '#domain/contracts/decisions.ts';
import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import type { Role } from '#domain/contracts/roles.ts';
import { nextAction } from '#domain/workflow/next-action.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { DialogTitle, ModalDialog } from '#src/components/ui/modal-dialog.tsx';
import { useViewer } from '#src/lib/use-viewer.ts';
import { EmergencyApprovalAction } from './emergency-approval-action.tsx';
import { SignDialog } from './sign-dialog.tsx';
import { GovernanceGateNote } from './governance-gate-note.tsx';
import type { GovernanceBlocker } from '#domain/contracts/approval-gates.ts';
import { isApprovingDecision } from '#domain/policy/approval-governance.ts';
import { assessorApprovalRefusal, setTheTier } from '#domain/policy/tier-setters.ts';

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
  /** In the page's flow (the default), or as the "Decide…" button of the sticky review bar. */
  placement?: 'panel' | 'bar';
  /** How many of the reviewer's drafted comments signing publishes with the decision. */
  unpublished?: number | undefined;
}

/**
 * The decisions a reviewer whose step is active can sign: quiet while sections remain to be
 * reviewed, prominent once every one is. Each opens the sign dialog. Below, apart, the
 * emergency approval path for those allowed to use it.
 */
export function DecisionPanel(props: DecisionPanelProps) {
  if (props.placement === 'bar') return <DecideButton {...props} />;
  return (
    <>
      <StepDecisionPanel {...props} />
      <EmergencyApprovalAction pkg={props.pkg} version={props.version} />
    </>
  );
}

/** The step the viewer may decide now on this version (theirs or a delegator's), or null. */
function useStepDecision({ pkg, version, actingFor = [] }: DecisionPanelProps) {
  const viewer = useViewer();
  if (!viewer || version.number !== pkg.latestVersion) return null;
  // A delegate decides the steps of a delegated role as a holder would; the dialog says for whom.
  const action = nextAction(pkg, { id: viewer.id, roles: [...viewer.roles, ...actingFor.map((d) => d.role)] });
  if (action.kind !== 'decide') return null;
  const delegation = viewer.roles.includes(action.step.role) ? undefined : actingFor.find((d) => d.role === action.step.role);
  const onBehalfOf = delegation ? { delegationId: delegation.id, delegator: delegation.delegator } : undefined;
  // Whoever set the tier (or the holder a delegate signs for) may reject or ask, not approve (0174); the server refuses it too.
  const tierSetter = setTheTier(pkg.tierSetBy, { signerId: viewer.id, delegatorId: onBehalfOf?.delegator.id ?? null });
  return { viewer, step: action.step, onBehalfOf, tierSetter };
}

type StepDecision = NonNullable<ReturnType<typeof useStepDecision>>;

/**
 * Where the reviewer stands, and a button per decision. In the Decide… dialog, once every
 * section is reviewed, Approve has the focus: Enter takes the usual path, Tab reaches the rest.
 */
function DecisionChoices(props: { reviewed: number; total: number; stateId: string; onChoose: (kind: StepDecisionKind) => void; focusApprove?: boolean; governance: readonly GovernanceBlocker[]; tierSetter: boolean }) {
  const { reviewed, total, stateId, onChoose, focusApprove = false, governance, tierSetter } = props;
  const ready = reviewed === total;
  const gateId = useId();
  const setterId = useId();
  const gated = governance.length > 0;
  const refused = (kind: StepDecisionKind) => (gated || tierSetter) && isApprovingDecision(kind);
  const why = [gated ? gateId : '', tierSetter ? setterId : ''].filter(Boolean).join(' ');
  return (
    <>
      <p id={stateId}>
        {ready
          ? 'You have reviewed every section of this version. Choose your decision; you will sign it with your identity and the content hash of this version.'
          : `Review every section before deciding: ${reviewed} of ${total} reviewed. You can still decide now.`}
      </p>
      <div className="flex flex-wrap gap-3">
        {stepDecisions.map((kind) => (
          <button
            key={kind}
            type="button"
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the dialog opened for this choice; focus must land in it
            autoFocus={focusApprove && ready && kind === 'approve' && !refused(kind)}
            disabled={refused(kind)}
            aria-describedby={refused(kind) ? `${stateId} ${why}` : stateId}
            className={`${ready ? buttonClasses.primary : buttonClasses.secondary} disabled:cursor-not-allowed disabled:opacity-60`}
            onClick={() => onChoose(kind)}
          >
            {actionLabels[kind]}
          </button>
        ))}
      </div>
      {tierSetter && (
        <p id={setterId} role="note" aria-label="Why you cannot approve" className="rounded-md border-l-4 border-red-700 bg-white p-3 text-slate-900">
          {assessorApprovalRefusal}
        </p>
      )}
      {gated && <GovernanceGateNote id={gateId} blockers={governance} />}
    </>
  );
}

function StepSignDialog({ props, decision, kind, onClose }: { props: DecisionPanelProps; decision: StepDecision; kind: StepDecisionKind; onClose: () => void }) {
  return <SignDialog pkg={props.pkg} version={props.version} step={decision.step} signer={decision.viewer} decision={kind} onBehalfOf={decision.onBehalfOf} unpublished={props.unpublished ?? 0} onClose={onClose} />;
}

function StepDecisionPanel(props: DecisionPanelProps) {
  const titleId = useId();
  const stateId = useId();
  const decision = useStepDecision(props);
  const [signing, setSigning] = useState<StepDecisionKind | null>(null);
  if (!decision) return null;
  const ready = props.reviewed === props.total;
  return (
    <section aria-labelledby={titleId} className={`space-y-3 rounded-md p-5 ${ready ? 'border-2 border-blue-800 bg-blue-50' : 'border border-slate-300 bg-white'}`}>
      <h2 id={titleId} className="text-lg font-bold">
        Your decision on {decision.step.name}
      </h2>
      <DecisionChoices reviewed={props.reviewed} total={props.total} stateId={stateId} onChoose={setSigning} governance={props.pkg.governanceBlockers} tierSetter={decision.tierSetter} />
      {signing && <StepSignDialog props={props} decision={decision} kind={signing} onClose={() => setSigning(null)} />}
    </section>
  );
}

/**
 * The review bar's "Decide…": the same choices in a dialog, then the sign dialog, so a
 * reviewer at the end of a long package decides where they are instead of scrolling back up.
 */
function DecideButton(props: DecisionPanelProps) {
  const stateId = useId();
  const decision = useStepDecision(props);
  const [choosing, setChoosing] = useState(false);
  const [signing, setSigning] = useState<StepDecisionKind | null>(null);
  if (!decision) return null;
  return (
    <>
      <button type="button" data-decide className={`${props.reviewed === props.total ? buttonClasses.primary : buttonClasses.secondary} px-3 py-1 text-sm`} onClick={() => setChoosing(true)}>
        Decide…
      </button>
      <ModalDialog isOpen={choosing} onClose={() => setChoosing(false)} width="lg" describedBy={stateId}>
        <div className="space-y-4 p-5">
          <DialogTitle className="text-lg font-bold">Your decision on {decision.step.name}</DialogTitle>
          <DecisionChoices
            reviewed={props.reviewed}
            total={props.total}
            stateId={stateId}
            focusApprove
            governance={props.pkg.governanceBlockers}
            tierSetter={decision.tierSetter}
            onChoose={(kind) => {
              setChoosing(false);
              setSigning(kind);
            }}
          />
          <button type="button" className={buttonClasses.secondary} onClick={() => setChoosing(false)}>
            Cancel
          </button>
        </div>
      </ModalDialog>
      {signing && <StepSignDialog props={props} decision={decision} kind={signing} onClose={() => setSigning(null)} />}
    </>
  );
}
