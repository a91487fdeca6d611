import { randomUUID } from 'node:crypto';
import type { OrderState, OrderWindows, PaymentMethodId } from '@delivery/common';
import type { MoneyMoved } from '@delivery/harness/ledger';

const SECOND = 1_000;

/** Outlasts every outage the suite causes, so no order misses a window it is meant to meet. */
const OUTLASTS_THE_KILLS = 240 * SECOND;

/** Each timed step lands after the kills before it, so every kill finds its step in flight. */
export const RATING_DELAY_MS = 30 * SECOND;
const PICKUP_TIMES_OUT_AFTER = 120 * SECOND;
const DELIVERY_TIMES_OUT_AFTER = 90 * SECOND;

const MET_WINDOWS: OrderWindows = {
  paymentWindowMs: OUTLASTS_THE_KILLS,
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
  money: MoneyMoved;
}

const paidAndRefunded: MoneyMoved = { charges: 1, refunds: 1 };

export const PATHS = {
  'delivered and rated': {
    paymentMethod: 'pm_card_visa',
    windows: MET_WINDOWS,
    states: ['Charging card', 'Paid', 'Picked up', 'Delivered'],
    money: { charges: 1, refunds: 0 },
  },
  'pickup timeout': {
    paymentMethod: 'pm_card_visa',
    windows: { ...MET_WINDOWS, pickupWindowMs: PICKUP_TIMES_OUT_AFTER },
    states: ['Charging card', 'Paid', 'Refunding', 'Refunded'],
    money: paidAndRefunded,
  },
  'delivery timeout': {
    paymentMethod: 'pm_card_visa',
    windows: { ...MET_WINDOWS, deliveryWindowMs: DELIVERY_TIMES_OUT_AFTER },
    states: ['Charging card', 'Paid', 'Picked up', 'Refunding', 'Refunded'],
    money: paidAndRefunded,
  },
  'cancelled while paid': {
    paymentMethod: 'pm_card_visa',
    windows: MET_WINDOWS,
    states: ['Charging card', 'Paid', 'Refunding', 'Cancelled'],
    money: paidAndRefunded,
  },
  'card declined': {
    paymentMethod: 'pm_card_chargeDeclined',
    windows: MET_WINDOWS,
    states: ['Charging card', 'Failed'],
    money: { charges: 0, refunds: 0 },
  },
} as const satisfies Record<string, OrderPath>;

export type PathName = keyof typeof PATHS;
export const PATH_NAMES = Object.keys(PATHS) as PathName[];

/** Orders start in two waves, so that two kills each find a wave of charges in flight. */
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
