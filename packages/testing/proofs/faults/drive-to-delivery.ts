import type { Driver, OrderStatus } from '@delivery/common';
import type { OrderHandle } from '@delivery/workflows/client';
import { deliver, pickUp, rate } from '@delivery/harness/order-actions';
import { waitForStatus } from '@delivery/harness/orders';

/** The happy path once the card is charged: picked up, delivered, rated. Resolves with the result. */
export async function driveToDelivery(
  handle: OrderHandle,
  driver: Driver,
  { paidWithinMs = 60_000 } = {},
): Promise<OrderStatus> {
  // Polled gently: a case drives many orders at once against a worker retrying faults.
  await waitForStatus(handle, (status) => status.state === 'Paid', {
    timeoutMs: paidWithinMs,
    intervalMs: 250,
  });
  await pickUp(handle, driver);
  await deliver(handle, driver);
  await rate(handle, { stars: 5 });
  return handle.result();
}
