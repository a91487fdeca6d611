import type { NotificationRecord } from '@delivery/common';
import { BellIcon } from '@delivery/ui/icons';
import { formatClockWithSeconds } from '@delivery/ui/lib/format-time';

/** The push notifications the workflow sent, newest first; undelivered ones are being retried. */
export function NotificationsList({
  notifications,
}: {
  notifications: readonly NotificationRecord[];
}) {
  if (notifications.length === 0) {
    return <p className="text-sm text-stone-600">No notifications yet.</p>;
  }
  return (
    <ul className="space-y-3" data-testid="notifications">
      {[...notifications].reverse().map((notification) => (
        <li key={notification.id} className="flex gap-3 text-sm animate-fade-in">
          <BellIcon className="mt-0.5 size-4 shrink-0 text-stone-500" />
          <div className="min-w-0 flex-1">
            <p className="text-stone-900">{notification.message}</p>
            <p className="text-xs text-stone-600">
              <time dateTime={notification.at}>{formatClockWithSeconds(notification.at)}</time>
              {!notification.delivered && ' · sending…'}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
