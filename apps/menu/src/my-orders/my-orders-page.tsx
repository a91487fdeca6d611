'use client';

import { EmptyState } from '@delivery/ui/empty-state';
import { LiveIndicator } from '@delivery/ui/live-indicator';
import { QueryView } from '@delivery/ui/query-view';
import { LoadingRegion, Skeleton } from '@delivery/ui/skeleton';
import Link from 'next/link';
import { OrderRow } from './order-row';
import { useLiveMyOrders } from './use-live-my-orders';

export function MyOrdersPage() {
  const { orders, live } = useLiveMyOrders();
  return (
    <section aria-labelledby="orders-heading" className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="orders-heading" className="text-2xl font-bold tracking-tight sm:text-3xl">
          My orders
        </h1>
        {orders.data && <LiveIndicator {...live} />}
      </div>
      <p className="mt-1 text-stone-600">Orders placed from this browser, newest first.</p>
      <div className="mt-6">
        <QueryView
          query={orders}
          loading={<OrdersSkeleton />}
          errorTitle="Your orders did not load"
        >
          {(rows) =>
            rows.length === 0 ? (
              <EmptyState title="No orders yet">
                <Link href="/" className="font-semibold text-brand-800 underline">
                  Browse the menu
                </Link>{' '}
                and place your first one.
              </EmptyState>
            ) : (
              <ul className="space-y-3" data-testid="my-orders">
                {rows.map((order) => (
                  <OrderRow key={order.orderId} order={order} />
                ))}
              </ul>
            )
          }
        </QueryView>
      </div>
    </section>
  );
}

function OrdersSkeleton() {
  return (
    <LoadingRegion label="Loading your orders…">
      <div className="space-y-3">
        {Array.from({ length: 3 }, (_, index) => (
          <Skeleton key={index} className="h-20 rounded-2xl" />
        ))}
      </div>
    </LoadingRegion>
  );
}
