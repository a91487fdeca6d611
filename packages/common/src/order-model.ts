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
  pickupWindowMs: number;
  deliveryWindowMs: number;
  ratingDelayMs: number;
  ratingWindowMs: number;
}

export const DEFAULT_WINDOWS: OrderWindows = {
  paymentWindowMs: 30 * 60_000,
  pickupWindowMs: 60_000,
  deliveryWindowMs: 60_000,
  ratingDelayMs: 60_000,
  ratingWindowMs: 24 * 60 * 60_000,
};

export interface Driver {
  id: string;
  name: string;
}

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

export type DeadlineKind = 'pickup' | 'delivery' | 'rating';

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
}
