import type { Client } from '@temporalio/client';
import type { OrderInput } from '@delivery/common';
import { Kitchen } from '../actors/kitchen';
import { WORKFLOW_TYPE } from '@delivery/workflows/contract';
import { progress } from '../progress';
import { sleep } from '../sleep';
import { ApiOrders } from './api-orders';
import { benchOrderInput } from './order-input';

const BATCH_SIZE = 100;
const ATTEMPTS = 3;
/** Gives up when no more orders got ready for this long: the worker or the server is stuck. */
const STALL_TIMEOUT_MS = 2 * 60_000;

/**
 * Open = ready and waiting for a driver (on every driver's board), with a pickup window that
 * outlasts the run.
 */
export const OPEN_ORDERS_QUERY = `WorkflowType='${WORKFLOW_TYPE}' AND ExecutionStatus='Running' AND OrderState='Ready for pickup'`;

/** Starts an order exactly as `createOrder` does; the same order id again is the same order. */
async function placeWithRetry(orders: ApiOrders, input: OrderInput): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await orders.place(input);
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      await sleep(500 * attempt);
    }
  }
}

export async function countOpenOrders(client: Client): Promise<number> {
  return (await client.workflow.count(OPEN_ORDERS_QUERY)).count;
}

async function startOrders(kitchen: Kitchen, count: number): Promise<void> {
  const orders = new ApiOrders();
  try {
    for (let started = 0; started < count; started += BATCH_SIZE) {
      const batch = Math.min(BATCH_SIZE, count - started);
      await Promise.all(
        Array.from({ length: batch }, async () => {
          const input = benchOrderInput();
          await placeWithRetry(orders, input);
          await kitchen.ready(input.orderId);
        }),
      );
      if ((started + batch) % 1_000 === 0)
        progress(`  ${(started + batch).toLocaleString('en')} orders started`);
    }
  } finally {
    await orders.close();
  }
}

async function waitUntilOpen(client: Client, target: number): Promise<void> {
  let open = await countOpenOrders(client);
  let progressedAt = Date.now();
  while (open < target) {
    if (Date.now() - progressedAt > STALL_TIMEOUT_MS)
      throw new Error(`only ${open} of ${target} orders got ready`);
    progress(
      `  ${open.toLocaleString('en')} of ${target.toLocaleString('en')} orders open (ready)`,
    );
    await sleep(3_000);
    const now = await countOpenOrders(client);
    if (now > open) progressedAt = Date.now();
    open = now;
  }
}

/**
 * Tops the open orders up to `target`: starts the missing ones with the API's own `placeOrder`,
 * `BATCH_SIZE` at a time concurrently, the kitchen readying each, then waits until all of them
 * are ready.
 * Returns how many orders per second it opened.
 */
export async function openOrders(client: Client, target: number): Promise<number> {
  const startedAt = Date.now();
  const missing = Math.max(0, target - (await countOpenOrders(client)));
  await startOrders(new Kitchen(client), missing);
  await waitUntilOpen(client, target);
  return missing / ((Date.now() - startedAt) / 1000);
}
