import { useId } from 'react';
import { decisionKindSchema, type DecisionKind } from '../../../../../domain/contracts/decisions.ts';
import type { PackageDetail } from '../../../../../domain/contracts/packages.ts';
import type { User } from '../../../../../domain/contracts/users.ts';
import { nextAction } from '../../../../../domain/workflow/next-action.ts';
import { buttonClasses } from '../../../../components/ui/button.ts';

const actionLabels: Record<DecisionKind, string> = {
  approve: 'Approve',
  approve_with_conditions: 'Approve with conditions',
  reject: 'Reject',
  request_clarification: 'Request clarification',
};

interface Props {
  pkg: PackageDetail;
  viewer: User;
  reviewed: number;
  total: number;
}

/**
 * The decision a reviewer whose step is active can take, and its state: quiet while
 * sections remain to be reviewed, prominent once every one is. Signing the decision is
 * not wired yet, and the panel says so rather than pretending.
 */
export function DecisionPanel({ pkg, viewer, reviewed, total }: Props) {
  const titleId = useId();
  const stateId = useId();
  const action = nextAction(pkg, viewer);
  if (action.kind !== 'decide') return null;
  const ready = reviewed === total;
  return (
    <section aria-labelledby={titleId} className={`space-y-3 rounded-md p-5 ${ready ? 'border-2 border-blue-800 bg-blue-50' : 'border border-slate-300 bg-white'}`}>
      <h2 id={titleId} className="text-lg font-bold">
        Your decision on {action.step.name}
      </h2>
      <p id={stateId}>
        {ready
          ? 'You have reviewed every section of this version. Choose your decision; you will sign it with your identity and the content hash of this version.'
          : `Review every section before deciding: ${reviewed} of ${total} reviewed.`}{' '}
        Electronic signing is not yet enabled on this server, so these actions cannot be completed yet.
      </p>
      <div className="flex flex-wrap gap-3">
        {decisionKindSchema.options.map((kind) => (
          <button key={kind} type="button" aria-disabled="true" aria-describedby={stateId} className={`${ready ? buttonClasses.primary : buttonClasses.secondary} cursor-not-allowed opacity-80`}>
            {actionLabels[kind]}
          </button>
        ))}
      </div>
    </section>
  );
}
