import { Link } from 'react-router';
import { roleLabels } from '#domain/contracts/roles.ts';
import type { TemplateVersionEntry } from '#domain/contracts/template-admin.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { buttonClasses } from '#src/components/ui/button.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { useTemplates } from '../api/list-templates.ts';
import { tiersText } from './template-steps.tsx';

/** One row per template key: its current version, how many versions it has had, and its chain. */
function currentPerKey(items: readonly TemplateVersionEntry[]): { current: TemplateVersionEntry; versions: number; packages: number }[] {
  const byKey = new Map<string, TemplateVersionEntry[]>();
  for (const item of items) byKey.set(item.template.key, [...(byKey.get(item.template.key) ?? []), item]);
  return [...byKey.values()].flatMap((versions) => {
    const current = versions.find((v) => v.current) ?? versions[0];
    return current ? [{ current, versions: versions.length, packages: versions.reduce((n, v) => n + v.usedBy.length, 0) }] : [];
  });
}

export function TemplatesPage() {
  usePageTitle('Workflow templates');
  const templates = useTemplates();
  const viewer = useViewer();
  const rows = templates.data ? currentPerKey(templates.data) : [];
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading>Workflow templates</PageHeading>
        <p className="max-w-prose text-slate-700">The approval chain a package follows is chosen by its risk tier and business line. Templates are versioned: a package keeps the version it was submitted under.</p>
      </div>
      {viewer?.roles.includes('admin') && (
        <p>
          <Link to="/admin/templates/new" className={buttonClasses.primary}>
            New template
          </Link>
        </p>
      )}
      <div aria-busy={templates.isFetching}>
        {templates.isPending && <LoadingNotice>Loading the templates…</LoadingNotice>}
        {templates.isError && <ErrorNotice title="The templates could not be loaded." error={templates.error} onRetry={() => void templates.refetch()} retrying={templates.isFetching} />}
        {templates.data && rows.length === 0 && <p className="text-slate-700">No workflow template exists yet.</p>}
        {rows.length > 0 && (
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Workflow templates, by key</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="p-2">Template</th>
                <th scope="col" className="p-2">Current version</th>
                <th scope="col" className="p-2">Applies to</th>
                <th scope="col" className="p-2">Steps</th>
                <th scope="col" className="p-2">Packages</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ current, versions, packages }) => (
                <tr key={current.template.key} className="border-b border-slate-200 align-top">
                  <th scope="row" className="p-2 font-normal">
                    <Link to={`/admin/templates/${current.template.key}`} className="font-semibold">
                      {current.template.name}
                    </Link>
                    <br />
                    <span className="text-sm text-slate-700">{current.template.key}</span>
                  </th>
                  <td className="p-2">
                    Version {current.template.version} of {versions}
                  </td>
                  <td className="p-2">{tiersText(current.template)}</td>
                  <td className="p-2">{current.template.steps.map((s) => roleLabels[s.role]).join(' → ')}</td>
                  <td className="p-2">{packages}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
