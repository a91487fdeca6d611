'use client';

import {
  PAYMENT_IN_PROGRESS_STATES,
  isEnded,
  isIn,
  type OrderState,
  type OrderStatus,
} from '@delivery/common';
import { Card } from '@delivery/ui/card';
import { ScooterIcon } from '@delivery/ui/icons';
import { Spinner } from '@delivery/ui/spinner';
import { CancelOrder, isCancellable } from './cancel-order';
import { DeadlineNotice } from './deadline-notice';
import { MoneyStatus } from './money-status';
import { OrderAgainButton } from './order-again-button';
import { GivenRating, RatingForm } from './rating-form';
import { RestaurantAnswer } from './restaurant-answer';

const HEADLINES: Record<OrderState, (order: OrderStatus) => string> = {
  'Authorizing card': () => 'Checking your card…',
  'Waiting for restaurant': () => 'Sent to the restaurant. Waiting for the kitchen to accept it.',
  Preparing: () => 'The kitchen is preparing your order.',
  'Ready for pickup': () => 'Your food is ready. Waiting for a driver to pick it up.',
  'Charging card': () => 'Charging your card…',
  Paid: () => 'Paid. Waiting for a driver to pick up your order.',
  'Picked up': (order) => `${order.driver?.name ?? 'Your driver'} is on the way with your order.`,
  Delivered: () => 'Delivered. Enjoy your meal!',
  'Releasing hold': () => 'Releasing the hold on your card…',
  Refunding: () => 'Refunding your payment…',
  Refunded: () => 'Your payment was refunded.',
  Failed: () => 'This order could not be placed.',
  Rejected: (order) =>
    order.restaurant
      ? 'The restaurant could not take your order.'
      : 'The restaurant did not answer in time.',
  Cancelled: () => 'Order cancelled.',
  'Refund failed': () =>
    'We could not refund your payment automatically. Our team has been alerted and will refund you.',
};

/** What is happening now and what the customer can do about it. */
export function StatusCard({ order }: { order: OrderStatus }) {
  const { state } = order;
  const working = isIn(PAYMENT_IN_PROGRESS_STATES, state);
  return (
    <Card as="section" aria-labelledby="status-heading" className="space-y-4 p-5">
      <h2 id="status-heading" className="flex items-center gap-2 text-lg font-bold">
        {working && <Spinner className="size-5 text-brand-700" />}
        {HEADLINES[state](order)}
      </h2>

      {order.driver && (state === 'Picked up' || state === 'Delivered') && (
        <p className="flex items-center gap-2 text-sm text-stone-700" data-testid="driver">
          <ScooterIcon className="size-5 text-stone-500" />
          Driver: <span className="font-semibold text-stone-900">{order.driver.name}</span>
        </p>
      )}

      <RestaurantAnswer order={order} />
      <MoneyStatus order={order} />

      {/* A rejection's reason is the restaurant's own words, shown above. */}
      {order.failureReason && order.restaurant?.answer !== 'rejected' && (
        <p
          className="rounded-xl bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200"
          data-testid="failure-reason"
        >
          {order.failureReason}
        </p>
      )}

      <DeadlineNotice order={order} />

      {isCancellable(state) && <CancelOrder order={order} />}

      {state === 'Delivered' &&
        (order.rating ? (
          <GivenRating stars={order.rating.stars} comment={order.rating.comment} />
        ) : order.open ? (
          <RatingForm orderId={order.orderId} />
        ) : (
          <p className="text-sm text-stone-600">The time to rate this order has passed.</p>
        ))}

      {isEnded(state) && (
        <OrderAgainButton
          lines={order.lines}
          label={state === 'Failed' ? 'Try again with another card' : 'Order these dishes again'}
        />
      )}
    </Card>
  );
}
