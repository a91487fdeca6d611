/**
 * The order's states and the groups every part of the product reads them by. Orders placed before
 * the kitchen joined were charged up front (`Charging card`, `Paid`) and finish on that path.
 */
export const ORDER_STATES = [
  'Authorizing card',
  'Waiting for restaurant',
  'Preparing',
  'Ready for pickup',
  'Charging card',
  'Paid',
  'Picked up',
  'Delivered',
  'Releasing hold',
  'Refunding',
  'Refunded',
  'Failed',
  'Rejected',
  'Cancelled',
  'Refund failed',
] as const;

export type OrderState = (typeof ORDER_STATES)[number];

/** The states of an order that goes well, in the order it reaches them. */
export const HAPPY_PATH = [
  'Authorizing card',
  'Waiting for restaurant',
  'Preparing',
  'Ready for pickup',
  'Picked up',
  'Delivered',
] as const satisfies readonly OrderState[];

/** The happy path of an order placed before the kitchen joined: charged, then straight to drivers. */
export const CHARGED_UP_FRONT_PATH = [
  'Charging card',
  'Paid',
  'Picked up',
  'Delivered',
] as const satisfies readonly OrderState[];

/** Ended without the food: the order moves no more (a delivered order may still be rated). */
export const ENDED_STATES = [
  'Failed',
  'Rejected',
  'Refunded',
  'Cancelled',
  'Refund failed',
] as const satisfies readonly OrderState[];

/** Off the happy path: a hold being released or a refund under way, or an end without the food. */
export const SETBACK_STATES = [
  'Releasing hold',
  'Refunding',
  ...ENDED_STATES,
] as const satisfies readonly OrderState[];

/** Still moving: every state but the ended ones. */
export const OPEN_STATES = ORDER_STATES.filter(
  (state): state is Exclude<OrderState, (typeof ENDED_STATES)[number]> => !isEnded(state),
);

/**
 * An order charged up front whose customer has paid, or may have, and has no food yet: ending
 * here means a refund.
 */
export const REFUNDABLE_STATES = [
  'Charging card',
  'Paid',
  'Picked up',
  'Refunding',
] as const satisfies readonly OrderState[];

/** Money is moving at the payment provider right now. */
export const PAYMENT_IN_PROGRESS_STATES = [
  'Authorizing card',
  'Charging card',
  'Releasing hold',
  'Refunding',
] as const satisfies readonly OrderState[];

/** The kitchen's tickets: orders the restaurant has to answer, cook or hand over. */
export const KITCHEN_STATES = [
  'Waiting for restaurant',
  'Preparing',
  'Ready for pickup',
] as const satisfies readonly OrderState[];

/** Food waiting for any driver: ready at the pass, or paid up front. */
export const WAITING_FOR_DRIVER = [
  'Ready for pickup',
  'Paid',
] as const satisfies readonly OrderState[];
/** Still cooking: on every driver's board as coming up, with its ready time; not yet pickable. */
export const COMING_UP = 'Preparing' satisfies OrderState;
/** Carried: on its driver's board only. */
export const WITH_DRIVER = 'Picked up' satisfies OrderState;

export function isEnded(state: OrderState): boolean {
  return (ENDED_STATES as readonly OrderState[]).includes(state);
}

export const isIn = (group: readonly OrderState[], state: OrderState): boolean =>
  group.includes(state);

/** Whether a driver can pick the order up now. */
export const isWaitingForDriver = (state: OrderState): boolean => isIn(WAITING_FOR_DRIVER, state);

/**
 * A driver's board lists the food waiting for any driver, the food still cooking (coming up) and
 * the orders this driver carries; never an order the restaurant has not accepted.
 */
export const isOnBoard = (
  row: { state: OrderState; driverId: string | null },
  driverId: string,
): boolean =>
  isWaitingForDriver(row.state) ||
  row.state === COMING_UP ||
  (row.state === WITH_DRIVER && row.driverId === driverId);

/** The happy path this order follows: charged up front if it ever was charging its card. */
export const happyPathOf = (reached: Iterable<OrderState>): readonly OrderState[] =>
  [...reached].some((state) => isIn(CHARGED_UP_FRONT_PATH.slice(0, 2), state))
    ? CHARGED_UP_FRONT_PATH
    : HAPPY_PATH;
