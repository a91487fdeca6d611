import type { OrderState } from '@delivery/common';

/** How an order whose card was only held ends: the hold is released and the customer told. */
export interface Ending {
  state: Extract<OrderState, 'Rejected' | 'Cancelled' | 'Failed'>;
  event: string;
  message: string;
  /** Why, for the order's status; none when the customer asked for it. */
  failureReason?: string;
  /** What the provider records as the reason for the release. */
  cancellationReason: 'requested_by_customer' | 'abandoned';
}

const RELEASED = 'The hold on your card was released: you have not been charged.';

export const ENDINGS = {
  rejected: (reason: string): Ending => ({
    state: 'Rejected',
    event: 'rejected',
    message: `The restaurant could not take your order: ${reason} ${RELEASED}`,
    failureReason: `The restaurant rejected the order: ${reason}`,
    cancellationReason: 'abandoned',
  }),
  restaurantSilent: {
    state: 'Rejected',
    event: 'rejected',
    message: `The restaurant did not answer in time. ${RELEASED}`,
    failureReason: 'The restaurant did not answer in time.',
    cancellationReason: 'abandoned',
  },
  cancelledByCustomer: {
    state: 'Cancelled',
    event: 'cancelled',
    message: `Your order was cancelled. ${RELEASED}`,
    cancellationReason: 'requested_by_customer',
  },
  kitchenLate: {
    state: 'Cancelled',
    event: 'cancelled',
    message: `The kitchen could not get your order ready in time. ${RELEASED}`,
    failureReason: 'The kitchen did not mark the order ready in time.',
    cancellationReason: 'abandoned',
  },
  noDriver: {
    state: 'Cancelled',
    event: 'cancelled',
    message: `No driver could pick your order up in time. ${RELEASED}`,
    failureReason: 'No driver picked the order up in time.',
    cancellationReason: 'abandoned',
  },
  cancelledByOperator: {
    state: 'Cancelled',
    event: 'cancelled',
    message: `Your order was cancelled. ${RELEASED}`,
    failureReason: 'The order was cancelled by our team.',
    cancellationReason: 'abandoned',
  },
  paymentUnanswered: {
    state: 'Failed',
    event: 'payment-failed',
    message: `We could not confirm your payment in time. ${RELEASED}`,
    failureReason: 'The payment provider did not answer in time.',
    cancellationReason: 'abandoned',
  },
} as const satisfies Record<string, Ending | ((reason: string) => Ending)>;
