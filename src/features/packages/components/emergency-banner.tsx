import type { ReactNode } from 'react';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { emergencyApprovals } from '#domain/workflow/emergency.ts';
import { formatDate } from '#src/lib/format.ts';

interface Props {
  pkg: Pick<PackageDetail, 'status' | 'steps' | 'decisions'>;
  /** Beside each emergency approval: whether its signature verifies (the signing feature fills it). */
  renderSignatureState?: ((decisionId: string) => ReactNode) | undefined;
}

/**
 * Every emergency approval of the package and its follow-up review: prominent while the
 * follow-up is open (it stays until the chain approves or rejects), a quiet line once done.
 */
export function EmergencyBanner({ pkg, renderSignatureState }: Props) {
  const approvals = emergencyApprovals(pkg.decisions, pkg);
  if (approvals.length === 0) return null;
  return (
    <div className="space-y-3">
      {approvals.map(({ decision, followUp }) => {
        const open = followUp.state === 'open';
        const who = `Emergency approval by ${decision.actor.displayName} on ${formatDate(decision.decidedAt)}, incident ${decision.emergency.incidentRef}`;
        return (
          <section
            key={decision.id}
            aria-label={`Emergency approval ${decision.emergency.incidentRef}`}
            className={`space-y-1 rounded-md border-l-4 p-4 ${open ? 'border-orange-600 bg-orange-50 text-orange-950' : 'border-slate-400 bg-white text-slate-800'}`}
          >
            <p>
              <span className="font-semibold">
                {open && <span aria-hidden="true">⚠ </span>}
                {who}:
              </span>{' '}
              {followUp.state === 'open' && (
                <>
                  follow-up review open (version {decision.versionNumber}). <a href="#steps-heading">See the review steps</a>
                </>
              )}
              {followUp.state === 'completed' && followUp.at && `follow-up completed on ${formatDate(followUp.at)}.`}
              {followUp.state === 'rejected' && followUp.at && `follow-up ended in rejection on ${formatDate(followUp.at)}.`}
              {renderSignatureState?.(decision.id)}
            </p>
            <p className="whitespace-pre-wrap text-sm">
              <span className="font-semibold">Justification:</span> {decision.emergency.justification}
            </p>
          </section>
        );
      })}
    </div>
  );
}
