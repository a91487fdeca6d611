'use client';

import { PAYMENT_METHODS, type OrderStatus } from '@delivery/common';
import { Card } from '@delivery/ui/card';
import { LiveIndicator } from '@delivery/ui/live-indicator';
import { formatClock } from '@delivery/ui/lib/format-time';
import { OrderLines } from '@delivery/ui/order-lines';
import { OrderTimeline } from '@delivery/ui/order-timeline';
import { QueryView } from '@delivery/ui/query-view';
import { LoadingRegion, Skeleton } from '@delivery/ui/skeleton';
import { StateBadge } from '@delivery/ui/state-badge';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { NotificationsList } from './notifications-list';
import { PushNotificationsControl } from './push-notifications-control';
import { StatusCard } from './status-card';
import { TemporalLink } from './temporal-link';
import { useLiveOrder } from './use-live-order';

export function OrderPage({ orderId }: { orderId: string }) {
  const { order, live } = useLiveOrder(orderId);
  return (
    <div className="mx-auto max-w-5xl">
      <Link
        href="/orders"
        className="text-sm font-semibold text-stone-700 underline-offset-4 hover:underline"
      >
        ← My orders
      </Link>
      <div className="mt-3">
        <QueryView query={order} loading={<OrderSkeleton />} errorTitle="This order did not load">
          {(status) => <OrderDetails order={status} live={<LiveIndicator {...live} />} />}
        </QueryView>
      </div>
    </div>
  );
}

function OrderDetails({ order, live }: { order: OrderStatus; live: ReactNode }) {
  const paymentLabel =
    PAYMENT_METHODS.find((method) => method.id === order.paymentMethod)?.label ??
    order.paymentMethod;
  return (
    <>
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
          Order {order.orderId.slice(0, 8)}
        </h1>
        <div aria-live="polite" aria-atomic data-testid="order-state" data-state={order.state}>
          <span className="sr-only">Status: </span>
          <StateBadge state={order.state} className="text-sm" />
        </div>
        {order.open && live}
      </header>
      <p className="mt-1 text-sm text-stone-600">Placed at {formatClock(order.createdAt)}</p>

      <div className="mt-6 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          <StatusCard order={order} />
          <Card as="section" aria-labelledby="progress-heading" className="p-5">
            <h2 id="progress-heading" className="mb-4 font-bold">
              Progress
            </h2>
            <OrderTimeline timeline={order.timeline} />
          </Card>
          <Card as="section" aria-labelledby="notifications-heading" className="p-5">
            <h2 id="notifications-heading" className="mb-4 font-bold">
              Notifications
            </h2>
            {order.open && <PushNotificationsControl />}
            <NotificationsList notifications={order.notifications} />
          </Card>
        </div>
        <div className="space-y-4">
          <Card as="section" aria-labelledby="items-heading" className="p-5">
            <h2 id="items-heading" className="mb-3 font-bold">
              Your items
            </h2>
            <OrderLines lines={order.lines} totalCents={order.totalCents} />
            <p className="mt-3 text-sm text-stone-600">Payment: {paymentLabel}</p>
          </Card>
          <TemporalLink orderId={order.orderId} />
        </div>
      </div>
    </>
  );
}

function OrderSkeleton() {
  return (
    <LoadingRegion label="Loading the order…">
      <Skeleton className="h-9 w-64" />
      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          <Skeleton className="h-36 rounded-2xl" />
          <Skeleton className="h-56 rounded-2xl" />
        </div>
        <Skeleton className="h-48 rounded-2xl" />
      </div>
    </LoadingRegion>
  );
}
