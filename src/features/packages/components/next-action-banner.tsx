import type { PackageDetail } from '../../../../domain/contracts/packages.ts';
import { describeNextAction, nextAction } from '../../../../domain/workflow/next-action.ts';
import { useViewer } from '../../../lib/use-viewer.ts';

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
  return (
    <div className={`rounded-md border-l-4 p-4 ${yours ? tone.act : tone.wait}`}>
      <p>
        <span className="font-semibold">{yours ? 'Your turn: ' : 'For you: '}</span>
        {describeNextAction(action)}
      </p>
    </div>
  );
}
