import type { OrderStatus } from '@delivery/common';
import { customer, kitchen } from './actors';
import { waitForState } from './wait';

const pass = kitchen('The Pass');

/** Waits until the order's card is held and the restaurant may answer. */
export const waitForRestaurant = (who: ReturnType<typeof customer>, orderId: string) =>
  waitForState(who, orderId, 'Waiting for restaurant');

/**
 * The restaurant accepts the order and marks it ready, through its own site's procedures: the
 * order then waits for a driver.
 */
export async function readyForPickup(
  who: ReturnType<typeof customer>,
  orderId: string,
): Promise<OrderStatus> {
  await waitForRestaurant(who, orderId);
  await pass.tickets.acceptOrder({ orderId, prepMinutes: 0 });
  return pass.tickets.markReady({ orderId });
}
