import { Link } from 'react-router';
import { roleLabels } from '#domain/contracts/roles.ts';
import type { TemplateVersionEntry } from '#domain/contracts/template-admin.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
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

type TemplateRow = ReturnType<typeof currentPerKey>[number];

const columns: readonly Column<TemplateRow>[] = [
  {
    header: 'Template',
    className: 'font-normal',
    cell: ({ current }) => (
      <>
        <Link to={`/admin/templates/${current.template.key}`} className="font-semibold">
          {current.template.name}
        </Link>
        <br />
        <span className="text-sm text-slate-700">{current.template.key}</span>
      </>
    ),
  },
  { header: 'Current version', cell: ({ current, versions }) => `Version ${current.template.version} of ${versions}` },
  { header: 'Applies to', cell: ({ current }) => tiersText(current.template) },
  { header: 'Steps', cell: ({ current }) => current.template.steps.map((s) => roleLabels[s.role]).join(' → ') },
  { header: 'Packages', cell: ({ packages }) => packages },
];

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
          <DataTable look="ruled" caption="Workflow templates, by key" columns={columns} rows={rows} rowKey={({ current }) => current.template.key} />
        )}
      </div>
    </div>
  );
}
