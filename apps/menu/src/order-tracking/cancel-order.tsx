'use client';

import { moneyOf, type OrderState, type OrderStatus } from '@delivery/common';
import { Button } from '@delivery/ui/button';
import { errorMessage, retryUnanswered } from '@delivery/ui/lib/api-errors';
import { newId } from '@delivery/ui/lib/new-id';
import { useState } from 'react';
import { toast } from 'sonner';
import { trpc } from '~/trpc';
import { useApplyOrderStatus } from './use-live-order';

/**
 * A customer may cancel until the restaurant accepts (or, on an order charged up front, until a
 * driver picks it up); the workflow has the last word.
 */
export const isCancellable = (state: OrderState): boolean =>
  state === 'Waiting for restaurant' || state === 'Paid';

/** A held card is released; an order charged up front is refunded. */
const moneyBack = (order: OrderStatus): string =>
  moneyOf(order) === 'authorized'
    ? 'The hold on your card is released: you are not charged.'
    : 'Your payment is refunded in full.';

/** Cancel, then confirm: the workflow answers whether it took effect, and the answer is shown. */
export function CancelOrder({ order }: { order: OrderStatus }) {
  const { orderId } = order;
  const [confirming, setConfirming] = useState(false);
  const applyStatus = useApplyOrderStatus(orderId);
  const cancel = trpc.cancelOrder.useMutation({
    retry: retryUnanswered,
    onSuccess: (status) => {
      applyStatus(status);
      toast.success(`Order cancelled. ${moneyBack(status)}`);
    },
    onError: (error) => toast.error(errorMessage(error)),
    onSettled: () => setConfirming(false),
  });

  if (!confirming) {
    return (
      <Button
        variant="dangerOutline"
        onClick={() => setConfirming(true)}
        data-testid="cancel-order"
      >
        Cancel order
      </Button>
    );
  }
  return (
    <div
      role="group"
      aria-labelledby="cancel-question"
      className="space-y-3 rounded-xl bg-red-50 p-4 ring-1 ring-red-200"
    >
      <p id="cancel-question" className="font-medium text-red-950">
        Cancel this order? {moneyBack(order)}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="danger"
          autoFocus
          pending={cancel.isPending}
          pendingLabel="Cancelling…"
          onClick={() => cancel.mutate({ orderId, requestId: newId() })}
          data-testid="confirm-cancel"
        >
          Yes, cancel it
        </Button>
        <Button variant="ghost" disabled={cancel.isPending} onClick={() => setConfirming(false)}>
          Keep my order
        </Button>
      </div>
    </div>
  );
}
