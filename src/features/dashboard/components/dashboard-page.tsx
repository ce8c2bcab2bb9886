import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { formatDateTime } from '#src/lib/format.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useDashboard } from '../api/get-dashboard.ts';
import { AuditIntegrity } from './audit-integrity.tsx';
import { DashboardSection, EmptyState } from './dashboard-section.tsx';
import { EmergencyFollowUpTable } from './emergency-follow-up-table.tsx';
import { FindingsOverview } from './findings-overview.tsx';
import { GovernanceMetrics } from './governance-metrics.tsx';
import { PackageListSection } from './package-list-section.tsx';
import { RecentDecisions } from './recent-decisions.tsx';
import { ReReviewTable } from './re-review-table.tsx';
import { RiskTierTable } from './risk-tier-table.tsx';

/** The committee's view across every package: the inventory, what waits, what is late, what comes back, and whether the log holds. */
export function DashboardPage() {
  usePageTitle('Dashboard');
  const dashboard = useDashboard();
  const data = dashboard.data;
  // Due times are measured against the moment the server computed the dashboard.
  const now = data ? new Date(data.generatedAt) : new Date();
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <PageHeading>Dashboard</PageHeading>
        <p className="text-slate-700">
          Every model package at a glance
          {data && (
            <>
              {' '}
              (as of <time dateTime={data.generatedAt}>{formatDateTime(data.generatedAt)}</time>)
            </>
          )}
          .
        </p>
      </div>
      <DashboardSection title="Audit log integrity" description="The server rechecks the hash chain and the Merkle tree of the whole log.">
        <AuditIntegrity />
      </DashboardSection>
      <div aria-busy={dashboard.isFetching} className="space-y-8">
        {dashboard.isPending && <LoadingNotice>Loading the dashboard…</LoadingNotice>}
        {dashboard.isError && <ErrorNotice title="The dashboard could not be loaded." error={dashboard.error} onRetry={() => void dashboard.refetch()} retrying={dashboard.isFetching} />}
        {data && (
          <>
            <DashboardSection
              title={`Emergency approvals awaiting follow-up (${data.emergencyFollowUps.length})`}
              description="Deployable under an emergency approval while the review chain, as the follow-up review, is not done; oldest first."
            >
              {data.emergencyFollowUps.length > 0 ? <EmergencyFollowUpTable items={data.emergencyFollowUps} /> : <EmptyState>No emergency approval awaits its follow-up.</EmptyState>}
            </DashboardSection>
            <DashboardSection
              title="Governance metrics"
              description="Each figure opens the list it counts. The audit chain's integrity is checked above."
            >
              <GovernanceMetrics governance={data.governance} />
            </DashboardSection>
            <DashboardSection title="Models by risk tier">
              <RiskTierTable rows={data.byRiskTier} />
            </DashboardSection>
            <PackageListSection
              list={data.overdue}
              title="Overdue reviews"
              description="Packages whose current step is past its due time, most overdue first."
              caption="Overdue reviews, most overdue first"
              noun="overdue reviews"
              empty="No review is overdue."
              now={now}
            />
            <DashboardSection title="Findings" description="Findings raised by reviewers across every package: open ones by severity, overdue ones, and accepted risks about to run out.">
              <FindingsOverview findings={data.findings} />
            </DashboardSection>
            <PackageListSection
              list={data.pending}
              title="Pending reviews"
              description="In review or waiting for a clarification, oldest first."
              caption="Pending reviews, oldest first"
              noun="pending reviews"
              empty="No package is waiting for a review."
              now={now}
            />
            <PackageListSection
              list={data.conditionsLapsed}
              title="Conditions lapsed"
              description="Approvals with a condition past its due date and no confirmed fulfilment."
              caption="Approvals whose conditions lapsed"
              noun="approvals with lapsed conditions"
              empty="No approval has lapsed conditions."
              now={now}
            />
            <DashboardSection title={`Re-reviews (${data.reReviews.length})`} description="Approvals with conditions whose re-review date has come or comes within 30 days.">
              {data.reReviews.length > 0 ? <ReReviewTable items={data.reReviews} /> : <EmptyState>No approval is due for re-review in the next 30 days.</EmptyState>}
            </DashboardSection>
            <DashboardSection title="Recent decisions" description="The 20 latest signed decisions on any package, newest first.">
              {data.recentDecisions.length > 0 ? <RecentDecisions items={data.recentDecisions} now={now} /> : <EmptyState>No decision has been signed yet.</EmptyState>}
            </DashboardSection>
          </>
        )}
      </div>
    </div>
  );
}
