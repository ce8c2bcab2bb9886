import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { packageQueryOptions } from '../lib/get-package.ts';
import { threadsQueryOptions } from '../lib/get-threads.ts';
import { versionQueryOptions } from '../lib/get-version.ts';
import { chooseVersion } from '../features/review/version-choice.ts';

/**
 * Starts everything a package page needs the moment the route is entered, side by side:
 * the content view's code, the package, then the version the page will show, and its
 * threads. Without it each request would wait for the component that makes it to render
 * (a waterfall of several hundred milliseconds on a large package). Never blocks the
 * navigation: the page shows its own loading and error states.
 */
export function prefetchPackage(queryClient: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const id = params.id ?? '';
    const requested = new URL(request.url).searchParams.get('version');
    void import('../features/review/components/package-content.tsx').catch(() => undefined);
    void queryClient.query(threadsQueryOptions(id)).catch(() => undefined);
    void queryClient
      .query(packageQueryOptions(id))
      .then((pkg) => {
        const choice = chooseVersion(requested, pkg.versions.map((version) => version.number));
        return choice ? queryClient.query(versionQueryOptions(id, choice.number)) : undefined;
      })
      // A failure is the page's to show, from its own query.
      .catch(() => undefined);
    return null;
  };
}
