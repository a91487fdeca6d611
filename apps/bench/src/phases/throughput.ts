import { performance } from 'node:perf_hooks';
import { Customer } from '../actors/customer';
import { Driver } from '../actors/driver';
import type { Kitchen } from '../actors/kitchen';
import { BENCH_DRIVERS, SAMPLES } from '../config';
import { TrpcCallError } from '../http/site-client';
import { summarize, type LatencySummary } from '../measure/latency';
import { progress } from '../progress';
import { sleep } from '../sleep';

export interface Throughput {
  concurrency: number;
  /** Orders delivered per second within the measured window. */
  ordersPerSecond: number;
  delivered: number;
  failed: number;
  windowSeconds: number;
  /** One order from `createOrder` to its delivery, as one customer and one driver lived it. */
  orderLatency: LatencySummary;
  /** Taps on "Pick up" refused because the order was not ready yet, per delivered order. */
  refusedPickUpsPerOrder: number;
}

const FIRST_RETAP_MS = 25;
const LONGEST_RETAP_MS = 400;
const READY_TIMEOUT_MS = 30_000;

/**
 * An instant driver: taps "Pick up" as soon as the order exists. Until the kitchen has readied it
 * the order refuses (CONFLICT, "not accepted yet", "still preparing"; each refused request is a
 * signal in the order's history), so it taps again, backing off so that waiting drivers do not
 * load the worker.
 */
async function pickUpWhenReady(driver: Driver, orderId: string): Promise<number> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (
    let refused = 0, wait = FIRST_RETAP_MS;
    ;
    refused += 1, wait = Math.min(wait * 2, LONGEST_RETAP_MS)
  ) {
    try {
      await driver.pickUp(orderId);
      return refused;
    } catch (error) {
      const notReadyYet = error instanceof TrpcCallError && error.code === 'CONFLICT';
      if (!notReadyYet || Date.now() > deadline) throw error;
      await sleep(wait);
    }
  }
}

/**
 * One order's whole life: created, picked up and delivered through the HTTP APIs, readied by the
 * kitchen meanwhile. Returns the driver's refused taps.
 */
async function deliverOneOrder(
  customer: Customer,
  kitchen: Kitchen,
  driver: Driver,
): Promise<number> {
  const orderId = await customer.createOrder();
  const [refused] = await Promise.all([pickUpWhenReady(driver, orderId), kitchen.ready(orderId)]);
  await driver.deliver(orderId);
  return refused;
}

/**
 * `concurrency` customer-and-driver pairs, each ordering again as soon as its last order was
 * delivered. Orders finishing in the warm-up, or after the window, are not counted.
 */
async function atConcurrency(kitchen: Kitchen, concurrency: number): Promise<Throughput> {
  const pairs = await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => ({
      customer: new Customer(),
      driver: await Driver.signIn(BENCH_DRIVERS.throughput(concurrency, i + 1)),
    })),
  );
  const windowStart = performance.now() + SAMPLES.throughputWarmupMs;
  const windowEnd = windowStart + SAMPLES.throughputWindowMs;
  const latencies: number[] = [];
  let refusedPickUps = 0;
  let failed = 0;
  await Promise.all(
    pairs.map(async ({ customer, driver }) => {
      while (performance.now() < windowEnd) {
        const startedAt = performance.now();
        let refused: number;
        try {
          refused = await deliverOneOrder(customer, kitchen, driver);
        } catch (error) {
          failed += 1;
          if (failed === 1)
            progress(
              `  an order failed: ${error instanceof Error ? error.message : String(error)}`,
            );
          continue;
        }
        const finishedAt = performance.now();
        if (finishedAt < windowStart || finishedAt > windowEnd) continue;
        latencies.push(finishedAt - startedAt);
        refusedPickUps += refused;
      }
    }),
  );
  const windowSeconds = SAMPLES.throughputWindowMs / 1000;
  return {
    concurrency,
    ordersPerSecond: Math.round((latencies.length / windowSeconds) * 10) / 10,
    delivered: latencies.length,
    failed,
    windowSeconds,
    orderLatency: summarize(latencies),
    refusedPickUpsPerOrder: Math.round((refusedPickUps / latencies.length) * 10) / 10,
  };
}

export async function measureThroughput(kitchen: Kitchen): Promise<Throughput[]> {
  const results: Throughput[] = [];
  for (const concurrency of SAMPLES.throughputConcurrency) {
    const result = await atConcurrency(kitchen, concurrency);
    progress(
      `  concurrency ${concurrency}: ${result.ordersPerSecond} orders/s delivered ` +
        `(order p50 ${result.orderLatency.p50} ms, ${result.failed} failed)`,
    );
    results.push(result);
  }
  return results;
}
