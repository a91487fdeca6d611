import { expect } from 'vitest';
import { HAPPY_PATH, type OrderState, type OrderStatus, type OrderWindows } from '@delivery/common';
import { moneyTrail, type MoneyTrail } from '@delivery/harness/ledger';
import { statesVisited } from '@delivery/harness/orders';
import { SHORT_WINDOWS } from './order-harness';

/** The states an order that goes well visits up to and including `state`. */
export const pathTo = (state: (typeof HAPPY_PATH)[number]): OrderState[] =>
  HAPPY_PATH.slice(0, HAPPY_PATH.indexOf(state) + 1);

/**
 * Windows long enough for a test to act without racing them, but for the ones named, which keep
 * their SHORT_WINDOWS length: the window a test waits out.
 */
export function patientExcept(...short: (keyof OrderWindows)[]): Partial<OrderWindows> {
  const patient: Partial<OrderWindows> = {
    restaurantWindowMs: 30_000,
    preparationGraceMs: 30_000,
    pickupWindowMs: 30_000,
    deliveryWindowMs: 30_000,
  };
  for (const name of short) patient[name] = SHORT_WINDOWS[name];
  return patient;
}

/** What the provider's ledger shows for an order, by how the order ended. */
export const TRAIL = {
  nothingHeld: { authorized: 0, held: 0, captured: 0, released: 0, charges: 0, refunds: 0 },
  released: { authorized: 1, held: 0, captured: 0, released: 1, charges: 0, refunds: 0 },
  captured: { authorized: 1, held: 0, captured: 1, released: 0, charges: 1, refunds: 0 },
  refunded: { authorized: 1, held: 0, captured: 1, released: 0, charges: 1, refunds: 1 },
} as const satisfies Record<string, MoneyTrail>;

export async function expectTrail(
  paymentsUrl: string,
  final: OrderStatus,
  trail: MoneyTrail,
): Promise<void> {
  expect(await moneyTrail(paymentsUrl, final.orderId)).toEqual(trail);
}

/** What the customer was told with the notification `event`; fails when none was sent. */
export function told(final: OrderStatus, event: string): string {
  const notice = final.notifications.find((n) => n.event === event);
  if (!notice)
    throw new Error(
      `no '${event}' notification; sent: ${final.notifications.map((n) => n.event).join(', ')}`,
    );
  return notice.message;
}

/** An end before pickup: the hold is released, so no money moved. */
export interface ReleasedEnd {
  /** The last state of the happy path the order reached. */
  reached: (typeof HAPPY_PATH)[number];
  state: 'Rejected' | 'Cancelled' | 'Failed';
  event: 'rejected' | 'cancelled' | 'payment-failed';
  /** `null` when the customer asked for the end. */
  failureReason: RegExp | null;
}

export async function expectHoldReleased(
  paymentsUrl: string,
  final: OrderStatus,
  end: ReleasedEnd,
): Promise<void> {
  expect(statesVisited(final)).toEqual([...pathTo(end.reached), 'Releasing hold', end.state]);
  expect(final.open).toBe(false);
  expect(final.money).toBe('released');
  if (end.failureReason) expect(final.failureReason).toMatch(end.failureReason);
  else expect(final.failureReason).toBeNull();
  expect(told(final, end.event)).toMatch(
    /The hold on your card was released: you have not been charged\./,
  );
  await expectTrail(paymentsUrl, final, TRAIL.released);
}
