import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { useBusinessLines } from '#src/lib/business-lines.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { AddBusinessLineForm } from './add-business-line-form.tsx';
import { BusinessLineList } from './business-line-list.tsx';

/** Administration: the organisation's business lines, the only ones packages, policies and templates may name (docs/decisions/0168). */
export function BusinessLinesPage() {
  usePageTitle('Business lines');
  const lines = useBusinessLines();
  return (
    <div className="max-w-3xl space-y-8">
      <PageHeading>Business lines</PageHeading>
      <p>A package’s business line chooses its policy and its approval chain, so a package, a policy and a template may only name a line of this list, spelled as it is here.</p>
      <section aria-labelledby="lines-heading" className="space-y-3">
        <h2 id="lines-heading" className="text-xl font-bold">
          Lines
        </h2>
        {lines.isPending && <LoadingNotice>Loading the business lines…</LoadingNotice>}
        {lines.isError && <ErrorNotice title="The business lines could not be loaded." error={lines.error} onRetry={() => void lines.refetch()} retrying={lines.isFetching} />}
        {lines.data && <BusinessLineList lines={lines.data} />}
      </section>
      <section aria-labelledby="add-line-heading" className="space-y-3">
        <h2 id="add-line-heading" className="text-xl font-bold">
          Add a business line
        </h2>
        <AddBusinessLineForm />
      </section>
    </div>
  );
}
