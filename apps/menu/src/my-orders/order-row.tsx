import { formatCents, type OrderSummary } from '@delivery/common';
import { formatClock } from '@delivery/ui/lib/format-time';
import { StateBadge } from '@delivery/ui/state-badge';
import { TimeAgo } from '@delivery/ui/time-ago';
import Link from 'next/link';

const dishesInWords = (order: OrderSummary): string =>
  order.lines.map((line) => `${line.quantity} × ${line.name}`).join(', ');

export function OrderRow({ order }: { order: OrderSummary }) {
  return (
    <li data-testid={`my-order-${order.orderId}`}>
      <Link
        href={`/orders/${order.orderId}`}
        className="flex flex-col gap-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200 transition hover:ring-brand-300 sm:flex-row sm:items-center sm:gap-4"
      >
        <div className="min-w-0 flex-1">
          <p className="truncate font-semibold text-stone-900">{dishesInWords(order)}</p>
          <p className="text-sm text-stone-600">
            Placed <TimeAgo at={order.createdAt} /> · Order {order.orderId.slice(0, 8)}
            {order.state === 'Preparing' && order.readyAt && (
              <>
                {' '}
                · Ready around <time dateTime={order.readyAt}>{formatClock(order.readyAt)}</time>
              </>
            )}
          </p>
        </div>
        <div className="flex items-center justify-between gap-4 sm:justify-end">
          <StateBadge state={order.state} />
          <span className="w-20 text-right font-semibold tabular-nums">
            {formatCents(order.totalCents)}
          </span>
        </div>
      </Link>
    </li>
  );
}
