import { Link } from 'react-router';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { describeNextAction, nextAction } from '#domain/workflow/next-action.ts';
import { resubmissionOpen } from '#domain/workflow/resubmission-window.ts';
import { useActingRoles, useViewer } from '#src/lib/use-viewer.ts';

const tone = {
  act: 'border-blue-800 bg-blue-50 text-blue-950',
  wait: 'border-slate-400 bg-white text-slate-800',
} as const;

/** What the signed-in person may do on this package now, or why nothing ("Waiting for data governance"). */
export function NextActionBanner({ pkg }: { pkg: PackageDetail }) {
  const viewer = useViewer();
  const acting = useActingRoles();
  if (!viewer) return null;
  // A delegate decides for the role delegated to them: the banner goes by the roles they act in.
  const action = nextAction(pkg, { id: viewer.id, roles: acting ?? viewer.roles });
  const yours = action.kind === 'decide' || action.kind === 'answer' || action.kind === 'resubmit';
  // After a rejection, a new version is the way on; while a step is paused for a clarification
  // (answered or not), a thread reply may be enough, and a new version is the other way when
  // the answer changes the package: the server takes one exactly while resubmissionOpen says so.
  const revise = viewer.roles.includes('model_owner') && resubmissionOpen(pkg.status, pkg.steps);
  return (
    <div className={`space-y-2 rounded-md border-l-4 p-4 ${yours ? tone.act : tone.wait}`}>
      <p>
        <span className="font-semibold">{yours ? 'Your turn: ' : 'For you: '}</span>
        {describeNextAction(action)}
      </p>
      {revise && (
        <p>
          {action.kind !== 'resubmit' && 'If your answer changes the package: '}
          <Link to={`/packages/${encodeURIComponent(pkg.id)}/resubmit`} className="font-semibold">
            Revise and resubmit
          </Link>
        </p>
      )}
    </div>
  );
}
