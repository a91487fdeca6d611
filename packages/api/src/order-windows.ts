import type { OrderWindows } from '@delivery/common';
import { readNumber } from '@delivery/common/env';

const WINDOW_ENV: Record<keyof OrderWindows, string> = {
  paymentWindowMs: 'ORDER_PAYMENT_WINDOW_MS',
  pickupWindowMs: 'ORDER_PICKUP_WINDOW_MS',
  deliveryWindowMs: 'ORDER_DELIVERY_WINDOW_MS',
  ratingDelayMs: 'ORDER_RATING_DELAY_MS',
  ratingWindowMs: 'ORDER_RATING_WINDOW_MS',
};

/**
 * Shorter windows for tests and demos, from the server's environment only: a customer must not
 * be able to choose how long a driver has. Unset windows keep the workflow's defaults.
 */
export function orderWindowsFromEnv(): Partial<OrderWindows> {
  const windows: Partial<OrderWindows> = {};
  for (const [window, name] of Object.entries(WINDOW_ENV) as [keyof OrderWindows, string][]) {
    const value = readNumber(name, Number.NaN);
    if (!Number.isNaN(value)) windows[window] = value;
  }
  return windows;
}
