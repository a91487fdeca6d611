import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Driver, OrderStatus, Rating, Staff } from '@delivery/common';

/** `type` of a refusal: why an action did not take effect. */
export const REFUSAL_TYPES = {
  invalidArgument: 'InvalidArgument',
  wrongState: 'WrongState',
  wrongDriver: 'WrongDriver',
} as const;

export type RefusalType = (typeof REFUSAL_TYPES)[keyof typeof REFUSAL_TYPES];

/** Why an action cannot take effect, in words a person can act on. */
export interface Refusal {
  type: RefusalType;
  message: string;
}

/** What a customer, the restaurant or a driver asks of an order. */
export type OrderAction =
  | { action: 'accept'; staff: Staff; prepMinutes: number }
  | { action: 'reject'; staff: Staff; reason: string }
  | { action: 'markReady'; staff: Staff }
  | { action: 'pickUp'; driver: Driver }
  | { action: 'deliver'; driver: Driver }
  | { action: 'cancel' }
  | { action: 'rate'; rating: Rating };

export type ActionName = OrderAction['action'];

/** An action with the id its sender keeps for retries: the same id is applied once. */
export type OrderRequest = OrderAction & { requestId: string };

export type Outcome = { accepted: true } | { accepted: false; refusal: Refusal };

/** A request's outcome and the order's status right after it. */
export interface RequestAnswer {
  outcome: Outcome;
  status: OrderStatus;
}

/** What the workflow returns: the final status and the outcome of every request it answered. */
export interface OrderResult extends OrderStatus {
  outcomes?: Record<string, Outcome>;
}

export const getStatusQuery = defineQuery<OrderStatus>('getStatus');

/**
 * Actions arrive as signals, answered through `requestOutcome`. A signal is an event in history
 * before the workflow task that handles it, so it replays in the order it ran, wherever a worker
 * starts (Updates do not, on a cold worker: docs/actions.md).
 */
export const requestSignal = defineSignal<[OrderRequest]>('request');
export const requestOutcomeQuery = defineQuery<RequestAnswer | null, [string]>('requestOutcome');

/** Signals keep the names operators type in `temporal workflow signal --name ...`. */
export const pickedUpSignal = defineSignal<[Driver?]>('pickedUp');
export const deliveredSignal = defineSignal<[Driver?]>('delivered');
export const cancelSignal = defineSignal('cancel');
export const rateSignal = defineSignal<[Rating]>('rate');

/**
 * The Updates actions used to be sent as: handled so the orders that took them replay, and
 * refused when sent anew.
 */
export const pickUpUpdate = defineUpdate<OrderStatus, [Driver]>('pickUp');
export const deliverUpdate = defineUpdate<OrderStatus, [Driver]>('deliver');
export const cancelUpdate = defineUpdate<OrderStatus>('cancelOrder');
export const rateUpdate = defineUpdate<OrderStatus, [Rating]>('rateOrder');
