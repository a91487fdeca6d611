import type { OrderStatus, OrderSummary } from './order-model';

/** An order's list row from its whole status: what an action returned, or a live event carried. */
export const summaryOf = (status: OrderStatus): OrderSummary => ({
  orderId: status.orderId,
  customerId: status.customerId,
  state: status.state,
  driverId: status.driver?.id ?? null,
  lines: status.lines,
  totalCents: status.totalCents,
  createdAt: status.createdAt,
  updatedAt: status.updatedAt,
  readyAt: status.restaurant?.answer === 'accepted' ? status.restaurant.readyAt : null,
});
