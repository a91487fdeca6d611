import { Customer } from '../actors/customer';
import type { Kitchen } from '../actors/kitchen';
import type { OrderPage } from '../actors/order-page';
import { SAMPLES } from '../config';
import { callsPerMinute, totalOf, type CallsByOperation } from '../measure/temporal-calls';
import { progress } from '../progress';
import { sleep } from '../sleep';

export interface PageCost {
  /** Customers with their order's page open, each following a different order ready for pickup. */
  pages: number;
  windowSeconds: number;
  callsPerMinute: number;
  callsPerMinuteByOperation: CallsByOperation;
}

/**
 * Longer than the feed's look-back (3 s), so rows replayed to a new page are out of it and
 * the window measures pages that are only waiting, not pages loading.
 */
const SETTLE_MS = 5_000;

/** Opens `count` pages and waits until each shows its order. */
async function openPages(
  orders: Array<{ customer: Customer; orderId: string }>,
): Promise<OrderPage[]> {
  const pages = orders.map(({ customer, orderId }) => customer.openOrderPage(orderId));
  await Promise.all(pages.map((page) => page.seen('Ready for pickup')));
  return pages;
}

/** Temporal calls per minute while 0, 1 and 10 order pages stay open on orders that do not change. */
export async function measurePageCost(kitchen: Kitchen): Promise<PageCost[]> {
  const most = Math.max(...SAMPLES.pageCounts);
  const orders = await Promise.all(
    Array.from({ length: most }, async () => {
      const customer = new Customer();
      const orderId = await customer.createOrder();
      // Ready orders wait out the run's pickup window; unanswered ones would be rejected in it.
      await kitchen.ready(orderId);
      return { customer, orderId };
    }),
  );
  const results: PageCost[] = [];
  for (const count of SAMPLES.pageCounts) {
    const pages = await openPages(orders.slice(0, count));
    await sleep(SETTLE_MS);
    const calls = await callsPerMinute(SAMPLES.pageWindowMs);
    pages.forEach((page) => page.close());
    const result = {
      pages: count,
      windowSeconds: SAMPLES.pageWindowMs / 1000,
      callsPerMinute: Math.round(totalOf(calls) * 10) / 10,
      callsPerMinuteByOperation: calls,
    };
    progress(
      `  ${count} open page(s): ${result.callsPerMinute} Temporal calls/min ${JSON.stringify(calls)}`,
    );
    results.push(result);
  }
  return results;
}
