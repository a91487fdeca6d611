import { COMING_UP, WITH_DRIVER, type OrderSummary } from '@delivery/common';
import { Card } from '@delivery/ui/card';
import { Countdown } from '@delivery/ui/countdown';
import { formatClock } from '@delivery/ui/lib/format-time';
import { OrderLines } from '@delivery/ui/order-lines';
import { StateBadge } from '@delivery/ui/state-badge';
import { TimeAgo } from '@delivery/ui/time-ago';
import type { ReactNode } from 'react';

/** The moment that matters for the row: when it will be ready, was picked up, or was placed. */
function OrderMoment({ order }: { order: OrderSummary }) {
  if (order.state === COMING_UP && order.readyAt) {
    return (
      <span data-testid="ready-at">
        Ready around{' '}
        <time dateTime={order.readyAt} className="font-semibold text-stone-900">
          {formatClock(order.readyAt)}
        </time>{' '}
        · <Countdown to={order.readyAt} className="tabular-nums" />
      </span>
    );
  }
  if (order.state === WITH_DRIVER) {
    return (
      <>
        Picked up <TimeAgo at={order.updatedAt} />
      </>
    );
  }
  return (
    <>
      Placed <TimeAgo at={order.createdAt} />
    </>
  );
}

/** One order on the board: what to carry, when, and the action it waits for (if any yet). */
export function BoardOrderCard({ order, action }: { order: OrderSummary; action?: ReactNode }) {
  return (
    <Card
      as="li"
      className="flex animate-fade-in flex-col gap-4 p-4"
      data-testid={`board-order-${order.orderId}`}
      data-state={order.state}
      aria-labelledby={`order-${order.orderId}`}
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h3 id={`order-${order.orderId}`} className="font-semibold">
            Order {order.orderId.slice(0, 8)}
          </h3>
          <p className="text-sm text-stone-600">
            <OrderMoment order={order} />
          </p>
        </div>
        <StateBadge state={order.state} />
      </div>
      <OrderLines lines={order.lines} totalCents={order.totalCents} />
      {action}
    </Card>
  );
}
