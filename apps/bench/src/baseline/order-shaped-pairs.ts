import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { act, deliver, readyForPickup } from '@delivery/harness/order-actions';
import { retryTransient } from '@delivery/harness/retry';
import { orderStartOptions } from '@delivery/workflows/contract';
import { ORDER_SHAPED_TASK_QUEUE, QUIET_WINDOW_MS } from '../config';
import { pickUpWhenReady, type OrderPairs } from '../orders/order-pairs';
import { benchOrderInput } from '../orders/order-input';
import type { orderShaped } from './order-shaped-workflow';

/** The windows the bench's sites give every order: no deadline passes during the run. */
const QUIET_WINDOWS = {
  restaurantWindowMs: QUIET_WINDOW_MS,
  pickupWindowMs: QUIET_WINDOW_MS,
  deliveryWindowMs: QUIET_WINDOW_MS,
  ratingDelayMs: QUIET_WINDOW_MS,
};

/**
 * The ceiling's pairs: the Temporal client alone does what the sites do for an order. The same
 * start options (memo, search attributes), the kitchen's accept and markReady and the driver's
 * taps and delivery as `request` signals answered through `requestOutcome`, with the harness's
 * own helpers, the ones the sites' API calls. Like the product's driver, it sends a tap again
 * while the order does not answer in time.
 */
export const orderShapedPairs =
  (client: Client): OrderPairs =>
  async (concurrency, pair) => {
    const driver = { id: `bench-ceiling-${concurrency}-${pair}`, name: `Ceiling ${pair}` };
    return {
      async deliverOne() {
        const input = { ...benchOrderInput(), windows: QUIET_WINDOWS };
        const handle = await client.workflow.start<typeof orderShaped>('orderShaped', {
          ...orderStartOptions(input, { taskQueue: ORDER_SHAPED_TASK_QUEUE }),
          workflowId: `order-shaped-${input.orderId}`,
        });
        const [refused] = await Promise.all([
          pickUpWhenReady(async () => {
            // One tap, sent again as the same request while the order does not answer in time.
            const requestId = randomUUID();
            const answer = await retryTransient(() =>
              act(handle, { action: 'pickUp', driver }, requestId),
            );
            return answer.outcome.accepted;
          }),
          readyForPickup(handle),
        ]);
        await deliver(handle, driver);
        return refused;
      },
    };
  };
