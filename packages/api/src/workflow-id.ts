const PREFIX = 'order-';

/** Every order is the workflow `order-<orderId>`: the order id is its idempotency key. */
export const workflowIdOf = (orderId: string): string => `${PREFIX}${orderId}`;

export const orderIdOf = (workflowId: string): string | null =>
  workflowId.startsWith(PREFIX) ? workflowId.slice(PREFIX.length) : null;
