import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { useDelegations } from '../api/get-delegations.ts';
import { DelegationForm } from './delegation-form.tsx';
import { DelegationList } from './delegation-list.tsx';

/** Account settings: the roles you delegated while away, and those delegated to you. */
export function DelegationsPage() {
  usePageTitle('Delegations');
  const viewer = useViewer();
  const delegations = useDelegations();
  if (!viewer) return null;
  return (
    <div className="max-w-3xl space-y-8">
      <PageHeading>Delegations</PageHeading>
      <p>
        While you are away, a colleague you name can decide your workflow steps for a bounded time. Every decision they sign says it was made on your behalf, and you can revoke the
        delegation at any moment. One an administrator arranges for you acts only once you accept it.
      </p>
      <section aria-labelledby="delegations-heading" className="space-y-3">
        <h2 id="delegations-heading" className="text-xl font-bold">
          Given and received
        </h2>
        {delegations.isPending && <LoadingNotice>Loading your delegations…</LoadingNotice>}
        {delegations.isError && <ErrorNotice title="Your delegations could not be loaded." error={delegations.error} onRetry={() => void delegations.refetch()} retrying={delegations.isFetching} />}
        {delegations.data?.length === 0 && <p className="rounded-md border border-slate-200 bg-white p-4">You have not delegated a role, and no one has delegated one to you.</p>}
        {delegations.data && delegations.data.length > 0 && <DelegationList delegations={delegations.data} viewerId={viewer.id} isAdmin={viewer.roles.includes('admin')} />}
      </section>
      <section aria-labelledby="delegate-heading" className="space-y-3">
        <h2 id="delegate-heading" className="text-xl font-bold">
          Delegate a role
        </h2>
        <DelegationForm viewer={viewer} />
      </section>
    </div>
  );
}
