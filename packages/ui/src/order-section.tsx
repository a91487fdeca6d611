import type { ReactNode } from 'react';
import { Card } from './card';
import { EmptyState } from './empty-state';
import { cx } from './lib/cx';
import { Skeleton } from './skeleton';

interface OrderSectionProps<TOrder extends { orderId: string }> {
  id: string;
  title: string;
  orders: readonly TOrder[];
  /** What will appear here, shown while the section is empty. */
  empty: string;
  /** One order's card: an `li`, keyed by the order. */
  renderOrder: (order: TOrder) => ReactNode;
  className?: string;
  listClassName?: string;
}

/** A titled list of orders with their count, or a note of what will appear here. */
export function OrderSection<TOrder extends { orderId: string }>(props: OrderSectionProps<TOrder>) {
  const { id, title, orders, empty, renderOrder, className, listClassName } = props;
  return (
    <section aria-labelledby={`${id}-heading`} className={className} data-testid={`section-${id}`}>
      <h2 id={`${id}-heading`} className="mb-3 flex items-center gap-2 text-lg font-bold">
        {title}
        <span className="rounded-full bg-stone-200 px-2 py-0.5 text-xs font-semibold text-stone-800 tabular-nums">
          {orders.length}
        </span>
      </h2>
      {orders.length === 0 ? (
        <EmptyState title="Nothing here right now">{empty}</EmptyState>
      ) : (
        <ul className={cx('grid items-start gap-4', listClassName)}>
          {orders.map((order) => renderOrder(order))}
        </ul>
      )}
    </section>
  );
}

/** A section's title and one order card, in the shape of a section that is loading. */
export function OrderSectionSkeleton({
  titleWidth,
  className,
}: {
  /** The title's width class, e.g. `w-48`. */
  titleWidth: string;
  className?: string;
}) {
  return (
    <div className={cx('space-y-4', className)}>
      <Skeleton className={cx('h-7', titleWidth)} />
      <Card className="space-y-3 p-4">
        <Skeleton className="h-5 w-1/2" />
        <Skeleton className="h-16" />
        <Skeleton className="h-11" />
      </Card>
    </div>
  );
}
