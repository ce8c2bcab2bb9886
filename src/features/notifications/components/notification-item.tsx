import { Link } from 'react-router';
import type { Notification, NotificationKind } from '#domain/contracts/notifications.ts';
import { formatDateTime } from '#src/lib/format.ts';

const kindLabels: Record<NotificationKind, string> = {
  step_active: 'Your step is active',
  clarification_answered: 'Clarification answered',
  package_rejected: 'Package rejected',
  clarification_requested: 'Clarification requested',
  re_review_due: 'Re-review due',
  package_approved: 'Package approved',
  finding_assigned: 'Finding assigned to you',
  finding_due: 'Finding due',
  monitoring_alert: 'Monitoring alert',
  obligation_assigned: 'Condition assigned to you',
  obligation_sent_back: 'Condition sent back',
  obligation_lapsed: 'Condition lapsed',
  policy_rechecked: 'Policy check changed',
};

/** One notification: those new on this visit stand out by weight and a bar, and say "New". */
export function NotificationItem({ notification, fresh }: { notification: Notification; fresh: boolean }) {
  const unread = fresh;
  return (
    <li className={`rounded-md border p-4 ${unread ? 'border-l-4 border-blue-800 bg-blue-50' : 'border-slate-200 bg-white'}`}>
      <p className="text-sm text-slate-700">
        {unread && <span className="mr-2 rounded bg-blue-800 px-2 py-0.5 text-xs font-semibold text-white">New</span>}
        {kindLabels[notification.kind]} · <time dateTime={notification.at}>{formatDateTime(notification.at)}</time>
      </p>
      <p className={`mt-1 ${unread ? 'font-semibold text-slate-900' : 'text-slate-800'}`}>
        <Link to={notification.link} className="underline">
          {notification.text}
        </Link>
      </p>
    </li>
  );
}
