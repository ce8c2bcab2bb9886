import { Link, useParams } from 'react-router';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { NotFound } from '#src/components/ui/not-found.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useTemplateVersions } from '../api/list-templates.ts';
import { draftFrom } from '../template-draft.ts';
import { TemplateForm } from './template-form.tsx';

/** An administrator drafts the next version from the current one and publishes it. */
export function NewVersionPage() {
  const { key = '' } = useParams();
  const versions = useTemplateVersions(key);
  const current = versions.data?.find((v) => v.current);
  usePageTitle(current ? `New version of ${current.template.name}` : 'New template version');
  if (versions.data && !current) return <NotFound title="Template not found" detail={`There is no workflow template "${key}".`} />;
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/admin/templates/${key}`}>Back to the template</Link>
      </p>
      <PageHeading>{current ? `New version of ${current.template.name}` : 'New template version'}</PageHeading>
      {current && <p className="max-w-prose text-slate-700">Starts from version {current.template.version}. A new version applies to packages submitted from now on; existing packages keep theirs.</p>}
      <div aria-busy={versions.isFetching}>
        {versions.isPending && <LoadingNotice>Loading the template…</LoadingNotice>}
        {versions.isError && <ErrorNotice title="The template could not be loaded." error={versions.error} onRetry={() => void versions.refetch()} retrying={versions.isFetching} />}
        {current && <TemplateForm initial={draftFrom(current.template)} replacesVersion={current.template.version} cancelTo={`/admin/templates/${current.template.key}`} />}
      </div>
    </div>
  );
}
