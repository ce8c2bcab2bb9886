import { useState } from 'react';
import type { ApiTokenSummary } from '#domain/contracts/api-tokens.ts';
import { buttonClasses } from '#src/components/ui/button.ts';
import { InlineConfirmation } from '#src/components/ui/inline-confirmation.tsx';
import { describeError } from '#src/lib/describe-error.ts';
import { formatDateTime } from '#src/lib/format.ts';
import { useRevokeApiToken } from '../api/revoke-api-token.ts';

/** Every token, newest first; an active one can be revoked after a confirmation. */
export function TokenList({ tokens }: { tokens: readonly ApiTokenSummary[] }) {
  const revoking = useRevokeApiToken();
  const [confirming, setConfirming] = useState<string | null>(null);

  if (tokens.length === 0) return <p className="rounded-md border border-slate-200 bg-white p-4">No API token yet.</p>;
  return (
    <div className="space-y-2">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">API tokens, newest first</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-2">
              Name
            </th>
            <th scope="col" className="p-2">
              Model
            </th>
            <th scope="col" className="p-2">
              Created
            </th>
            <th scope="col" className="p-2">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="p-2 font-semibold">
                {token.name}
              </th>
              <td className="p-2">
                <code className="font-mono">{token.modelKey}</code>
              </td>
              <td className="p-2">
                <time dateTime={token.createdAt}>{formatDateTime(token.createdAt)}</time>
                <span className="block text-sm text-slate-600">by {token.createdBy.displayName}</span>
              </td>
              <td className="p-2">
                {token.revoked ? (
                  <span>
                    Revoked <time dateTime={token.revoked.at}>{formatDateTime(token.revoked.at)}</time>
                    <span className="block text-sm text-slate-600">by {token.revoked.by.displayName}</span>
                  </span>
                ) : confirming === token.id ? (
                  <InlineConfirmation
                    label={`Confirm revoking ${token.name}`}
                    confirm="Revoke token"
                    onConfirm={() => revoking.mutate(token.id, { onSettled: () => setConfirming(null) })}
                    onCancel={() => setConfirming(null)}
                  >
                    Revoke it? The pipeline using it is refused from now on.
                  </InlineConfirmation>
                ) : (
                  <span className="flex flex-wrap items-center gap-2">
                    <span>Active</span>
                    <button type="button" className={buttonClasses.secondary} onClick={() => setConfirming(token.id)} aria-label={`Revoke ${token.name}`}>
                      Revoke
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoking.error && (
        <p role="alert" className="text-red-800">
          {describeError(revoking.error)}
        </p>
      )}
    </div>
  );
}
