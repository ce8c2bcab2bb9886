import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router';
import { buttonClasses } from '../components/ui/button.ts';
import { NotFound } from '../components/ui/not-found.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { describeError } from '../lib/describe-error.ts';
import { usePageTitle } from '../lib/use-page-title.ts';
import { PublicShell } from './public-shell.tsx';

const title = 'Something went wrong';

/** What an unexpected failure shows, inside whichever frame is still standing. */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  usePageTitle(notFound ? 'Page not found' : title);
  if (notFound) return <NotFound />;
  const retrying = revalidator.state === 'loading';
  return (
    <div className="space-y-4">
      <PageHeading>{title}</PageHeading>
      <p role="alert" className="max-w-prose text-lg text-slate-700">
        {describeError(error)}
      </p>
      <div className="flex flex-wrap items-center gap-4">
        {/* Revalidating reruns the loaders and resets the error boundary. */}
        <button type="button" className={buttonClasses.primary} onClick={() => void revalidator.revalidate()} disabled={retrying}>
          {retrying ? 'Trying again…' : 'Try again'}
        </button>
        <Link to="/">Go to your inbox</Link>
      </div>
    </div>
  );
}

/** The root's error element: nothing of the app's frame rendered, so bring a plain one. */
export function RootError() {
  return (
    <PublicShell>
      <RouteError />
    </PublicShell>
  );
}
