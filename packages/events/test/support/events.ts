import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { OrderState, OrderStatus } from '@delivery/common';
import type { OrderEvent, OrderEventBus, SubscribeOptions } from '../../src';

/** The event of `orderId`'s change number `version`, its state naming the version. */
export function eventOf(
  orderId: string,
  version: number,
  state: OrderState = 'Preparing',
): OrderEvent {
  const at = new Date(Date.UTC(2026, 0, 1, 12, 0, version)).toISOString();
  const status: OrderStatus = {
    orderId,
    customerId: 'customer-1',
    state,
    lines: [],
    totalCents: 1_250,
    paymentMethod: 'pm_card_visa',
    createdAt: at,
    updatedAt: at,
    timeline: [{ state, at }],
    deadline: null,
    driver: null,
    chargeId: null,
    refundId: null,
    notifications: [],
    ratingRequested: false,
    rating: null,
    failureReason: `version ${version}`,
    open: true,
  };
  return { orderId, version, status };
}

export const newOrderId = (): string => randomUUID();

/** Every event a subscription passes on, in the order it does. */
export function recordEvents(bus: OrderEventBus, options?: SubscribeOptions) {
  const events: OrderEvent[] = [];
  const subscription = bus.subscribe((event) => events.push(event), options);
  return {
    events,
    ready: subscription.ready,
    close: () => subscription.close(),
    versionsOf: (orderId: string) =>
      events.filter((event) => event.orderId === orderId).map((event) => event.version),
  };
}

/** Resolves once `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function eventually(
  check: () => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `items` in a random order. */
export const shuffled = <T>(items: readonly T[]): T[] =>
  items
    .map((item) => ({ item, key: Math.random() }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);

/** The versions a subscriber saw of one order: each newer than the one before, ending at `latest`. */
export function expectRisingTo(versions: readonly number[], latest: number): void {
  expect(versions.filter((version, i) => i > 0 && version <= versions[i - 1]!)).toEqual([]);
  expect(versions.at(-1)).toBe(latest);
}
