import { Link, useLocation, useParams } from 'react-router';
import { roleLabels } from '#domain/contracts/roles.ts';
import type { TemplateVersionEntry } from '#domain/contracts/template-admin.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { NotFound } from '#src/components/ui/not-found.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { formatDateTime } from '#src/lib/format.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { useTemplateVersions } from '../api/list-templates.ts';
import { staleRuleText, TemplateSteps, tiersText } from './template-steps.tsx';

function VersionFacts({ entry }: { entry: TemplateVersionEntry }) {
  const { template } = entry;
  return (
    <div className="space-y-3">
      <p>{tiersText(template)}.</p>
      <p>Stale approvals: {staleRuleText(template.staleApprovals)}</p>
      <p>Emergency approval path: {template.emergencyRoles && template.emergencyRoles.length > 0 ? template.emergencyRoles.map((r) => roleLabels[r]).join(', ') : 'no role may use it'}.</p>
      <p>Segregation of duties: {template.allowSameDeciderAcrossSteps ? 'relaxed — one person may decide more than one step of a package' : 'each person decides at most one step of a package'}.</p>
      <p>
        {entry.publishedAt ? (
          <>
            Published <time dateTime={entry.publishedAt}>{formatDateTime(entry.publishedAt)}</time>
            {entry.publishedBy && ` by ${entry.publishedBy.displayName}`}.
          </>
        ) : (
          'Built in: installed with the application.'
        )}{' '}
        {entry.usedBy.length === 0 ? 'No package uses it.' : `Used by ${entry.usedBy.length} ${entry.usedBy.length === 1 ? 'package' : 'packages'}: `}
        {entry.usedBy.map((p, i) => (
          <span key={p.id}>
            {i > 0 && ', '}
            <Link to={`/packages/${p.id}`}>
              {p.modelName} {p.versionLabel}
            </Link>
          </span>
        ))}
      </p>
      <TemplateSteps template={template} />
    </div>
  );
}

export function TemplatePage() {
  const { key = '' } = useParams();
  const location = useLocation();
  const published = (location.state as { published?: number } | null)?.published;
  const versions = useTemplateVersions(key);
  const viewer = useViewer();
  const current = versions.data?.find((v) => v.current);
  usePageTitle(current ? current.template.name : 'Workflow template');
  if (versions.data && !current) return <NotFound title="Template not found" detail={`There is no workflow template "${key}".`} />;
  return (
    <div className="space-y-6">
      <p>
        <Link to="/admin/templates">All workflow templates</Link>
      </p>
      <PageHeading>{current ? current.template.name : 'Workflow template'}</PageHeading>
      {published !== undefined && (
        <p role="status" className="rounded-md border-l-4 border-green-700 bg-white p-3">
          Version {published} published. Packages submitted from now on follow it; existing packages keep theirs.
        </p>
      )}
      <div aria-busy={versions.isFetching} className="space-y-6">
        {versions.isPending && <LoadingNotice>Loading the template…</LoadingNotice>}
        {versions.isError && <ErrorNotice title="The template could not be loaded." error={versions.error} onRetry={() => void versions.refetch()} retrying={versions.isFetching} />}
        {current && versions.data && (
          <>
            {viewer?.roles.includes('admin') && (
              <p>
                <Link to={`/admin/templates/${key}/new-version`} className={buttonClasses.primary}>
                  Create version {current.template.version + 1}
                </Link>
              </p>
            )}
            <section aria-labelledby="current-version" className="space-y-3">
              <h2 id="current-version" className="text-xl font-semibold">
                Current version: {current.template.version}
              </h2>
              <VersionFacts entry={current} />
            </section>
            <section aria-labelledby="version-history" className="space-y-3">
              <h2 id="version-history" className="text-xl font-semibold">
                Version history
              </h2>
              <ol className="space-y-2">
                {versions.data.map((entry) => (
                  <li key={entry.template.version}>
                    <details className="rounded-md border border-slate-300 bg-white p-3">
                      <summary className="cursor-pointer font-semibold">
                        Version {entry.template.version}
                        {entry.current ? ' (current)' : ''}: {entry.template.steps.length} {entry.template.steps.length === 1 ? 'step' : 'steps'}, {entry.usedBy.length} {entry.usedBy.length === 1 ? 'package' : 'packages'}
                      </summary>
                      <div className="mt-3">
                        <VersionFacts entry={entry} />
                      </div>
                    </details>
                  </li>
                ))}
              </ol>
            </section>
          </>
        )}
      </div>
    </div>
  );
}
