import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { packageQueryOptions } from '../../lib/get-package.ts';
import { threadsQueryOptions } from '../../lib/get-threads.ts';
import { versionQueryOptions } from '../../lib/get-version.ts';

/**
 * Starts what the resubmit page needs when its route is entered: the package, then its
 * latest version (the draft's starting point), and the threads (the clarifications to
 * answer). Never blocks the navigation: the page shows its own loading and error states.
 */
export function prefetchResubmit(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const id = params.id ?? '';
    void queryClient.query(threadsQueryOptions(id)).catch(() => undefined);
    void queryClient
      .query(packageQueryOptions(id))
      .then((pkg) => queryClient.query(versionQueryOptions(id, pkg.latestVersion)))
      .catch(() => undefined);
    return null;
  };
}
