import { performance } from 'node:perf_hooks';
import type { OrderState } from '@delivery/common';
import { Customer } from '../actors/customer';
import type { Driver } from '../actors/driver';
import type { Kitchen } from '../actors/kitchen';
import type { OrderPage } from '../actors/order-page';
import { SAMPLES } from '../config';
import { summarize, type LatencySummary } from '../measure/latency';
import { sleep } from '../sleep';

export interface LiveUpdates {
  openOrders: number;
  /** From the driver tapping "Pick up" or "Delivered" to the customer's open page showing it. */
  seenByCustomer: LatencySummary;
  /** The driver's own request (signal and answer), for comparison. */
  driverAction: LatencySummary;
}

/** Acting at a random moment, never in step with the sites' reads of the event bus. */
const JITTER_MS = 500;

async function actAndWatch(
  page: OrderPage,
  action: () => Promise<unknown>,
  shows: OrderState,
): Promise<{ seen: number; action: number }> {
  await sleep(Math.random() * JITTER_MS);
  const tappedAt = performance.now();
  await action();
  const answeredAt = performance.now();
  return { seen: (await page.seen(shows)) - tappedAt, action: answeredAt - tappedAt };
}

/** Orders followed on their page while a driver picks them up and delivers them, once ready. */
export async function measureLiveUpdates(
  driver: Driver,
  kitchen: Kitchen,
  openOrders: number,
): Promise<LiveUpdates> {
  const customer = new Customer();
  const seen: number[] = [];
  const actions: number[] = [];
  for (let i = 0; i < SAMPLES.liveOrders; i += 1) {
    const orderId = await customer.createOrder();
    const page = customer.openOrderPage(orderId);
    try {
      await kitchen.ready(orderId);
      await page.seen('Ready for pickup');
      for (const sample of [
        await actAndWatch(page, () => driver.pickUp(orderId), 'Picked up'),
        await actAndWatch(page, () => driver.deliver(orderId), 'Delivered'),
      ]) {
        seen.push(sample.seen);
        actions.push(sample.action);
      }
    } finally {
      page.close();
    }
  }
  return { openOrders, seenByCustomer: summarize(seen), driverAction: summarize(actions) };
}
