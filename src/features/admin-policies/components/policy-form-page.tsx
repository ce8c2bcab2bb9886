import { Link, useParams } from 'react-router';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { NotFound } from '#src/components/ui/not-found.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { usePolicyVersions } from '../api/list-policies.ts';
import { draftFromPolicy, emptyPolicyDraft } from '../policy-draft.ts';
import { PolicyForm } from './policy-form.tsx';

/** A new policy: everything typed here. */
export function NewPolicyPage() {
  usePageTitle('New governance policy');
  return (
    <div className="space-y-6">
      <p>
        <Link to="/admin/policies">All policies</Link>
      </p>
      <PageHeading>New governance policy</PageHeading>
      <PolicyForm initial={emptyPolicyDraft()} replacesVersion={0} cancelTo="/admin/policies" />
    </div>
  );
}

/** The next version of a policy, drafted from the current one. */
export function NewPolicyVersionPage() {
  const { key = '' } = useParams();
  const versions = usePolicyVersions(key);
  const current = versions.data?.find((v) => v.current);
  usePageTitle(current ? `New version of ${current.policy.name}` : 'New policy version');
  if (versions.data && !current) return <NotFound title="Policy not found" detail={`There is no governance policy "${key}".`} />;
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/admin/policies/${key}`}>Back to the policy</Link>
      </p>
      <PageHeading>{current ? `New version of ${current.policy.name}` : 'New policy version'}</PageHeading>
      <div aria-busy={versions.isFetching}>
        {versions.isPending && <LoadingNotice>Loading the policy…</LoadingNotice>}
        {versions.isError && <ErrorNotice title="The policy could not be loaded." error={versions.error} onRetry={() => void versions.refetch()} retrying={versions.isFetching} />}
        {current && <PolicyForm initial={draftFromPolicy(current.policy)} replacesVersion={current.policy.version} cancelTo={`/admin/policies/${key}`} />}
      </div>
    </div>
  );
}
