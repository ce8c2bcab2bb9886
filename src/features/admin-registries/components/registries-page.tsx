import { Link } from 'react-router';
import type { AdminRegistries, ConnectionTest } from '#domain/contracts/registries.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { DefinitionList } from '#src/components/ui/definition-list.tsx';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { formatDateTime } from '#src/lib/format.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useRegistries } from '../api/get-registries.ts';
import { useTestConnection } from '../api/test-connection.ts';

type Connector = AdminRegistries['connectors'][number];
type WriteBack = AdminRegistries['recentWriteBacks'][number];

const kindNames: Record<Connector['kind'], string> = { mlflow: 'MLflow', sagemaker: 'SageMaker Model Registry' };
const outcomeLabels: Record<WriteBack['outcome'], string> = { approved: 'Approved', rejected: 'Rejected', lapsed: 'Approval taken back (lapsed)' };
const statusLabels: Record<WriteBack['status'], string> = { pending: 'Pending', done: 'Written', failed: 'Failed', superseded: 'Superseded by a later decision' };

const Code = ({ children }: { children: string }) => <code className="rounded bg-slate-100 px-1 font-mono text-sm break-all">{children}</code>;

function TestResult({ result }: { result: ConnectionTest }) {
  return (
    <p className={result.ok ? 'text-green-800' : 'text-red-800'}>
      <strong>{result.ok ? 'Connection works.' : 'Connection failed.'}</strong> {result.detail} <span className="text-slate-700">({result.call}, {result.durationMs} ms, <time dateTime={result.at}>{formatDateTime(result.at)}</time>)</span>
    </p>
  );
}

function ConnectorCard({ connector }: { connector: Connector }) {
  const test = useTestConnection();
  const headingId = `connector-${connector.id}`;
  const intakeUrl = new URL(connector.intakePath, window.location.origin).toString();
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-md border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id={headingId} className="text-lg font-bold">
        {connector.id} <span className="font-normal text-slate-700">({kindNames[connector.kind]})</span>
      </h3>
      <DefinitionList
        layout="aligned"
        facts={[
          ['Location', <Code key="l">{connector.location}</Code>],
          [connector.kind === 'mlflow' ? 'Webhook URL' : 'API destination endpoint', <Code key="i">{intakeUrl}</Code>],
          ['Deliveries proven by', connector.authentication],
          ...(connector.kind === 'mlflow' ? ([['Alias moved on approval', connector.alias ? <Code key="a">{connector.alias}</Code> : 'None: tags only']] as const) : []),
          [connector.kind === 'mlflow' ? 'Polled models' : 'Polled model package groups', connector.polled.length > 0 ? connector.polled.join(', ') : connector.kind === 'mlflow' ? 'Every registered model' : 'None: events only'],
          ['Default owner of new models', connector.defaultOwner ?? 'None'],
        ]}
      />
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" className={buttonClasses.secondary} disabled={test.isPending} onClick={() => test.mutate(connector.id)}>
          {test.isPending ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {test.data && <TestResult result={test.data} />}
        {test.isError && <p className="text-red-800">The test could not be run: {test.error.message}</p>}
      </div>
    </section>
  );
}

const columns: readonly Column<WriteBack>[] = [
  {
    header: 'Package',
    cell: (w) => (
      <>
        <Link className="underline" to={`/packages/${w.packageId}`}>
          {w.packageId}
        </Link>
        <span className="block text-slate-600">
          <time dateTime={w.createdAt}>{formatDateTime(w.createdAt)}</time>
        </span>
      </>
    ),
  },
  {
    header: 'Registry version',
    className: 'break-all',
    cell: (w) => (
      <>
        {w.connector}: {w.registryModel.slice(w.registryModel.lastIndexOf('/') + 1)} version {w.registryVersion}
      </>
    ),
  },
  { header: 'Outcome', cell: (w) => outcomeLabels[w.outcome] },
  {
    header: 'Status',
    cell: (w) => (
      <>
        {statusLabels[w.status]}
        {w.attempts > 0 && <span className="block text-slate-600">{w.attempts === 1 ? '1 attempt' : `${w.attempts} attempts`}</span>}
        {w.nextAttemptAt && (
          <span className="block text-slate-600">
            Next try <time dateTime={w.nextAttemptAt}>{formatDateTime(w.nextAttemptAt)}</time>
          </span>
        )}
        {w.lastError && <span className="block break-words text-red-800">{w.lastError}</span>}
      </>
    ),
  },
];

/** Administration: the connected model registries, a connection test for each, and where each write-back stands. */
export function RegistriesPage() {
  usePageTitle('Model registries');
  const registries = useRegistries();
  return (
    <div className="max-w-5xl space-y-8">
      <PageHeading>Model registries</PageHeading>
      <p>
        New model versions in these registries become draft packages for their owners; each final approval, rejection or lapse is written back to the version. Connectors are set
        by environment variables and secrets files on the server (see the README); credentials are never stored in the database or shown here.
      </p>
      {registries.isPending && <LoadingNotice>Loading the registries…</LoadingNotice>}
      {registries.isError && <ErrorNotice title="The registries could not be loaded." error={registries.error} onRetry={() => void registries.refetch()} retrying={registries.isFetching} />}
      {registries.data && (
        <>
          <section aria-labelledby="connectors-heading" className="space-y-4">
            <h2 id="connectors-heading" className="text-xl font-bold">
              Connectors
            </h2>
            {registries.data.connectors.length === 0 ? (
              <p>No registry is connected. Set REGISTRY_MLFLOW_URL or REGISTRY_SAGEMAKER_REGION (with their secrets) and restart the server.</p>
            ) : (
              registries.data.connectors.map((connector) => <ConnectorCard key={connector.id} connector={connector} />)
            )}
          </section>
          <section aria-labelledby="writebacks-heading" className="space-y-3">
            <h2 id="writebacks-heading" className="text-xl font-bold">
              Recent write-backs
            </h2>
            {registries.data.recentWriteBacks.length === 0 ? (
              <p>No decision has been written back to a registry yet.</p>
            ) : (
              <DataTable look="card" className="text-sm" caption="Recent write-backs, newest first" rowHeaders={false} columns={columns} rows={registries.data.recentWriteBacks} rowKey={(w) => w.id} />
            )}
          </section>
        </>
      )}
    </div>
  );
}
