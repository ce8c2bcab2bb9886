import { useState } from 'react';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useWebhooks } from '../api/list-webhooks.ts';
import { RegisterWebhookForm } from './register-webhook-form.tsx';
import { SecretNotice } from './secret-notice.tsx';
import { WebhookList } from './webhook-list.tsx';

/** Administration: endpoints that receive workflow events, and what was delivered to them. */
export function WebhooksPage() {
  usePageTitle('Webhooks');
  const webhooks = useWebhooks();
  // The secret lives here only until the administrator says it is stored.
  const [registered, setRegistered] = useState<{ url: string; secret: string } | null>(null);

  return (
    <div className="max-w-5xl space-y-8">
      <PageHeading>Webhooks</PageHeading>
      <p>
        Each workflow event (a submission, a step approved, a rejection, a package fully approved) is POSTed as JSON to the endpoints subscribed to it, signed in the Standard
        Webhooks style. A receiver that does not answer 2xx is tried again after 5 s, 30 s, 2 min, 10 min, 1 h and 6 h.
      </p>
      {registered && <SecretNotice url={registered.url} secret={registered.secret} onDone={() => setRegistered(null)} />}
      <section aria-labelledby="endpoints-heading" className="space-y-3">
        <h2 id="endpoints-heading" className="text-xl font-bold">
          Endpoints
        </h2>
        {webhooks.isPending && <LoadingNotice>Loading the endpoints…</LoadingNotice>}
        {webhooks.isError && <ErrorNotice title="The endpoints could not be loaded." error={webhooks.error} onRetry={() => void webhooks.refetch()} retrying={webhooks.isFetching} />}
        {webhooks.data && <WebhookList endpoints={webhooks.data} />}
      </section>
      <section aria-labelledby="register-heading" className="space-y-3">
        <h2 id="register-heading" className="text-xl font-bold">
          Register an endpoint
        </h2>
        <RegisterWebhookForm onRegistered={setRegistered} />
      </section>
    </div>
  );
}
