import { randomUUID } from 'node:crypto';
import type { MoneyState, OrderState, OrderWindows, PaymentMethodId } from '@delivery/common';
import type { Holds, MoneyMoved } from '@delivery/harness/ledger';

const SECOND = 1_000;

/** Outlasts every outage the suite causes, so no order misses a window it is meant to meet. */
const OUTLASTS_THE_KILLS = 300 * SECOND;

/** Each timed step lands after the kills before it, so every kill finds its step in flight. */
export const RATING_DELAY_MS = 30 * SECOND;
const NO_DRIVER_AFTER = 120 * SECOND;
const DELIVERY_TIMES_OUT_AFTER = 120 * SECOND;

const MET_WINDOWS: OrderWindows = {
  paymentWindowMs: OUTLASTS_THE_KILLS,
  restaurantWindowMs: OUTLASTS_THE_KILLS,
  preparationGraceMs: OUTLASTS_THE_KILLS,
  pickupWindowMs: OUTLASTS_THE_KILLS,
  deliveryWindowMs: OUTLASTS_THE_KILLS,
  ratingDelayMs: RATING_DELAY_MS,
  ratingWindowMs: 5 * 60 * SECOND,
};

export interface OrderPath {
  paymentMethod: PaymentMethodId;
  windows: OrderWindows;
  /** The states the order goes through; the last is the end its events dictate. */
  states: OrderState[];
  /** Where the order says its money ended up. */
  money: MoneyState;
  /** Captures count as charges: the money that moved. */
  moved: MoneyMoved;
  holds: Holds;
}

const NO_HOLD: Holds = { authorized: 0, held: 0, captured: 0, released: 0 };
const CAPTURED: Holds = { ...NO_HOLD, authorized: 1, captured: 1 };
const RELEASED: Holds = { ...NO_HOLD, authorized: 1, released: 1 };
const NOTHING_MOVED: MoneyMoved = { charges: 0, refunds: 0 };

const UNTIL_READY: OrderState[] = [
  'Authorizing card',
  'Waiting for restaurant',
  'Preparing',
  'Ready for pickup',
];

export const PATHS = {
  'delivered and rated': {
    paymentMethod: 'pm_card_visa',
    windows: MET_WINDOWS,
    states: [...UNTIL_READY, 'Picked up', 'Delivered'],
    money: 'captured',
    moved: { charges: 1, refunds: 0 },
    holds: CAPTURED,
  },
  'no driver': {
    paymentMethod: 'pm_card_visa',
    windows: { ...MET_WINDOWS, pickupWindowMs: NO_DRIVER_AFTER },
    states: [...UNTIL_READY, 'Releasing hold', 'Cancelled'],
    money: 'released',
    moved: NOTHING_MOVED,
    holds: RELEASED,
  },
  'delivery timeout': {
    paymentMethod: 'pm_card_visa',
    windows: { ...MET_WINDOWS, deliveryWindowMs: DELIVERY_TIMES_OUT_AFTER },
    states: [...UNTIL_READY, 'Picked up', 'Refunding', 'Refunded'],
    money: 'refunded',
    moved: { charges: 1, refunds: 1 },
    holds: CAPTURED,
  },
  'cancelled by customer': {
    paymentMethod: 'pm_card_visa',
    windows: MET_WINDOWS,
    states: ['Authorizing card', 'Waiting for restaurant', 'Releasing hold', 'Cancelled'],
    money: 'released',
    moved: NOTHING_MOVED,
    holds: RELEASED,
  },
  'rejected by restaurant': {
    paymentMethod: 'pm_card_visa',
    windows: MET_WINDOWS,
    states: ['Authorizing card', 'Waiting for restaurant', 'Releasing hold', 'Rejected'],
    money: 'released',
    moved: NOTHING_MOVED,
    holds: RELEASED,
  },
  'card declined': {
    paymentMethod: 'pm_card_chargeDeclined',
    windows: MET_WINDOWS,
    states: ['Authorizing card', 'Failed'],
    money: 'not charged',
    moved: NOTHING_MOVED,
    holds: NO_HOLD,
  },
} as const satisfies Record<string, OrderPath>;

export type PathName = keyof typeof PATHS;
export const PATH_NAMES = Object.keys(PATHS) as PathName[];

/** Orders start in two waves, so that each money step is cut once by each kind of kill. */
export type Cohort = 'first' | 'second';

export interface PlannedOrder {
  orderId: string;
  path: PathName;
  cohort: Cohort;
}

/** `perPath` orders of every path in each cohort, decided before anything runs. */
export function planOrders(perPath: number): PlannedOrder[] {
  return (['first', 'second'] as const).flatMap((cohort) =>
    PATH_NAMES.flatMap((path) =>
      Array.from({ length: perPath }, () => ({ orderId: randomUUID(), path, cohort })),
    ),
  );
}

export const ordersOn = (plan: PlannedOrder[], ...paths: PathName[]): PlannedOrder[] =>
  plan.filter((planned) => paths.includes(planned.path));

/** Orders the kitchen accepts and readies: those that reach a driver, or wait for one in vain. */
export const cookedOrders = (plan: PlannedOrder[]): PlannedOrder[] =>
  ordersOn(plan, 'delivered and rated', 'no driver', 'delivery timeout');

/** Orders a driver picks up: the ones whose hold is captured. */
export const pickedUpOrders = (plan: PlannedOrder[], cohort: Cohort): PlannedOrder[] =>
  ordersOn(plan, 'delivered and rated', 'delivery timeout').filter(
    (planned) => planned.cohort === cohort,
  );
