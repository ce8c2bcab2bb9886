import type { ApiTokenSummary } from '#domain/contracts/api-tokens.ts';
import { ConfirmStep } from '#src/components/ui/confirm-step.tsx';
import { DataTable, type Column } from '#src/components/ui/data-table.tsx';
import { describeError } from '#src/lib/describe-error.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { useRevokeApiToken } from '../api/revoke-api-token.ts';

const columns = (revoke: (token: ApiTokenSummary, done: () => void) => void): readonly Column<ApiTokenSummary>[] => [
  { header: 'Name', className: 'font-semibold', cell: (token) => token.name },
  { header: 'Model', cell: (token) => <code className="font-mono">{token.modelKey}</code> },
  {
    header: 'Created',
    cell: (token) => (
      <>
        <time dateTime={token.createdAt}>{formatDateTime(token.createdAt)}</time>
        <span className="block text-sm text-slate-600">by {token.createdBy.displayName}</span>
      </>
    ),
  },
  {
    header: 'Status',
    cell: (token) =>
      token.revoked ? (
        <span>
          Revoked <time dateTime={token.revoked.at}>{formatDateTime(token.revoked.at)}</time>
          <span className="block text-sm text-slate-600">by {token.revoked.by.displayName}</span>
        </span>
      ) : (
        <ConfirmStep
          beside={<span>Active</span>}
          action="Revoke"
          actionLabel={`Revoke ${token.name}`}
          label={`Confirm revoking ${token.name}`}
          confirm="Revoke token"
          onConfirm={(done) => revoke(token, done)}
        >
          Revoke it? The pipeline using it is refused from now on.
        </ConfirmStep>
      ),
  },
];

/** Every token, newest first; an active one can be revoked after a confirmation. */
export function TokenList({ tokens }: { tokens: readonly ApiTokenSummary[] }) {
  const revoking = useRevokeApiToken();
  const revoke = (token: ApiTokenSummary, done: () => void) => revoking.mutate(token.id, { onSettled: done });

  if (tokens.length === 0) return <p className="rounded-md border border-slate-200 bg-white p-4">No API token yet.</p>;
  return (
    <div className="space-y-2">
      <DataTable look="ruled" caption="API tokens, newest first" columns={columns(revoke)} rows={tokens} rowKey={(token) => token.id} />
      {revoking.error && (
        <p role="alert" className="text-red-800">
          {describeError(revoking.error)}
        </p>
      )}
    </div>
  );
}
