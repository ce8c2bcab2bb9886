import { Link, useSearchParams } from 'react-router';
import type { InboxTab, InboxTabId } from '../tabs.ts';

interface Props {
  tabs: readonly InboxTab[];
  current: InboxTabId;
  /** Packages under each tab, once the list has loaded. */
  counts: Partial<Record<InboxTabId, number>>;
}

const linkClasses =
  'block whitespace-nowrap border-b-4 border-transparent px-1 py-2 font-semibold text-slate-700 no-underline hover:border-slate-300 hover:text-slate-900 aria-[current=page]:border-blue-800 aria-[current=page]:text-slate-900';

/**
 * Links styled as tabs rather than an ARIA tablist: each tab is an address (`?tab=`) that can
 * be bookmarked and shared, and links need no keyboard handling of our own. The filters stay.
 */
export function InboxTabs({ tabs, current, counts }: Props) {
  const [searchParams] = useSearchParams();
  const searchFor = (id: InboxTabId) => {
    const next = new URLSearchParams(searchParams);
    next.set('tab', id);
    return `?${next.toString()}`;
  };
  return (
    <nav aria-label="Inbox views" className="border-b border-slate-200">
      <ul className="flex flex-wrap gap-x-6">
        {tabs.map((tab) => {
          const count = counts[tab.id];
          return (
            <li key={tab.id}>
              <Link to={{ search: searchFor(tab.id) }} aria-current={tab.id === current ? 'page' : undefined} className={linkClasses}>
                {tab.label}
                {count !== undefined && ` (${count})`}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
