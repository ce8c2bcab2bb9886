import { useEffect, useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { Actor } from '#domain/contracts/decisions.ts';
import type { PackageDetail } from '#domain/contracts/packages.ts';
import { isReviewerRole } from '#domain/contracts/roles.ts';
import { compareSeverity } from '#domain/findings/lifecycle.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { NotFound } from '#src/components/ui/not-found.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { isApiProblem } from '#src/lib/api-problem.ts';
import { usePackage } from '#src/lib/get-package.ts';
import { useVersion } from '#src/lib/get-version.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useActingRoles, useViewer } from '#src/lib/use-viewer.ts';
import { useFindings } from '#src/lib/package-findings.ts';
import { FindingCard } from './finding-card.tsx';
import { RaiseFindingForm } from './raise-finding-form.tsx';

/** The owner team as the page knows it: whoever submitted a version (the owner submits the first). */
function ownerTeamOf(pkg: PackageDetail): Actor[] {
  const team = new Map(pkg.versions.map((v) => [v.submittedBy.id, v.submittedBy]));
  return [...team.values()];
}

/** /packages/:id/findings: the package's findings, raised by reviewers and remediated by the owner team. */
export function FindingsPage() {
  const { id = '' } = useParams();
  const pkg = usePackage(id);
  const title = pkg.data ? `Findings: ${pkg.data.modelName} ${pkg.data.versionLabel}` : 'Findings';
  usePageTitle(title);
  if (pkg.isError) {
    if (isApiProblem(pkg.error, 404)) return <NotFound title="Package not found" detail="There is no package at this address, or you do not have access to it." />;
    return <ErrorNotice title="The package could not be loaded." error={pkg.error} onRetry={() => void pkg.refetch()} retrying={pkg.isFetching} />;
  }
  if (pkg.isPending) return <LoadingNotice>Loading the package…</LoadingNotice>;
  return <PackageFindings pkg={pkg.data} title={title} />;
}

function PackageFindings({ pkg, title }: { pkg: PackageDetail; title: string }) {
  const viewer = useViewer();
  const actingRoles = useActingRoles() ?? viewer?.roles ?? [];
  const findings = useFindings(pkg.id);
  const version = useVersion(pkg.id, pkg.latestVersion);
  const [search, setSearch] = useSearchParams();
  const { hash } = useLocation();
  const [raising, setRaising] = useState(search.get('raise') === '1');
  const team = ownerTeamOf(pkg);
  const inOwnerTeam = viewer !== null && team.some((person) => person.id === viewer.id);
  const mayRaise = !inOwnerTeam && actingRoles.some(isReviewerRole) && (pkg.status === 'in_review' || pkg.status === 'clarification_requested');
  const sections = version.data?.content.sections ?? [];
  const titleOf = (key: string) => sections.find((s) => s.key === key)?.title ?? key;

  // A link to one finding (#finding-…) lands on it once the list is there.
  useEffect(() => {
    if (!findings.data || !hash) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [findings.data, hash]);

  const sorted = [...(findings.data ?? [])].sort((a, b) => compareSeverity(a.severity, b.severity) || a.dueDate.localeCompare(b.dueDate));
  const closeForm = () => {
    setRaising(false);
    if (search.has('raise')) setSearch({}, { replace: true });
  };
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p>
          <Link to={`/packages/${encodeURIComponent(pkg.id)}`}>Back to the package</Link>
        </p>
        <PageHeading>{title}</PageHeading>
        <p className="max-w-prose text-slate-700">
          Issues reviewers raised on this package. The owner team proposes and completes a remediation; the role that raised a finding verifies it, or accepts the risk until a date. Open critical and high findings block approval.
        </p>
      </div>
      {mayRaise && !raising && (
        <button type="button" className={buttonClasses.primary} onClick={() => setRaising(true)}>
          Raise a finding
        </button>
      )}
      {raising && mayRaise && version.data && (
        <RaiseFindingForm
          packageId={pkg.id}
          versionNumber={pkg.latestVersion}
          sections={sections}
          ownerTeam={team}
          initialSection={search.get('section') ?? undefined}
          initialPassage={search.get('quote') ?? undefined}
          onRaised={closeForm}
          onCancel={closeForm}
        />
      )}
      {findings.isError && <ErrorNotice title="The findings could not be loaded." error={findings.error} onRetry={() => void findings.refetch()} retrying={findings.isFetching} />}
      {findings.isPending && <LoadingNotice>Loading the findings…</LoadingNotice>}
      {findings.data?.length === 0 && <p className="text-slate-700">No findings on this package.</p>}
      <div className="space-y-4">
        {sorted.map((finding) => (
          <FindingCard key={finding.id} finding={finding} sectionTitle={titleOf(finding.sectionKey)} inOwnerTeam={inOwnerTeam} holdsRaisingRole={actingRoles.includes(finding.raisedRole)} />
        ))}
      </div>
    </div>
  );
}
