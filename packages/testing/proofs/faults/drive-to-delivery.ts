import type { Driver, OrderStatus } from '@delivery/common';
import type { OrderHandle } from '@delivery/workflows/client';
import { deliver, pickUp, rate, readyForPickup } from '@delivery/harness/order-actions';
import { waitForStatus } from '@delivery/harness/orders';

/**
 * Once the card is held, the kitchen accepts and readies the order and a driver picks it up:
 * the hold is captured now.
 */
export async function heldAndPickedUp(
  handle: OrderHandle,
  driver: Driver,
  { authorizedWithinMs = 60_000 } = {},
): Promise<void> {
  // Polled gently: a case drives many orders at once against a worker retrying faults.
  await waitForStatus(handle, (status) => status.state === 'Waiting for restaurant', {
    timeoutMs: authorizedWithinMs,
    intervalMs: 250,
  });
  await readyForPickup(handle);
  await pickUp(handle, driver);
}

/** The driver delivers the order it picked up and the customer rates it. Resolves with the result. */
export async function deliveredAndRated(handle: OrderHandle, driver: Driver): Promise<OrderStatus> {
  await deliver(handle, driver);
  await rate(handle, { stars: 5 });
  return handle.result();
}

/** The whole happy path once the order is placed. */
export async function driveToDelivery(
  handle: OrderHandle,
  driver: Driver,
  options?: { authorizedWithinMs?: number },
): Promise<OrderStatus> {
  await heldAndPickedUp(handle, driver, options);
  return deliveredAndRated(handle, driver);
}
