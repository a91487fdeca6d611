import { performance } from 'node:perf_hooks';
import type { Client } from '@temporalio/client';
import type { Kitchen } from '../actors/kitchen';
import { BARE_WORKFLOWS, withBareWorker } from '../baseline/baseline-worker';
import { orderShapedPairs } from '../baseline/order-shaped-pairs';
import { SAMPLES } from '../config';
import type { CpuMeter, CpuSplit } from '../measure/cpu-split';
import { summarize, type LatencySummary } from '../measure/latency';
import { ratio } from '../measure/ratio';
import type { OrderPairs } from '../orders/order-pairs';
import { productPairs } from '../orders/product-pairs';
import { progress } from '../progress';
import { sleep } from '../sleep';

export interface Throughput {
  concurrency: number;
  /** Orders delivered per second within the measured window. */
  ordersPerSecond: number;
  delivered: number;
  failed: number;
  windowSeconds: number;
  /** One order from its start to its delivery, as one customer and one driver lived it. */
  orderLatency: LatencySummary;
  /** Taps on "Pick up" refused because the order was not ready yet, per delivered order. */
  refusedPickUpsPerOrder: number;
  /** Where the CPU went over the measured window, from each process's own accounting. */
  cpu: CpuSplit;
}

/** The order-shaped workflow on a bare worker, with the order's figures over its own. */
export interface Ceiling extends Throughput {
  orderOverCeiling: { ordersPerSecond: number; p50: number; p95: number };
}

export interface ThroughputFigures {
  throughput: Throughput[];
  ceiling: Ceiling[];
}

/**
 * `concurrency` pairs, each ordering again as soon as its last order was delivered. Orders
 * finishing in the warm-up, or after the window, are not counted; the CPU is read as the window
 * opens and as it closes.
 */
async function atConcurrency(
  makePairs: OrderPairs,
  concurrency: number,
  cpu: CpuMeter,
): Promise<Throughput> {
  // One at a time: sign-in throttling counts each attempt while its password is checked, so 50
  // drivers signing in at once from one address would pass its per-address limit.
  const pairs: Awaited<ReturnType<OrderPairs>>[] = [];
  for (let pair = 1; pair <= concurrency; pair += 1) pairs.push(await makePairs(concurrency, pair));
  const windowStart = performance.now() + SAMPLES.throughputWarmupMs;
  const windowEnd = windowStart + SAMPLES.throughputWindowMs;
  const cpuAtStart = sleep(SAMPLES.throughputWarmupMs).then(() => cpu.read());
  const cpuAtEnd = sleep(SAMPLES.throughputWarmupMs + SAMPLES.throughputWindowMs).then(() =>
    cpu.read(),
  );
  const latencies: number[] = [];
  let refusedPickUps = 0;
  let failed = 0;
  await Promise.all(
    pairs.map(async (pair) => {
      while (performance.now() < windowEnd) {
        const startedAt = performance.now();
        let refused: number;
        try {
          refused = await pair.deliverOne();
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
    cpu: cpu.split(await cpuAtStart, await cpuAtEnd, latencies.length),
  };
}

function againstCeiling(orders: Throughput, ceiling: Throughput): Ceiling {
  return {
    ...ceiling,
    orderOverCeiling: {
      ordersPerSecond: ratio(orders.ordersPerSecond, ceiling.ordersPerSecond),
      p50: ratio(orders.orderLatency.p50, ceiling.orderLatency.p50),
      p95: ratio(orders.orderLatency.p95, ceiling.orderLatency.p95),
    },
  };
}

const line = (label: string, t: Throughput): string =>
  `  concurrency ${t.concurrency}, ${label}: ${t.ordersPerSecond} orders/s delivered ` +
  `(order p50 ${t.orderLatency.p50} ms, ${t.failed} failed, ` +
  `${t.cpu.cpuSecondsPerOrder} CPU s per order)`;

/**
 * At each concurrency, real orders and then the ceiling, driven alike: level by level, so that
 * other work on the machine, which comes and goes, weighs on both of a pair of figures.
 */
export async function measureThroughput(
  client: Client,
  kitchen: Kitchen,
  cpu: CpuMeter,
): Promise<ThroughputFigures> {
  const figures: ThroughputFigures = { throughput: [], ceiling: [] };
  await withBareWorker(BARE_WORKFLOWS.orderShaped, async () => {
    for (const concurrency of SAMPLES.throughputConcurrency) {
      const orders = await atConcurrency(productPairs(kitchen), concurrency, cpu);
      progress(line('orders', orders));
      const ceiling = await atConcurrency(orderShapedPairs(client), concurrency, cpu);
      progress(line('ceiling', ceiling));
      figures.throughput.push(orders);
      figures.ceiling.push(againstCeiling(orders, ceiling));
    }
  });
  return figures;
}
