import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import {
  priceItems,
  type OrderInput,
  type OrderItem,
  type OrderState,
  type OrderStatus,
  type OrderWindows,
  type PaymentMethodId,
} from '@delivery/common';
import { CustomerIdKey, OrderStateKey } from '@delivery/workflows/contract';
import type { order } from '@delivery/workflows';
import { readStatus, type OrderHandle } from '@delivery/workflows/client';

export { readStatus, type OrderHandle };

export const orderWorkflowId = (orderId: string): string => `order-${orderId}`;

const TWO_PIZZAS_AND_A_RAMEN: OrderItem[] = [
  { productId: 'margherita', quantity: 2 },
  { productId: 'ramen', quantity: 1 },
];

export interface NewOrder {
  taskQueue: string;
  orderId?: string;
  paymentMethod?: PaymentMethodId;
  windows?: Partial<OrderWindows>;
  items?: OrderItem[];
}

/** Starts an `order` workflow as the menu site does: priced lines, customer and state searchable. */
export function startOrder(
  client: Client,
  {
    taskQueue,
    orderId = randomUUID(),
    paymentMethod = 'pm_card_visa',
    windows,
    items = TWO_PIZZAS_AND_A_RAMEN,
  }: NewOrder,
): Promise<OrderHandle> {
  const customerId = randomUUID();
  const input: OrderInput = { orderId, customerId, ...priceItems(items), paymentMethod, windows };
  return client.workflow.start<typeof order>('order', {
    workflowId: orderWorkflowId(orderId),
    taskQueue,
    args: [input],
    typedSearchAttributes: [
      { key: CustomerIdKey, value: customerId },
      { key: OrderStateKey, value: 'Charging card' },
    ],
  });
}

/**
 * Polls the order's status until `predicate` holds. A failing query is polled again (a worker or
 * server may be restarting); the timeout reports the last status or error seen.
 */
export async function waitForStatus(
  handle: OrderHandle,
  predicate: (status: OrderStatus) => boolean,
  { timeoutMs = 60_000, intervalMs = 250 } = {},
): Promise<OrderStatus> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const status = await readStatus(handle);
      if (predicate(status)) return status;
      last = status;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  const seen = last instanceof Error ? `error: ${last.message}` : `status: ${JSON.stringify(last)}`;
  throw new Error(`${handle.workflowId} did not get there within ${timeoutMs} ms; last ${seen}`);
}

export const waitForState = (
  handle: OrderHandle,
  state: OrderState,
  timeoutMs?: number,
): Promise<OrderStatus> => waitForStatus(handle, (status) => status.state === state, { timeoutMs });

export const statesVisited = (status: OrderStatus): OrderState[] =>
  status.timeline.map((entry) => entry.state);
