import { Link } from 'react-router';
import type { DashboardPackageList } from '#domain/contracts/dashboard.ts';
import { hrefOf } from '../governance-links.ts';
import { DashboardSection, EmptyState } from './dashboard-section.tsx';
import { PendingTable } from './pending-table.tsx';

interface Props {
  list: DashboardPackageList;
  /** The section's heading; the list's size is added to it. */
  title: string;
  description: string;
  /** The table's caption: what the rows are, in which order. */
  caption: string;
  /** What the link names the packages: "pending reviews". */
  noun: string;
  empty: string;
  now: Date;
}

/**
 * One of the dashboard's package lists: its first page, and a link to the inventory list that
 * holds every package it counts (decision record 0159), so the page costs the same whatever the
 * inventory's size, and the heading's count is the list the link opens.
 */
export function PackageListSection({ list, title, description, caption, noun, empty, now }: Props) {
  const shown = list.items.length;
  const partial = shown < list.total;
  return (
    <DashboardSection title={`${title} (${list.total})`} description={description}>
      {shown > 0 ? <PendingTable items={list.items} caption={partial ? `${caption}: the first ${shown} of ${list.total}` : caption} now={now} /> : <EmptyState>{empty}</EmptyState>}
      {list.total > 0 && (
        <p>
          <Link to={hrefOf(list.link)}>{partial ? `Show all ${list.total} ${noun}` : `Open the ${noun} in the inventory`}</Link>
        </p>
      )}
    </DashboardSection>
  );
}
