import { useEffect, type ReactNode } from 'react';
import { useParams } from 'react-router';
import type { ApprovalRecord, RecordCheck } from '#domain/contracts/record.ts';
import { Breadcrumb } from '#src/components/ui/breadcrumb.tsx';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { NotFound } from '#src/components/ui/not-found.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useRecord } from '../api/get-record.ts';
import { AuditTrail } from './audit-trail.tsx';
import { RecordActions } from './record-actions.tsx';
import { RecordSummary } from './record-summary.tsx';
import { RecordVerdict } from './record-verdict.tsx';
import { SignatureBlock } from './signature-block.tsx';
import { ThreadList } from './thread-list.tsx';
import { VersionHistory } from './version-history.tsx';
import './record-print.css';

const notFoundTitle = 'No such package';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The record's content, shown from the very document that was verified (not from another API call). */
function RecordBody({ record, checks }: { record: ApprovalRecord; checks: readonly RecordCheck[] }) {
  const byLabel = new Map(checks.map((check) => [check.label, check]));
  // The verifier labels a decision's check "Decision <id>: …" (the rest is a sentence).
  const decisionCheck = (id: string) => checks.find((check) => check.label.startsWith(`Decision ${id}:`));
  return (
    <>
      <RecordSummary record={record} />
      <Section id="decisions-heading" title={`Decisions and signatures (${record.decisions.length})`}>
        {record.decisions.length === 0 ? (
          <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">No decision has been signed on this package yet.</p>
        ) : (
          <div className="space-y-4">
            {record.decisions.map((decision) => (
              <SignatureBlock key={decision.id} decision={decision} steps={record.steps} versions={record.versions} check={decisionCheck(decision.id)} emergency={record.emergencyApprovals?.find((e) => e.decisionId === decision.id)} />
            ))}
          </div>
        )}
      </Section>
      <Section id="versions-heading" title={`Version history (${record.versions.length})`}>
        <VersionHistory packageId={record.package.id} versions={record.versions} approvedVersion={record.package.approvedVersion} />
      </Section>
      <Section id="threads-heading" title={`Threads (${record.threads.length})`}>
        <ThreadList threads={record.threads} versions={record.versions} />
      </Section>
      <Section id="audit-heading" title={`Audit entries (${record.audit.entries.length})`}>
        <AuditTrail audit={record.audit} checkOf={(label) => byLabel.get(label)} />
      </Section>
    </>
  );
}

/** Text as a CSS string value (for `content`), whatever quotes or line breaks it holds. */
function cssString(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll(/[\r\n]+/g, ' ')}"`;
}

/** The running header and footer of the printed record (record-print.css reads them). */
function useRunningHeadAndFoot(record: ApprovalRecord | null): void {
  const latest = record?.versions.at(-1)?.number;
  const head = record ? `Approval record ${record.package.id} · ${record.package.modelName} ${record.package.versionLabel} · version ${record.package.approvedVersion ?? latest ?? '?'}` : null;
  const foot = record ? `Exported ${record.exportedAt} by ${record.exportedBy.displayName}` : null;
  useEffect(() => {
    if (head === null || foot === null) return;
    const root = document.documentElement.style;
    root.setProperty('--record-running-head', cssString(head));
    root.setProperty('--record-running-foot', cssString(foot));
    return () => {
      root.removeProperty('--record-running-head');
      root.removeProperty('--record-running-foot');
    };
  }, [head, foot]);
}

/**
 * A package's approval record: fetched as the signed JSON the export serves, verified here
 * in the browser with the offline verifier, and shown from that same document. It downloads
 * byte for byte and prints as a paper record (record-print.css).
 */
export function RecordPage() {
  const { id = '' } = useParams();
  const query = useRecord(id);
  const notFound = isApiProblem(query.error, 404);
  const loaded = query.data;
  const record = loaded?.verification.record ?? null;
  const name = record ? `${record.package.modelName} ${record.package.versionLabel}` : null;
  useRunningHeadAndFoot(record);
  usePageTitle(notFound ? notFoundTitle : name ? `Approval record: ${name}` : 'Approval record');

  if (notFound) {
    return <NotFound title={notFoundTitle} detail="There is no package at this address that you can see, so there is no approval record to show. Check the link, or find the package in your inbox." />;
  }
  return (
    <div className="approval-record space-y-8">
      <Breadcrumb
        className="print:hidden"
        trail={[
          { label: 'Inbox', to: '/' },
          { label: record?.package.modelName ?? 'Package', to: `/packages/${encodeURIComponent(id)}` },
        ]}
        current="Approval record"
      />
      <PageHeading>{name ? `Approval record: ${name}` : 'Approval record'}</PageHeading>
      <div aria-busy={query.isFetching} className="space-y-8">
        {query.isPending && <LoadingNotice>Loading and verifying the record…</LoadingNotice>}
        {query.isError && <ErrorNotice title="The approval record could not be loaded." error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />}
        {loaded && (
          <>
            <RecordVerdict verdict={loaded.verification} />
            <RecordActions text={loaded.text} fileName={loaded.fileName} packageId={id} />
            {record && <RecordBody record={record} checks={loaded.verification.checks} />}
          </>
        )}
      </div>
    </div>
  );
}
