import { useId, useState } from 'react';
import type { PackageDetail, PackageVersion } from '#domain/contracts/packages.ts';
import { roleLabels } from '#domain/contracts/roles.ts';
import { emergencyRefusal, emergencyRolesHeld } from '#domain/workflow/emergency.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { EmergencySignDialog } from './emergency-sign-dialog.tsx';

/**
 * The emergency approval path, offered apart from (and quieter than) the step decisions, to
 * a holder of one of the template's emergency roles while the server would accept it. The
 * rule is the server's own (domain/workflow/emergency.ts); the server checks it again.
 */
export function EmergencyApprovalAction({ pkg, version }: { pkg: PackageDetail; version: PackageVersion }) {
  const headingId = useId();
  const gateId = useId();
  const viewer = useViewer();
  const [signing, setSigning] = useState(false);
  if (!viewer || version.number !== pkg.latestVersion) return null;
  const [role] = emergencyRolesHeld(pkg.emergencyRoles, viewer.roles);
  if (!role) return null;
  // The detail names who submitted each version, not the owner: the server checks both.
  const submittedBy = pkg.versions.find((v) => v.number === pkg.latestVersion)?.submittedBy.id ?? '';
  const refusal = emergencyRefusal({
    template: { ...pkg.template, emergencyRoles: pkg.emergencyRoles },
    status: pkg.status,
    decisions: pkg.decisions,
    latestVersion: pkg.latestVersion,
    versionNumber: version.number,
    signer: viewer,
    role,
    ownerId: submittedBy,
    submittedBy,
  });
  if (refusal) return null;
  // Whoever set the tier chose the chain; an emergency approval is theirs no more than a step's (0174).
  if (pkg.tierSetBy.includes(viewer.id)) return null;
  // The governance gate refuses an emergency approval too (docs/decisions/0141): offered disabled, with why.
  const blockers = pkg.governanceBlockers;
  const gated = blockers.length > 0;
  return (
    <section aria-labelledby={headingId} className="space-y-2 rounded-md border border-dashed border-orange-500 bg-white p-4">
      <h2 id={headingId} className="font-semibold">
        Emergency approval path
      </h2>
      <p className="text-sm text-slate-700">
        With the {roleLabels[role]} role, you may approve this version for deployment before its review chain completes, for an incident that cannot wait. It approves no
        step: the chain continues as the follow-up review.
      </p>
      <button
        type="button"
        disabled={gated}
        aria-describedby={gated ? gateId : undefined}
        className={`${buttonClasses.secondary} text-sm disabled:cursor-not-allowed disabled:opacity-60`}
        onClick={() => setSigning(true)}
      >
        Emergency approval…
      </button>
      {gated && (
        <div id={gateId} className="text-sm text-slate-900">
          <p className="font-semibold">Unavailable: governance blocks every approval, an emergency one included, until it is met:</p>
          <ul className="list-disc pl-6">
            {blockers.map((b, i) => (
              <li key={`${b.kind}-${i}`}>{b.description}.</li>
            ))}
          </ul>
        </div>
      )}
      {signing && !gated && <EmergencySignDialog pkg={pkg} version={version} signer={viewer} role={role} onClose={() => setSigning(false)} />}
    </section>
  );
}
