import { Link } from 'react-router';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { describeNextAction, nextAction } from '#domain/workflow/next-action.ts';
import { useViewer } from '#src/lib/use-viewer.ts';

const tone = {
  act: 'border-blue-800 bg-blue-50 text-blue-950',
  wait: 'border-slate-400 bg-white text-slate-800',
} as const;

/** What the signed-in person may do on this package now, or why nothing ("Waiting for data governance"). */
export function NextActionBanner({ pkg }: { pkg: PackageDetail }) {
  const viewer = useViewer();
  if (!viewer) return null;
  const action = nextAction(pkg, viewer);
  const yours = action.kind === 'decide' || action.kind === 'answer' || action.kind === 'resubmit';
  // After a rejection, a new version is the way on; with clarifications open, a thread reply
  // may be enough, and a new version is the other way when the answer changes the package
  // (once a reviewer has paused their step for it: the server takes a new version only then).
  const revise = action.kind === 'resubmit' || (action.kind === 'answer' && pkg.status === 'clarification_requested');
  return (
    <div className={`space-y-2 rounded-md border-l-4 p-4 ${yours ? tone.act : tone.wait}`}>
      <p>
        <span className="font-semibold">{yours ? 'Your turn: ' : 'For you: '}</span>
        {describeNextAction(action)}
      </p>
      {revise && (
        <p>
          {action.kind === 'answer' && 'If your answer changes the package: '}
          <Link to={`/packages/${encodeURIComponent(pkg.id)}/resubmit`} className="font-semibold">
            Revise and resubmit
          </Link>
        </p>
      )}
    </div>
  );
}
