import { useNotifications } from '../api/get-notifications.ts';

/** "Notifications (3)" in the navigation, read as "Notifications, 3 unread"; kept live by the query's polling. */
export function NotificationsNavLabel() {
  const count = useNotifications().data?.unreadCount;
  if (count === undefined) return <>Notifications</>;
  return (
    <>
      Notifications<span aria-hidden="true"> ({count})</span>
      <span className="sr-only">, {count} unread</span>
    </>
  );
}
