import { useState } from 'react';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useViewer } from '#src/lib/use-viewer.ts';
import { useCatalogueProposals } from '../api/catalogue-proposals.ts';
import { ProposalList } from './proposal-list.tsx';

/** Administration: catalogue changes one administrator proposed, waiting for another's approval (docs/decisions/0182). */
export function CatalogueProposalsPage() {
  usePageTitle('Catalogue proposals');
  const viewer = useViewer();
  const proposals = useCatalogueProposals();
  const [outcome, setOutcome] = useState('');
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeading>Catalogue proposals</PageHeading>
      <p>
        Policies, workflow templates, the tiering method, the revalidation schedule and the business lines are what every package is judged by. A change one administrator proposes takes
        effect when another approves the content shown here, identified by its SHA-256.
      </p>
      <p role="status" className={outcome ? 'rounded-md border-l-4 border-green-700 bg-green-50 p-3' : 'sr-only'}>
        {outcome}
      </p>
      <section aria-labelledby="pending-proposals-heading" className="space-y-3">
        <h2 id="pending-proposals-heading" className="text-xl font-bold">
          Waiting for a second administrator
        </h2>
        {proposals.isPending && <LoadingNotice>Loading the proposals…</LoadingNotice>}
        {proposals.isError && <ErrorNotice title="The proposals could not be loaded." error={proposals.error} onRetry={() => void proposals.refetch()} retrying={proposals.isFetching} />}
        {proposals.data && <ProposalList proposals={proposals.data.items} viewerId={viewer?.id} onOutcome={setOutcome} />}
      </section>
    </div>
  );
}
