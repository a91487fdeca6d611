import type { OrderState } from './order-states';
import type { PaymentMethodId } from './payment-methods';

export interface OrderItem {
  productId: string;
  quantity: number;
}

export interface OrderLine extends OrderItem {
  name: string;
  unitPriceCents: number;
  lineTotalCents: number;
}

export interface OrderWindows {
  /** How long the payment provider may take to answer the charge before it is settled and voided. */
  paymentWindowMs: number;
  /** How long the restaurant has to accept or reject; silence rejects the order. */
  restaurantWindowMs: number;
  /** How long past its promised ready time the kitchen may still mark the food ready. */
  preparationGraceMs: number;
  /** How long food (ready, or paid up front) waits for a driver. */
  pickupWindowMs: number;
  deliveryWindowMs: number;
  ratingDelayMs: number;
  ratingWindowMs: number;
}

export const DEFAULT_WINDOWS: OrderWindows = {
  paymentWindowMs: 30 * 60_000,
  restaurantWindowMs: 2 * 60_000,
  preparationGraceMs: 15 * 60_000,
  pickupWindowMs: 60_000,
  deliveryWindowMs: 60_000,
  ratingDelayMs: 60_000,
  ratingWindowMs: 24 * 60 * 60_000,
};

/** Someone signed in to a staff site: a driver, or the restaurant's staff at the pass. */
export interface Staff {
  id: string;
  name: string;
}

export type Driver = Staff;

export interface Rating {
  stars: number;
  comment?: string;
}

/** What starts an order: the priced lines are fixed when the order is placed. */
export interface OrderInput {
  orderId: string;
  customerId: string;
  lines: OrderLine[];
  totalCents: number;
  paymentMethod: PaymentMethodId;
  windows?: Partial<OrderWindows>;
}

export type DeadlineKind = 'payment' | 'restaurant' | 'ready' | 'pickup' | 'delivery' | 'rating';

export interface Deadline {
  kind: DeadlineKind;
  at: string;
}

export interface TimelineEntry {
  state: OrderState;
  at: string;
}

export interface NotificationRecord {
  id: string;
  event: string;
  message: string;
  at: string;
  delivered: boolean;
}

/** What the restaurant said about the order. */
export type RestaurantAnswer =
  | { answer: 'accepted'; by: Staff; at: string; prepMinutes: number; readyAt: string }
  | { answer: 'rejected'; by: Staff; at: string; reason: string };

/**
 * Where the customer's money stands. An order charged up front has no such field: its money is
 * read from its charge and refund (`moneyOf`).
 */
export type MoneyState =
  | 'authorizing'
  | 'authorized'
  | 'captured'
  | 'released'
  | 'refunded'
  | 'not charged'
  | 'refund failed';

export interface OrderStatus {
  orderId: string;
  customerId: string;
  state: OrderState;
  lines: OrderLine[];
  totalCents: number;
  paymentMethod: PaymentMethodId;
  createdAt: string;
  updatedAt: string;
  timeline: TimelineEntry[];
  deadline: Deadline | null;
  driver: Driver | null;
  chargeId: string | null;
  refundId: string | null;
  /** The card's authorization; absent on orders charged up front. */
  paymentIntentId?: string | null;
  money?: MoneyState;
  /** The restaurant's answer; absent on orders charged up front, `null` while it has not answered. */
  restaurant?: RestaurantAnswer | null;
  notifications: NotificationRecord[];
  ratingRequested: boolean;
  rating: (Rating & { at: string }) | null;
  failureReason: string | null;
  /** False once the workflow has nothing left to wait for. */
  open: boolean;
}

/** The part of an order that Visibility returns with every list call (search attributes + memo). */
export interface OrderSummary {
  orderId: string;
  customerId: string;
  state: OrderState;
  driverId: string | null;
  lines: OrderLine[];
  totalCents: number;
  createdAt: string;
  updatedAt: string;
  /** When the restaurant promised the food, once it accepted. */
  readyAt: string | null;
}
