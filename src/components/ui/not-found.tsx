import { Link } from 'react-router';
import { PageHeading } from './page-heading.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';

/** The same page for an unknown address and for a package the reader cannot see. */
export function NotFound({ title = 'Page not found', detail }: { title?: string; detail?: string }) {
  usePageTitle(title);
  return (
    <div className="space-y-4">
      <PageHeading>{title}</PageHeading>
      <p className="max-w-prose text-lg text-slate-700">
        {detail ?? 'There is nothing at this address. If you typed it, check it; if you followed a link, it may be out of date.'}
      </p>
      <p>
        <Link to="/">Go to your inbox</Link>
      </p>
    </div>
  );
}
