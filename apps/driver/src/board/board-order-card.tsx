import type { OrderSummary } from '@delivery/common';
import { Card } from '@delivery/ui/card';
import { OrderLines } from '@delivery/ui/order-lines';
import { StateBadge } from '@delivery/ui/state-badge';
import { TimeAgo } from '@delivery/ui/time-ago';
import type { ReactNode } from 'react';

/** One order on the board: what to carry, how long it has waited, and the action it waits for. */
export function BoardOrderCard({ order, action }: { order: OrderSummary; action: ReactNode }) {
  return (
    <Card
      as="li"
      className="flex animate-fade-in flex-col gap-4 p-4"
      data-testid={`board-order-${order.orderId}`}
      aria-labelledby={`order-${order.orderId}`}
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h3 id={`order-${order.orderId}`} className="font-semibold">
            Order {order.orderId.slice(0, 8)}
          </h3>
          <p className="text-sm text-stone-600">
            {order.state === 'Picked up' ? (
              <>
                Picked up <TimeAgo at={order.updatedAt} />
              </>
            ) : (
              <>
                Placed <TimeAgo at={order.createdAt} />
              </>
            )}
          </p>
        </div>
        <StateBadge state={order.state} />
      </div>
      <OrderLines lines={order.lines} totalCents={order.totalCents} />
      {action}
    </Card>
  );
}
