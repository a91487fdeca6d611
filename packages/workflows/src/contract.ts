import { WorkflowIdReusePolicy } from '@temporalio/common';
import type { WorkflowStartOptions } from '@temporalio/client';
import type { OrderInput, PaymentMethodId, OrderLine } from '@delivery/common';
import type { order } from './order';
import {
  CustomerIdKey,
  OrderStateKey,
  OrderUpdatedAtKey,
} from '@delivery/common/search-attributes';

/*
 * What the world outside the worker knows of the order workflow: its type, how its id is made,
 * the messages it takes and how it is started. The API, the test harness and every test start
 * and address orders through this module alone.
 */

export * from './messages';
export * from '@delivery/common/search-attributes';

export const WORKFLOW_TYPE = 'order';

const ID_PREFIX = 'order-';

/** Every order is the workflow `order-<orderId>`: the order id is its idempotency key. */
export const workflowIdOf = (orderId: string): string => `${ID_PREFIX}${orderId}`;

export const orderIdOf = (workflowId: string): string | null =>
  workflowId.startsWith(ID_PREFIX) ? workflowId.slice(ID_PREFIX.length) : null;

/** What an order's list row needs beyond its search attributes, fixed when the order starts. */
export interface OrderMemo {
  lines: OrderLine[];
  totalCents: number;
  paymentMethod: PaymentMethodId;
  createdAt: string;
}

/**
 * How every order is started: id from the order id with reuse refused (the same request again
 * finds the order it started instead of charging twice), the memo and the search attributes its
 * list rows and live updates are read from.
 */
export function orderStartOptions(
  input: OrderInput,
  { taskQueue, createdAt = new Date() }: { taskQueue: string; createdAt?: Date },
): WorkflowStartOptions<typeof order> {
  const memo: OrderMemo = {
    lines: input.lines,
    totalCents: input.totalCents,
    paymentMethod: input.paymentMethod,
    createdAt: createdAt.toISOString(),
  };
  return {
    workflowId: workflowIdOf(input.orderId),
    taskQueue,
    args: [input],
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    memo: { ...memo },
    typedSearchAttributes: [
      { key: CustomerIdKey, value: input.customerId },
      { key: OrderStateKey, value: 'Authorizing card' },
      { key: OrderUpdatedAtKey, value: createdAt },
    ],
  };
}
