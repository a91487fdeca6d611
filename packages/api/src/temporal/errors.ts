import type { Refusal } from '@delivery/workflows/contract';

/** Temporal cannot be reached, or did not answer in time: the request may be retried. */
export class TemporalUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TemporalUnavailableError';
  }
}

/** No such order, or not one the caller may see: a customer never learns of others' orders. */
export class OrderNotFoundError extends Error {
  constructor(readonly orderId: string) {
    super(`No order ${orderId}.`);
    this.name = 'OrderNotFoundError';
  }
}

/** The order id names an order with other dishes or of another customer. */
export class OrderIdTakenError extends Error {
  constructor(readonly orderId: string) {
    super('This order id is already used by another order.');
    this.name = 'OrderIdTakenError';
  }
}

/** The order refused an action, with the reason a person can act on. */
export class ActionRefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
    this.name = 'ActionRefusedError';
  }
}
