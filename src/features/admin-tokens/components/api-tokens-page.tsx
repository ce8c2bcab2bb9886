import { useState } from 'react';
import type { CreatedApiToken } from '#domain/contracts/api-tokens.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useApiTokens } from '../api/list-api-tokens.ts';
import { CreateTokenForm } from './create-token-form.tsx';
import { SecretNotice } from './secret-notice.tsx';
import { TokenList } from './token-list.tsx';

/** API tokens with which pipelines submit packages for one model each: an owner's own, or (administrators) all of them. */
export function ApiTokensPage() {
  usePageTitle('API tokens');
  const tokens = useApiTokens();
  // The secret lives here only until the administrator says it is stored.
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  return (
    <div className="max-w-4xl space-y-8">
      <PageHeading>API tokens</PageHeading>
      <p>
        A training pipeline submits packages and new versions with <code className="font-mono">npm run submit</code> and an API token. Each token is scoped to one model you own
        and submits in your name, as long as you own the model; the audit log names the token with every submission. Administrators see and revoke every token.
      </p>
      {created && <SecretNotice name={created.token.name} modelKey={created.token.modelKey} secret={created.secret} onDone={() => setCreated(null)} />}
      <section aria-labelledby="tokens-heading" className="space-y-3">
        <h2 id="tokens-heading" className="text-xl font-bold">
          Tokens
        </h2>
        {tokens.isPending && <LoadingNotice>Loading the API tokens…</LoadingNotice>}
        {tokens.isError && <ErrorNotice title="The API tokens could not be loaded." error={tokens.error} onRetry={() => void tokens.refetch()} retrying={tokens.isFetching} />}
        {tokens.data && <TokenList tokens={tokens.data.items} />}
      </section>
      <section aria-labelledby="create-heading" className="space-y-3">
        <h2 id="create-heading" className="text-xl font-bold">
          Create a token
        </h2>
        {tokens.data && tokens.data.models.length === 0 && <p>You own no model yet: a token is created by the owner of the model it submits for, and submits in their name.</p>}
        {tokens.data && tokens.data.models.length > 0 && <CreateTokenForm models={tokens.data.models} onCreated={setCreated} />}
      </section>
    </div>
  );
}
