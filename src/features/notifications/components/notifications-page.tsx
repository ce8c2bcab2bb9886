import { buttonClasses } from '#src/components/ui/button.ts';
import { ErrorNotice } from '#src/components/ui/error-notice.tsx';
import { LoadingNotice } from '#src/components/ui/loading-notice.tsx';
import { PageHeading } from '#src/components/ui/page-heading.tsx';
import { describeError } from '#src/lib/describe-error.ts';
import { usePageTitle } from '#src/lib/use-page-title.ts';
import { useNotifications } from '../api/get-notifications.ts';
import { useMarkNotificationsRead } from '../api/mark-notifications-read.ts';
import { NotificationItem } from './notification-item.tsx';

/** What asks for the user's attention: steps that became theirs, answers, rejections, requests. */
export function NotificationsPage() {
  usePageTitle('Notifications');
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const data = notifications.data;
  const newest = data?.items[0]?.seq;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <PageHeading>Notifications</PageHeading>
          <p className="text-slate-700">{data ? `${data.unreadCount} unread. The latest 50 are listed, newest first.` : 'The latest 50, newest first.'}</p>
        </div>
        {data && newest !== undefined && data.unreadCount > 0 && (
          <button type="button" className={buttonClasses.secondary} disabled={markRead.isPending} onClick={() => markRead.mutate(newest)}>
            {markRead.isPending ? 'Marking…' : 'Mark all as read'}
          </button>
        )}
      </div>
      {markRead.isError && (
        <p role="alert" className="rounded-md border-l-4 border-red-700 bg-white p-4 text-red-900">
          The notifications could not be marked read: {describeError(markRead.error)}
        </p>
      )}
      <div aria-busy={notifications.isFetching}>
        {notifications.isPending && <LoadingNotice>Loading your notifications…</LoadingNotice>}
        {notifications.isError && <ErrorNotice title="Your notifications could not be loaded." error={notifications.error} onRetry={() => void notifications.refetch()} retrying={notifications.isFetching} />}
        {data && data.items.length === 0 && <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-slate-700">Nothing new.</p>}
        {data && data.items.length > 0 && (
          <ul aria-label="Notifications, newest first" className="space-y-3">
            {data.items.map((n) => (
              <NotificationItem key={n.id} notification={n} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
