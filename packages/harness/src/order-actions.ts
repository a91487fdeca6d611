import type { Driver, OrderStatus, Rating } from '@delivery/common';
import { requestAction } from '@delivery/workflows/client';
import type { OrderAction } from '@delivery/workflows/contract';
import { waitForState, type OrderHandle } from './orders';
import { retryTransient } from './retry';

/**
 * Sends an action as the sites do, with an id of its own per order and action, so sending it
 * again after an outage is the same request, answered once. Resolves with the status after it;
 * a refusal fails.
 */
async function request(handle: OrderHandle, action: OrderAction): Promise<OrderStatus> {
  const { outcome, status } = await retryTransient(() =>
    requestAction(handle, { ...action, requestId: `${handle.workflowId}:${action.action}` }),
  );
  if (!outcome.accepted)
    throw new Error(`${action.action} on ${handle.workflowId} refused: ${outcome.refusal.message}`);
  return status;
}

export const pickUp = (handle: OrderHandle, driver: Driver) =>
  request(handle, { action: 'pickUp', driver });

export const deliver = (handle: OrderHandle, driver: Driver) =>
  request(handle, { action: 'deliver', driver });

export const cancel = (handle: OrderHandle) => request(handle, { action: 'cancel' });

export const rate = (handle: OrderHandle, rating: Rating) =>
  request(handle, { action: 'rate', rating });

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
