/**
 * The order's states and the groups every part of the product reads them by. The first six are
 * the names users of the original food-delivery sample know.
 */
export const ORDER_STATES = [
  'Charging card',
  'Paid',
  'Picked up',
  'Delivered',
  'Refunding',
  'Refunded',
  'Failed',
  'Cancelled',
  'Refund failed',
] as const;

export type OrderState = (typeof ORDER_STATES)[number];

/** The states of an order that goes well, in the order it reaches them. */
export const HAPPY_PATH = [
  'Charging card',
  'Paid',
  'Picked up',
  'Delivered',
] as const satisfies readonly OrderState[];

/** Ended without the food: the order moves no more (a delivered order may still be rated). */
export const ENDED_STATES = [
  'Failed',
  'Refunded',
  'Cancelled',
  'Refund failed',
] as const satisfies readonly OrderState[];

/** Off the happy path: a refund under way, or an end without the food. */
export const SETBACK_STATES = [
  'Refunding',
  ...ENDED_STATES,
] as const satisfies readonly OrderState[];

/** Still moving: every state but the ended ones. */
export const OPEN_STATES = ORDER_STATES.filter(
  (state): state is Exclude<OrderState, (typeof ENDED_STATES)[number]> => !isEnded(state),
);

/** The customer has paid, or may have, and has no food yet: ending here means a refund. */
export const REFUNDABLE_STATES = [
  'Charging card',
  'Paid',
  'Picked up',
  'Refunding',
] as const satisfies readonly OrderState[];

/** Money is moving at the payment provider right now. */
export const PAYMENT_IN_PROGRESS_STATES = [
  'Charging card',
  'Refunding',
] as const satisfies readonly OrderState[];

/** Paid and waiting: on every driver's board. */
export const WAITING_FOR_DRIVER = 'Paid' satisfies OrderState;
/** Carried: on its driver's board only. */
export const WITH_DRIVER = 'Picked up' satisfies OrderState;

export function isEnded(state: OrderState): boolean {
  return (ENDED_STATES as readonly OrderState[]).includes(state);
}

export const isIn = (group: readonly OrderState[], state: OrderState): boolean =>
  group.includes(state);

/** A driver's board lists the orders waiting for any driver and the ones this driver carries. */
export const isOnBoard = (
  row: { state: OrderState; driverId: string | null },
  driverId: string,
): boolean =>
  row.state === WAITING_FOR_DRIVER || (row.state === WITH_DRIVER && row.driverId === driverId);
