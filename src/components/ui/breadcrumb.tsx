import { Fragment } from 'react';
import { Link } from 'react-router';

export interface Crumb {
  label: string;
  /** Where it leads; without it the crumb is plain text, for a page not known yet. */
  to?: string | undefined;
}

/** Where this page sits: the pages above it, each a link, then this page. */
export function Breadcrumb({ trail, current, className }: { trail: readonly Crumb[]; current: string; className?: string }) {
  return (
    <nav aria-label="Breadcrumb" className={className}>
      <ol className="flex flex-wrap gap-2 text-sm">
        {/* The trail is fixed by the page, never reordered: the index is a stable key. */}
        {trail.map((crumb, index) => (
          <Fragment key={index}>
            <li>{crumb.to ? <Link to={crumb.to}>{crumb.label}</Link> : crumb.label}</li>
            <li aria-hidden="true" className="text-slate-500">
              /
            </li>
          </Fragment>
        ))}
        <li aria-current="page" className="text-slate-700">
          {current}
        </li>
      </ol>
    </nav>
  );
}
