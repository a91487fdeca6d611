import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Driver, OrderStatus, Rating } from '@delivery/common';

export const getStatusQuery = defineQuery<OrderStatus>('getStatus');

/** Signals keep the names operators type in `temporal workflow signal --name ...`. */
export const pickedUpSignal = defineSignal<[Driver?]>('pickedUp');
export const deliveredSignal = defineSignal<[Driver?]>('delivered');
export const cancelSignal = defineSignal('cancel');
export const rateSignal = defineSignal<[Rating]>('rate');

/** Updates answer their caller: a validator refuses an action that cannot take effect. */
export const pickUpUpdate = defineUpdate<OrderStatus, [Driver]>('pickUp');
export const deliverUpdate = defineUpdate<OrderStatus, [Driver]>('deliver');
export const cancelUpdate = defineUpdate<OrderStatus>('cancelOrder');
export const rateUpdate = defineUpdate<OrderStatus, [Rating]>('rateOrder');

/** `type` of the ApplicationFailure a validator throws when it refuses an action. */
export const REFUSAL_TYPES = {
  invalidArgument: 'InvalidArgument',
  wrongState: 'WrongState',
  wrongDriver: 'WrongDriver',
  /** The order is at a step boundary this very moment; the same action a moment later may work. */
  retryLater: 'RetryLater',
} as const;

export type RefusalType = (typeof REFUSAL_TYPES)[keyof typeof REFUSAL_TYPES];
