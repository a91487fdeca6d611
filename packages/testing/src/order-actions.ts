import type { Driver, OrderStatus, Rating } from '@delivery/common';
import {
  cancelUpdate,
  deliverUpdate,
  pickUpUpdate,
  rateUpdate,
} from '@delivery/workflows/messages';
import { waitForState, type OrderHandle } from './orders';
import { retryTransient } from './retry';

/**
 * Each action is an Update with an id of its own, so sending it again after an outage is the
 * same action, answered once, never a second one.
 */
const once = (handle: OrderHandle, update: { name: string }) => ({
  updateId: `${handle.workflowId}:${update.name}`,
});

export const pickUp = (handle: OrderHandle, driver: Driver): Promise<OrderStatus> =>
  retryTransient(() =>
    handle.executeUpdate(pickUpUpdate, { args: [driver], ...once(handle, pickUpUpdate) }),
  );

export const deliver = (handle: OrderHandle, driver: Driver): Promise<OrderStatus> =>
  retryTransient(() =>
    handle.executeUpdate(deliverUpdate, { args: [driver], ...once(handle, deliverUpdate) }),
  );

export const cancel = (handle: OrderHandle): Promise<OrderStatus> =>
  retryTransient(() => handle.executeUpdate(cancelUpdate, once(handle, cancelUpdate)));

export const rate = (handle: OrderHandle, rating: Rating): Promise<OrderStatus> =>
  retryTransient(() =>
    handle.executeUpdate(rateUpdate, { args: [rating], ...once(handle, rateUpdate) }),
  );

/** The happy path once the card is charged: picked up, delivered, rated. Resolves with the result. */
export async function driveToDelivery(
  handle: OrderHandle,
  driver: Driver,
  { paidWithinMs = 60_000 } = {},
): Promise<OrderStatus> {
  await waitForState(handle, 'Paid', paidWithinMs);
  await pickUp(handle, driver);
  await deliver(handle, driver);
  await rate(handle, { stars: 5 });
  return handle.result();
}
