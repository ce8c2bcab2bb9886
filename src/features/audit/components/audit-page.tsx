import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { useViewer } from '#src/lib/use-viewer.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { mayOverseeAudit } from '../audit-access.ts';
import { AuditLogView } from './audit-log-view.tsx';
import { IntegrityPanel } from './integrity-panel.tsx';

const globalSource = { kind: 'global' } as const;

/** /audit: the whole log, for the governance committee and administrators. */
export function AuditPage() {
  usePageTitle('Audit log');
  const viewer = useViewer();
  if (viewer && !mayOverseeAudit(viewer.roles)) {
    return (
      <div className="space-y-4">
        <PageHeading>Audit log</PageHeading>
        <p className="max-w-prose text-lg text-slate-700">Only the governance committee and administrators can see the whole audit log. The audit trail of a package is on its page.</p>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading>Audit log</PageHeading>
        <p className="max-w-prose text-slate-700">Every event of every package, user and session, newest first. Each entry is chained to the one before by its hash, and the log is a Merkle tree whose signed heads prove it was only ever appended to.</p>
      </div>
      <IntegrityPanel />
      <AuditLogView source={globalSource} caption="The audit log, newest first" empty="The audit log is empty." />
    </div>
  );
}
