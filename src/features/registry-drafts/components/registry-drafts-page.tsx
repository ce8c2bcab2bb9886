import { useState } from 'react';
import { Link } from 'react-router';
import type { RegistryDraft } from '#domain/contracts/registries.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { formatDateTime } from '#src/lib/format.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { fetchRegistryDraft, useRegistryDrafts } from '../api/list-drafts.ts';

type DraftSummary = Omit<RegistryDraft, 'template'>;

/** Saves the draft's pre-filled package content as a JSON file, to complete and submit. */
function DownloadDraft({ draft }: { draft: DraftSummary }) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  async function download() {
    setState('busy');
    try {
      const full = await fetchRegistryDraft(draft.id);
      const url = URL.createObjectURL(new Blob([`${JSON.stringify(full.template, null, 2)}\n`], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${draft.modelKey}-${draft.versionLabel}-draft.json`;
      link.click();
      URL.revokeObjectURL(url);
      setState('idle');
    } catch {
      setState('failed');
    }
  }
  return (
    <>
      <button type="button" className={`${buttonClasses.secondary} whitespace-nowrap`} disabled={state === 'busy'} onClick={() => void download()} aria-label={`Download JSON for ${draft.modelKey} ${draft.versionLabel}`}>
        Download JSON
      </button>
      {state === 'failed' && (
        <span role="alert" className="block text-red-800">
          The draft could not be downloaded; try again.
        </span>
      )}
    </>
  );
}

const columns: readonly Column<DraftSummary>[] = [
  {
    header: 'Model version',
    cell: (d) => (
      <>
        <span className="font-semibold">{d.modelKey}</span> {d.versionLabel}
        <span className="block font-normal text-slate-600">
          Received <time dateTime={d.receivedAt}>{formatDateTime(d.receivedAt)}</time>
        </span>
      </>
    ),
  },
  {
    header: 'From',
    className: 'break-words',
    cell: (d) => (
      <>
        {d.connector}: {d.registryModel.slice(d.registryModel.lastIndexOf('/') + 1)} version {d.registryVersion}
      </>
    ),
  },
  { header: 'Owner', cell: (d) => d.owner?.displayName ?? 'No owner found (an administrator submits it)' },
  {
    header: 'Package',
    cell: (d) =>
      d.packageId ? (
        <Link className="underline" to={`/packages/${d.packageId}`}>
          Submitted: open the package
        </Link>
      ) : (
        <DownloadDraft draft={d} />
      ),
  },
];

/** Model owners: the draft packages registry events made for them, to complete and submit. */
export function RegistryDraftsPage() {
  usePageTitle('Registry drafts');
  const drafts = useRegistryDrafts();
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeading>Registry drafts</PageHeading>
      <p>
        Each new version registered in a connected model registry (MLflow or SageMaker) starts a draft here, pre-filled with what the registry knows: the version, its tags and
        description, the evaluation metrics and the datasets. Policy thresholds, risks and the narratives are yours to complete. Download the draft, complete it, and submit it as a
        package (<code>npm run submit</code> or <code>POST /api/packages</code>); its review then starts as for any package.
      </p>
      {drafts.isPending && <LoadingNotice>Loading the drafts…</LoadingNotice>}
      {drafts.isError && <ErrorNotice title="The drafts could not be loaded." error={drafts.error} onRetry={() => void drafts.refetch()} retrying={drafts.isFetching} />}
      {drafts.data &&
        (drafts.data.length === 0 ? (
          <p>No registry event has made a draft for you yet.</p>
        ) : (
          <DataTable look="card" caption="Drafts from model registries, newest first" columns={columns} rows={drafts.data} rowKey={(d) => d.id} />
        ))}
    </div>
  );
}
