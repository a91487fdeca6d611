import { randomUUID } from 'node:crypto';
import type { Driver, OrderStatus, Rating } from '@delivery/common';
import { requestAction, type OrderHandle } from '@delivery/workflows/client';
import type { OrderAction, RequestAnswer } from '@delivery/workflows/contract';
import { waitForState } from './orders';
import { retryTransient } from './retry';

/** Sends an action as the sites do; `requestId` defaults to a new one. */
export const act = (
  handle: OrderHandle,
  action: OrderAction,
  requestId: string = randomUUID(),
  options?: Parameters<typeof requestAction>[2],
): Promise<RequestAnswer> => requestAction(handle, { ...action, requestId }, options);

/** Sends an action that must be accepted, and returns the status right after it. */
export async function accepted(
  handle: OrderHandle,
  action: OrderAction,
  requestId?: string,
): Promise<OrderStatus> {
  const { outcome, status } = await act(handle, action, requestId);
  if (!outcome.accepted)
    throw new Error(`${action.action} on ${handle.workflowId} refused: ${outcome.refusal.message}`);
  return status;
}

/** The reason an action was refused; fails the test if it was accepted. */
export async function refusal(handle: OrderHandle, action: OrderAction): Promise<string> {
  const { outcome } = await act(handle, action);
  if (outcome.accepted) throw new Error(`${action.action} on ${handle.workflowId} was accepted`);
  return outcome.refusal.message;
}

/**
 * Sends an action that must be accepted, through outages: with an id of its own per order and
 * action, so sending it again after a restart is the same request, answered once.
 */
const acceptedThroughOutages = (handle: OrderHandle, action: OrderAction) =>
  retryTransient(() => accepted(handle, action, `${handle.workflowId}:${action.action}`));

export const pickUp = (handle: OrderHandle, driver: Driver) =>
  acceptedThroughOutages(handle, { action: 'pickUp', driver });

export const deliver = (handle: OrderHandle, driver: Driver) =>
  acceptedThroughOutages(handle, { action: 'deliver', driver });

export const cancel = (handle: OrderHandle) => acceptedThroughOutages(handle, { action: 'cancel' });

export const rate = (handle: OrderHandle, rating: Rating) =>
  acceptedThroughOutages(handle, { action: 'rate', rating });

/** The restaurant's staff member the tests act as. */
export const KITCHEN = { id: 'kitchen', name: 'Kitchen' } as const;

export const acceptOrder = (handle: OrderHandle, prepMinutes = 0) =>
  acceptedThroughOutages(handle, { action: 'accept', staff: KITCHEN, prepMinutes });

export const markReady = (handle: OrderHandle) =>
  acceptedThroughOutages(handle, { action: 'markReady', staff: KITCHEN });

/**
 * The restaurant accepts the order and hands it to the pass: the order is then waiting for a
 * driver, as an order charged up front was once `Paid`.
 */
export async function readyForPickup(handle: OrderHandle, prepMinutes = 0) {
  await waitForState(handle, 'Waiting for restaurant');
  await acceptOrder(handle, prepMinutes);
  return markReady(handle);
}

/** The restaurant accepts the order once it waits for an answer: the kitchen is then cooking it. */
export async function preparing(handle: OrderHandle, prepMinutes = 0) {
  await waitForState(handle, 'Waiting for restaurant');
  return acceptOrder(handle, prepMinutes);
}

export const rejectOrder = (handle: OrderHandle, reason: string) =>
  acceptedThroughOutages(handle, { action: 'reject', staff: KITCHEN, reason });

/** Ready, then picked up by `driver`: the hold on the card is captured now. */
export async function pickedUp(handle: OrderHandle, driver: Driver, prepMinutes = 0) {
  await readyForPickup(handle, prepMinutes);
  return pickUp(handle, driver);
}
