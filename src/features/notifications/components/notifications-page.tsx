import { useEffect, useState } from 'react';
import { buttonClasses } from '#src/components/ui/button.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { describeError } from '#src/lib/describe-error.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useNotifications } from '../api/get-notifications.ts';
import { useMarkNotificationsRead } from '../api/mark-notifications-read.ts';
import { NotificationItem } from './notification-item.tsx';

/**
 * What asks for the user's attention: steps that became theirs, answers, rejections, requests.
 * Opening the list reads it: everything listed is marked read on the server at once (the count
 * in the navigation drops to 0), and what was unread on arrival stays marked "New" for this visit.
 */
export function NotificationsPage() {
  usePageTitle('Notifications');
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const data = notifications.data;
  const newest = data?.items[0]?.seq;
  const unreadIds = data?.items.filter((n) => n.unread).map((n) => n.id).join(' ') ?? '';
  const { mutate, isPending, isError } = markRead;
  // Reading marks everything up to a seq; with unread notifications beyond the 50 listed, that
  // would mark ones never shown. Then the page says so and waits for the user to choose.
  const unreadListed = data?.items.filter((n) => n.unread).length ?? 0;
  const unlistedUnread = Math.max(0, (data?.unreadCount ?? 0) - unreadListed);

  // What arrives unread stays "New" for this visit, after the server has it read.
  const arrived = unreadIds === '' ? [] : unreadIds.split(' ').filter((id) => !fresh.has(id));
  if (arrived.length > 0) setFresh(new Set([...fresh, ...arrived]));

  useEffect(() => {
    // Runs again when a poll brings more: those are on screen too, so read as well.
    // After a failure it waits for "Try again" rather than asking on every render.
    if (unreadIds === '' || newest === undefined || isPending || isError || unlistedUnread > 0) return;
    mutate(newest);
  }, [unreadIds, newest, mutate, isPending, isError, unlistedUnread]);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <PageHeading>Notifications</PageHeading>
        <p className="text-slate-700">{unlistedUnread > 0 ? 'The latest 50, newest first.' : fresh.size > 0 ? `${fresh.size} new since your last visit, now marked read. The latest 50 are listed, newest first.` : 'The latest 50, newest first.'}</p>
      </div>
      {unlistedUnread > 0 && newest !== undefined && (
        <div className="flex flex-wrap items-center gap-3 rounded-md border-l-4 border-amber-600 bg-white p-4 text-slate-900">
          <p>
            {data?.unreadCount} unread: {unlistedUnread} older than these 50 {unlistedUnread === 1 ? 'is' : 'are'} not listed, so nothing was marked read. Open the packages to see what they are about, or mark all of them read.
          </p>
          <button type="button" className={buttonClasses.secondary} disabled={isPending} onClick={() => mutate(newest)}>
            Mark all {data?.unreadCount} read
          </button>
        </div>
      )}
      {markRead.isError && newest !== undefined && (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-md border-l-4 border-red-700 bg-white p-4 text-red-900">
          <p>The notifications could not be marked read: {describeError(markRead.error)}</p>
          <button type="button" className={buttonClasses.secondary} onClick={() => mutate(newest)}>
            Try again
          </button>
        </div>
      )}
      <div aria-busy={notifications.isFetching}>
        {notifications.isPending && <LoadingNotice>Loading your notifications…</LoadingNotice>}
        {notifications.isError && <ErrorNotice title="Your notifications could not be loaded." error={notifications.error} onRetry={() => void notifications.refetch()} retrying={notifications.isFetching} />}
        {data && data.items.length === 0 && <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-slate-700">Nothing new.</p>}
        {data && data.items.length > 0 && (
          <ul aria-label="Notifications, newest first" className="space-y-3">
            {data.items.map((n) => (
              <NotificationItem key={n.id} notification={n} fresh={fresh.has(n.id) || n.unread} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
