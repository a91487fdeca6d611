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
import { WORKFLOW_TYPE, orderStartOptions } from '@delivery/workflows/contract';
import { readStatus, type OrderHandle } from '@delivery/workflows/client';

/*
 * @delivery/workflows is this package's peer, not its dependency: the workflows package's own
 * tests start orders through here, and a dependency each way is a cycle Turborepo refuses.
 */

const TWO_PIZZAS_AND_A_RAMEN: OrderItem[] = [
  { productId: 'margherita', quantity: 2 },
  { productId: 'ramen', quantity: 1 },
];

export interface NewOrder {
  taskQueue: string;
  orderId?: string;
  /** Defaults to a new customer. */
  customerId?: string;
  paymentMethod?: PaymentMethodId;
  windows?: Partial<OrderWindows>;
  items?: OrderItem[];
}

/**
 * Starts an `order` workflow (for a new customer unless `customerId` names one) as the menu site
 * does, through the contract's start options: priced lines, memo and search attributes, so it
 * shows on the board.
 */
export function startOrder(
  client: Client,
  {
    taskQueue,
    orderId = randomUUID(),
    customerId = randomUUID(),
    paymentMethod = 'pm_card_visa',
    windows,
    items = TWO_PIZZAS_AND_A_RAMEN,
  }: NewOrder,
): Promise<OrderHandle> {
  const input: OrderInput = {
    orderId,
    customerId,
    ...priceItems(items),
    paymentMethod,
    windows,
  };
  return client.workflow.start(WORKFLOW_TYPE, orderStartOptions(input, { taskQueue }));
}

/**
 * Polls the order's status until `predicate` holds. A failing query is polled again (a worker or
 * server may be restarting); the timeout reports the last status or error seen.
 */
export async function waitForStatus(
  handle: OrderHandle,
  predicate: (status: OrderStatus) => boolean,
  { timeoutMs = 60_000, intervalMs = 100 } = {},
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
