import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { packageQueryOptions } from '../../lib/get-package.ts';
import { findingsQueryOptions } from '../../lib/package-findings.ts';
import { threadsQueryOptions } from '../../lib/get-threads.ts';
import { versionQueryOptions } from '../../lib/get-version.ts';
import { chooseDiff } from './diff-choice.ts';

/**
 * Starts what the diff view needs when its route is entered, side by side with its code:
 * the package, then the two versions it will compare (as the page chooses them), the
 * threads and the findings. Without it the package was asked for only once the view's code
 * had loaded and rendered, and the versions after that: a waterfall in front of the
 * comparison (docs/decisions/0196). Never blocks the navigation: the page shows its own
 * loading and error states.
 */
export function prefetchDiff(queryClient: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const id = params.id ?? '';
    const search = new URL(request.url).searchParams;
    void queryClient.query(threadsQueryOptions(id)).catch(() => undefined);
    void queryClient.query(findingsQueryOptions(id)).catch(() => undefined);
    void queryClient
      .query(packageQueryOptions(id))
      .then((pkg) => {
        const choice = chooseDiff(search, pkg);
        return choice ? Promise.all([queryClient.query(versionQueryOptions(id, choice.from)), queryClient.query(versionQueryOptions(id, choice.to))]) : undefined;
      })
      // A failure is the page's to show, from its own query.
      .catch(() => undefined);
    return null;
  };
}
