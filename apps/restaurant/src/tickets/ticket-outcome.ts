import type { OrderStatus, OrderSummary } from '@delivery/common';
import { errorCode, errorMessage, retryUnanswered } from '@delivery/ui/lib/api-errors';
import { toast } from 'sonner';
import { summaryOf } from '@delivery/ui/lib/order-rows';

export interface TicketActionProps {
  orderId: string;
  /** Shows the outcome in the list at once, before the live feed reports it. */
  onDone: (rows: readonly OrderSummary[]) => void;
  /** The list was behind the order (it was refused as answered or gone): load it again. */
  onRefused: () => void;
}

export const shortId = (orderId: string): string => orderId.slice(0, 8);

/**
 * What an action on a ticket does with the order's answer: a toast and the new row when it took
 * effect. A refusal is shown on the ticket by the action itself; one that says the list was behind
 * reloads it, and is toasted too, since the ticket may leave the list with it.
 */
export function ticketOutcome(
  done: (order: string) => string,
  { orderId, onDone, onRefused }: TicketActionProps,
) {
  return {
    retry: retryUnanswered,
    onSuccess: (status: OrderStatus) => {
      onDone([summaryOf(status)]);
      toast.success(done(`order ${shortId(orderId)}`));
    },
    onError: (error: unknown) => {
      if (errorCode(error) !== 'CONFLICT') return;
      toast.error(errorMessage(error));
      onRefused();
    },
  };
}
