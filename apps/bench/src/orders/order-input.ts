import { randomUUID } from 'node:crypto';
import { priceItems, type OrderInput } from '@delivery/common';
import { BENCH_ITEMS, QUIET_WINDOW_MS } from '../config';

/**
 * A new customer's order as `createOrder` would make it, with restaurant and pickup windows
 * outlasting the run.
 */
export const benchOrderInput = (): OrderInput => ({
  orderId: randomUUID(),
  customerId: randomUUID(),
  ...priceItems(BENCH_ITEMS),
  paymentMethod: 'pm_card_visa',
  windows: { restaurantWindowMs: QUIET_WINDOW_MS, pickupWindowMs: QUIET_WINDOW_MS },
});
